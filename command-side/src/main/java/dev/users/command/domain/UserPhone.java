package dev.users.command.domain;

import java.util.UUID;

/** One phone of a user as the aggregate keeps it; {@code number} is E.164. */
public record UserPhone(UUID id, String number, String country, boolean primary, boolean blocked,
                        String confirmationMethod) {

    UserPhone withPrimary(boolean primary) {
        return new UserPhone(id, number, country, primary, blocked, confirmationMethod);
    }

    UserPhone withBlocked(boolean blocked) {
        return new UserPhone(id, number, country, primary, blocked, confirmationMethod);
    }
}
