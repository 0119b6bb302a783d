package dev.users.command.domain;

import java.util.Optional;
import java.util.UUID;

/**
 * Which person each membership id belongs to, and at most one membership per person and account, kept in the
 * transaction of the event that opens or closes the membership (as {@link EmailClaims} keeps addresses).
 */
public interface MembershipRegistry {

    /**
     * Registers {@code membershipId} of {@code userId} in {@code accountId}.
     *
     * @throws dev.users.errors.UsersException with {@code CONFLICT} when the person already has a membership there
     */
    void register(UUID membershipId, UUID userId, UUID accountId);

    void forget(UUID membershipId);

    /** Forgets every membership of a removed person. */
    void forgetAll(UUID userId);

    /** The person of a membership of {@code accountId}; empty for another account's or an unknown membership. */
    Optional<UUID> personOf(UUID membershipId, UUID accountId);
}
