package dev.users.command.domain;

import dev.users.errors.ErrorCode;
import dev.users.errors.UsersException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A user's emails in the order they were added. Queries serve the command handlers; the mutators are called only
 * from event sourcing handlers and apply facts without re-checking them.
 */
public class Emails {

    private List<UserEmail> items = new ArrayList<>();

    public Emails() {
    }

    public List<UserEmail> all() {
        return List.copyOf(items);
    }

    int size() {
        return items.size();
    }

    List<String> addresses() {
        return items.stream().map(UserEmail::address).sorted().toList();
    }

    boolean hasAddress(String address) {
        return items.stream().anyMatch(e -> e.address().equals(address));
    }

    boolean hasId(UUID id) {
        return items.stream().anyMatch(e -> e.id().equals(id));
    }

    Optional<UserEmail> primary() {
        return items.stream().filter(UserEmail::primary).findFirst();
    }

    /** The email with {@code id}, or NOT_FOUND naming the id. */
    UserEmail require(UUID id) {
        return items.stream().filter(e -> e.id().equals(id)).findFirst()
                .orElseThrow(() -> new UsersException(ErrorCode.NOT_FOUND, "email " + id + " not found"));
    }

    /** Adds an email; a primary one demotes the previous primary. */
    void add(UUID id, String address, boolean primary) {
        List<UserEmail> next = new ArrayList<>(primary ? demoted() : items);
        next.add(new UserEmail(id, address, primary));
        items = next;
    }

    void remove(UUID id) {
        items = new ArrayList<>(items.stream().filter(e -> !e.id().equals(id)).toList());
    }

    void makePrimary(UUID id) {
        items = new ArrayList<>(items.stream().map(e -> e.withPrimary(e.id().equals(id))).toList());
    }

    private List<UserEmail> demoted() {
        return items.stream().map(e -> e.withPrimary(false)).toList();
    }
}
