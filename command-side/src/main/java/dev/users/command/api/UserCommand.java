package dev.users.command.api;

import java.util.UUID;

/**
 * A command on one user, naming the account it is sent for. Its handler answers with the user's version after the
 * command (its last event's sequence number), which the HTTP layer uses to wait until the read model shows the
 * write. Every command on an existing user is a {@link UserChange}.
 */
public interface UserCommand {

    UUID userId();

    UUID accountId();
}
