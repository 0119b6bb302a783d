package dev.users.command.domain;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** {@link RoleCatalog} with the predefined roles plus roles added per account by the test. */
class InMemoryRoleCatalog implements RoleCatalog {

    private final Map<UUID, Set<String>> own = new HashMap<>();

    InMemoryRoleCatalog define(UUID accountId, String role) {
        own.computeIfAbsent(accountId, id -> new HashSet<>()).add(role);
        return this;
    }

    @Override
    public Set<String> roleNames(UUID accountId) {
        Set<String> names = new HashSet<>(PREDEFINED);
        names.addAll(own.getOrDefault(accountId, Set.of()));
        return names;
    }
}
