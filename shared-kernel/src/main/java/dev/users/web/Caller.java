package dev.users.web;

import java.util.UUID;

/**
 * Who is calling, as the service's authentication found it on an authenticated request: the account the API key
 * belongs to, the key's id (recorded in event metadata), the account's default phone region, whether the key is an
 * admin key (only admin keys change the account's role catalog or retry dead letters) and the request's id (the
 * client's {@code X-Request-Id}, or one of ours; recorded in event metadata). Controllers of both sides take it as a
 * parameter.
 */
public record Caller(UUID accountId, UUID apiKeyId, String defaultRegion, boolean admin, String requestId) {

    /** The request attribute it is kept in. */
    public static final String REQUEST_ATTRIBUTE = Caller.class.getName();
}
