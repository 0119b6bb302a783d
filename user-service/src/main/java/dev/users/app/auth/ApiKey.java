package dev.users.app.auth;

import java.util.UUID;

/** An API key as stored: its id, the account it belongs to, the account's default phone region, and its powers. */
public record ApiKey(UUID id, UUID accountId, String defaultRegion, boolean admin) {
}
