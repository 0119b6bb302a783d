package dev.users.events;

import java.util.UUID;

/**
 * {@code number} is E.164; {@code country} is the ISO 3166 alpha-2 region libphonenumber found for it.
 * {@code confirmationMethod} is what the client asked for (sms, voice), or null.
 */
public record PhoneAdded(UUID userId, UUID phoneId, String number, String country, boolean primary,
                         String confirmationMethod) implements UserEvent {
}
