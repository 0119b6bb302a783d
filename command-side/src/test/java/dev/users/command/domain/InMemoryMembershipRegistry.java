package dev.users.command.domain;

import dev.users.errors.ErrorCode;
import dev.users.errors.UsersException;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** {@link MembershipRegistry} in a map, for fixture tests: one membership per person and account. */
class InMemoryMembershipRegistry implements MembershipRegistry {

    private record Entry(UUID userId, UUID accountId) {
    }

    private final Map<UUID, Entry> memberships = new HashMap<>();

    @Override
    public void register(UUID membershipId, UUID userId, UUID accountId) {
        Entry entry = new Entry(userId, accountId);
        if (memberships.containsValue(entry)) {
            throw new UsersException(ErrorCode.CONFLICT, "the person is already invited to or a member of this account");
        }
        memberships.put(membershipId, entry);
    }

    @Override
    public void forget(UUID membershipId) {
        memberships.remove(membershipId);
    }

    @Override
    public void forgetAll(UUID userId) {
        memberships.values().removeIf(entry -> entry.userId().equals(userId));
    }

    @Override
    public Optional<UUID> personOf(UUID membershipId, UUID accountId) {
        Entry entry = memberships.get(membershipId);
        return entry != null && entry.accountId().equals(accountId) ? Optional.of(entry.userId()) : Optional.empty();
    }
}
