package dev.users.app.auth;

import java.util.UUID;

/** Who is calling: the account an API key belongs to, the key itself (for audit metadata), and its powers. */
public record Caller(UUID accountId, UUID apiKeyId, String defaultRegion, boolean admin) {
}
