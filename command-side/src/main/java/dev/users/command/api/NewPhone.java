package dev.users.command.api;

import java.util.UUID;

/**
 * A phone to add: {@code number} in E.164 form, which the aggregate checks with the same rule the request readers use
 * (PhoneNumbers), and takes the region from; {@code country} is what the readers found.
 */
public record NewPhone(UUID phoneId, String number, String country, boolean primary, String confirmationMethod) {
}
