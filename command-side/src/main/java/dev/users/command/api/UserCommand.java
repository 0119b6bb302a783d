package dev.users.command.api;

import java.util.UUID;

/**
 * A command on one user. Every command names the account it is sent for: the aggregate answers NOT_FOUND when the
 * user belongs to another account, so one account's key can never touch another's users.
 * Handlers return the aggregate's version after the command (its last event sequence number), which the HTTP layer
 * uses to wait until the read model shows the write.
 */
public interface UserCommand {

    UUID userId();

    UUID accountId();
}
