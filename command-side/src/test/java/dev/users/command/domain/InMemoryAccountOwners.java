package dev.users.command.domain;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** {@link AccountOwners} in a map, for fixture tests. */
class InMemoryAccountOwners implements AccountOwners {

    private final Map<UUID, UUID> owners = new HashMap<>();

    @Override
    public Optional<UUID> transferTo(UUID accountId, UUID userId) {
        return Optional.ofNullable(owners.put(accountId, userId));
    }

    @Override
    public boolean isOwner(UUID accountId, UUID userId) {
        return userId.equals(owners.get(accountId));
    }
}
