package dev.users.command.domain;

import java.util.UUID;

/** One email of a user as the aggregate keeps it. */
public record UserEmail(UUID id, String address, boolean primary) {

    UserEmail withPrimary(boolean primary) {
        return new UserEmail(id, address, primary);
    }
}
