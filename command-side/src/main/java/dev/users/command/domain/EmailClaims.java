package dev.users.command.domain;

import java.util.UUID;

/**
 * Keeps email addresses unique across live users. Called by the {@link User} command handlers before they apply the
 * event, inside the same transaction as the event append, so a rolled-back command also undoes its claims.
 * Addresses are already trimmed and lower-cased.
 */
public interface EmailClaims {

    /**
     * Claims {@code address} for {@code userId}. Claiming an address the same user already holds is a no-op.
     *
     * @throws dev.users.errors.UsersException with {@code CONFLICT} when another user holds the address
     */
    void claim(String address, UUID userId);

    /** Frees {@code address} if {@code userId} holds it; never touches another user's claim. */
    void release(String address, UUID userId);

    /** The live user (person) holding {@code address}, if any. */
    java.util.Optional<UUID> holder(String address);

    /** Frees every address {@code userId} holds (the user is being removed). */
    void releaseAll(UUID userId);
}
