package dev.users.command.api;

/**
 * A command on an existing user: every command but {@link CreateUser}. Before one is handled, the aggregate checks
 * that the user exists in the command's account (another account's user answers NOT_FOUND, so one account's key can
 * never touch another's users); afterwards it answers with the user's version (its last event's sequence number),
 * which the HTTP layer uses to wait until the read model shows the write.
 */
public interface UserChange extends UserCommand {

    /**
     * The metadata key of the client's {@code If-Match} header, as sent: the command applies only if it names the
     * user's current version (see {@code dev.users.web.EntityTags}).
     */
    String IF_MATCH = "ifMatch";
}
