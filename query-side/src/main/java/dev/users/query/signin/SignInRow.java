package dev.users.query.signin;

import java.time.Instant;
import java.util.UUID;

/** One row of {@code sign_in_audit}. */
public record SignInRow(String eventId, UUID userId, UUID accountId, Instant previousSignInAt, Instant signedInAt,
                        Instant recordedAt, String apiKeyId) {
}
