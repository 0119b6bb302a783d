package dev.users.query.directory;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One row of {@code user_directory}, typed: what every surface's renderer works from. {@code teamIds} are the
 * account user's teams (v4 account users), kept as given.
 */
public record UserRow(UUID userId, UUID accountId, long tinyId, String name, String firstName, String lastName,
                      String timeZone, String timeZoneId, String preferredLanguage, Instant lastSignInAt,
                      boolean notifyPush, boolean notifyEmail, boolean notifySms, boolean notifyVoice,
                      Map<String, String> meta, List<String> roles, List<String> teamIds, List<Email> emails,
                      List<Phone> phones, Instant createdAt, Instant updatedAt, long version) {

    public record Email(UUID id, String email, boolean primary) {
    }

    public record Phone(UUID id, String prefixId, String phone, boolean primary, String country, boolean blocked) {
    }
}
