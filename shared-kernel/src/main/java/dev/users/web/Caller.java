package dev.users.web;

import java.util.UUID;

/**
 * Who is calling, as the service's authentication found it on an authenticated request: the account the API key
 * belongs to, the key's id (recorded in event metadata), the account's default phone region, the key's
 * {@link Scope}, whether it is the operator's key (the bootstrap key, which manages accounts) and the request's id
 * (the client's {@code X-Request-Id}, or one of ours; recorded in event metadata). Controllers of both sides take it
 * as a parameter.
 */
public record Caller(UUID accountId, UUID apiKeyId, String defaultRegion, Scope scope, boolean operator,
                     String requestId) {

    /** The request attribute it is kept in. */
    public static final String REQUEST_ATTRIBUTE = Caller.class.getName();

    /**
     * What a key may do in its account: {@code read} only reads (GET and HEAD), {@code write} also changes users,
     * {@code admin} also manages keys, certificates, the role catalog, dead letters and erasure.
     */
    public enum Scope {
        READ, WRITE, ADMIN;

        /** The scope as the API writes it. */
        public String json() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** The scope the API's word names, or null for none. */
        public static Scope of(String given) {
            for (Scope scope : values()) {
                if (scope.json().equals(given)) {
                    return scope;
                }
            }
            return null;
        }
    }

    /** Whether the key may manage the account (keys, certificates, roles, dead letters, erasure). */
    public boolean admin() {
        return scope == Scope.ADMIN;
    }
}
