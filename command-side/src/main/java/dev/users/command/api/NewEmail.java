package dev.users.command.api;

import java.util.UUID;

/**
 * An email address to add. The aggregate checks {@code address} with the same rule the request readers use
 * (EmailAddresses), so a command built anywhere is held to it; the readers send it already trimmed and lower-cased.
 */
public record NewEmail(UUID emailId, String address, boolean primary) {
}
