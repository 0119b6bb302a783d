package dev.users.app.auth;

import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The accounts users belong to: the first start creates one, the operator the others ({@link AccountsController}).
 * Administrative and rare, so on JPA ({@link AccountEntity}); the request path reads an account's region through
 * the cached key lookup ({@link ApiKeys#authenticate}), never here.
 */
@Component
public class Accounts {

    private final AccountRepository repository;

    Accounts(AccountRepository repository) {
        this.repository = repository;
    }

    /** An account as the operator sees it. */
    public record Account(UUID id, String name, String defaultRegion, Instant createdAt) {
    }

    public UUID create(String name, String defaultRegion) {
        return repository.saveAndFlush(new AccountEntity(UUID.randomUUID(), name, defaultRegion)).getId();
    }

    public Optional<UUID> first() {
        return repository.oldest().map(AccountEntity::getId);
    }

    public Optional<Account> find(UUID id) {
        return repository.findById(id).map(AccountEntity::toAccount);
    }

    /** The accounts, oldest first. */
    public List<Account> list(int limit, long offset) {
        return repository.oldestFirst(limit, offset).stream().map(AccountEntity::toAccount).toList();
    }

    public long count() {
        return repository.count();
    }
}
