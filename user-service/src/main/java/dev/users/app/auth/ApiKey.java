package dev.users.app.auth;

import dev.users.web.Caller.Scope;

import java.time.Instant;
import java.util.UUID;

/**
 * An API key as stored: its id, the account it belongs to, the account's default phone region, its powers (scope,
 * and whether it is the operator's) and when it stops working (null: never).
 */
public record ApiKey(UUID id, UUID accountId, String defaultRegion, Scope scope, boolean operator, Instant expiresAt) {

    /** Whether the key still authenticates at {@code now}. */
    public boolean liveAt(Instant now) {
        return expiresAt == null || expiresAt.isAfter(now);
    }
}
