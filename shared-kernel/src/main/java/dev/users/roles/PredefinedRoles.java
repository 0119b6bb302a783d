package dev.users.roles;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The platform's default roles, the ones PagerTree uses for account users. Every account has them; they can be
 * assigned but never deleted. Their ids are derived from their names, so they are the same everywhere and forever.
 * Account-defined roles live in the {@code account_roles} table next to these.
 */
public final class PredefinedRoles {

    public record Role(UUID id, String name, String description) {
    }

    public static final List<Role> ALL = List.of(
            role("admin", "Manages the account: users, roles, settings and billing"),
            role("billing", "Sees and changes the account's billing"),
            role("broadcaster", "Sends broadcasts to teams and stakeholders"),
            role("communicator", "Receives alerts and communicates about incidents"));

    private PredefinedRoles() {
    }

    public static Optional<Role> byName(String name) {
        return ALL.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    public static Optional<Role> byId(UUID id) {
        return ALL.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    public static List<String> names() {
        return ALL.stream().map(Role::name).toList();
    }

    private static Role role(String name, String description) {
        return new Role(UUID.nameUUIDFromBytes(("predefined-role:" + name).getBytes(StandardCharsets.UTF_8)), name,
                description);
    }
}
