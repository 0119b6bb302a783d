package dev.users.app.auth;

import java.util.UUID;

/** Who is calling: the account an API key belongs to, and the key itself (for audit metadata). */
public record Caller(UUID accountId, UUID apiKeyId, String defaultRegion) {
}
