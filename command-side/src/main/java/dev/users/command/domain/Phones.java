package dev.users.command.domain;

import dev.users.errors.ErrorCode;
import dev.users.errors.UsersException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * A user's phones in the order they were added; exactly one is primary while any exists (zero phones is fine).
 * Queries serve the command handlers; the mutators are called only from event sourcing handlers.
 */
public class Phones {

    private List<UserPhone> items = new ArrayList<>();

    public Phones() {
    }

    public List<UserPhone> all() {
        return List.copyOf(items);
    }

    int size() {
        return items.size();
    }

    boolean isEmpty() {
        return items.isEmpty();
    }

    boolean hasNumber(String number) {
        return items.stream().anyMatch(p -> p.number().equals(number));
    }

    boolean hasId(UUID id) {
        return items.stream().anyMatch(p -> p.id().equals(id));
    }

    Optional<UserPhone> primary() {
        return items.stream().filter(UserPhone::primary).findFirst();
    }

    /** The phone with {@code id}, or NOT_FOUND naming the id. */
    UserPhone require(UUID id) {
        return items.stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new UsersException(ErrorCode.NOT_FOUND, "phone " + id + " not found"));
    }

    /** Adds a phone; a primary one demotes the previous primary. */
    void add(UserPhone phone) {
        List<UserPhone> next = new ArrayList<>(phone.primary()
                ? items.stream().map(p -> p.withPrimary(false)).toList() : items);
        next.add(phone);
        items = next;
    }

    void remove(UUID id) {
        items = new ArrayList<>(items.stream().filter(p -> !p.id().equals(id)).toList());
    }

    void makePrimary(UUID id) {
        items = new ArrayList<>(items.stream().map(p -> p.withPrimary(p.id().equals(id))).toList());
    }

    void setBlocked(UUID id, boolean blocked) {
        update(id, p -> p.withBlocked(blocked));
    }

    private void update(UUID id, UnaryOperator<UserPhone> change) {
        items = new ArrayList<>(items.stream().map(p -> p.id().equals(id) ? change.apply(p) : p).toList());
    }
}
