package dev.users.command.api;

import java.util.UUID;

/** A phone to add, already parsed: {@code number} is E.164 and {@code country} the region libphonenumber found. */
public record NewPhone(UUID phoneId, String number, String country, boolean primary, String confirmationMethod) {
}
