package dev.users.errors;

/**
 * {@code If-Match} named another version than the user's: nothing was applied. The message and the answer's
 * {@code ETag} carry the current version, so that a client can fetch the user again and decide.
 */
public class VersionMismatch extends UsersException {

    private final long currentVersion;

    public VersionMismatch(long currentVersion) {
        super(ErrorCode.PRECONDITION_FAILED, "If-Match does not name the user's current version, which is "
                + currentVersion + " (ETag \"" + currentVersion + "\"); nothing was changed: read the user again");
        this.currentVersion = currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
