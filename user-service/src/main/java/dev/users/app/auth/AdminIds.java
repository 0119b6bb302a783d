package dev.users.app.auth;

import dev.users.errors.ErrorCode;
import dev.users.errors.UsersException;
import dev.users.web.ClientText;

import java.util.Optional;
import java.util.UUID;

/** The UUID a path names (accounts, keys): text no id may hold is a 422, a well-formed non-UUID names nothing. */
final class AdminIds {

    private AdminIds() {
    }

    static Optional<UUID> uuid(String id) {
        String refusal = ClientText.refusal(id, ClientText.Kind.LINE);
        if (refusal != null) {
            throw new UsersException(ErrorCode.INVALID, new UsersException.Problem("id", "id " + refusal));
        }
        if (id.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
