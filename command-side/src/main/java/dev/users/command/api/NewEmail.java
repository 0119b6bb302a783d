package dev.users.command.api;

import java.util.UUID;

/** An email address to add; {@code address} is already trimmed and lower-cased. */
public record NewEmail(UUID emailId, String address, boolean primary) {
}
