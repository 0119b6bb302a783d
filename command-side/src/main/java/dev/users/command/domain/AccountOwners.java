package dev.users.command.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Who owns each account: at most one user, changed in the transaction of the event that transfers ownership (as
 * {@link EmailClaims} keeps addresses), so that the rules on the owner's roles and removal read the truth.
 */
public interface AccountOwners {

    /** Makes {@code userId} the owner of {@code accountId}; answers the previous owner, if there was one. */
    Optional<UUID> transferTo(UUID accountId, UUID userId);

    boolean isOwner(UUID accountId, UUID userId);

    /** The roles an owner always has. */
    List<String> OWNER_ROLES = List.of("admin", "billing");
}
