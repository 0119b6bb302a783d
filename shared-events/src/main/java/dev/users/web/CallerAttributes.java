package dev.users.web;

/**
 * Names of the request attributes the service's authentication sets on every authenticated request, read by both
 * sides' controllers with {@code @RequestAttribute}: the account the API key belongs to (a {@code UUID}), the key's
 * id (a {@code UUID}, recorded in event metadata) and the account's default phone region (a {@code String}).
 */
public final class CallerAttributes {

    public static final String ACCOUNT_ID = "users.accountId";
    public static final String API_KEY_ID = "users.apiKeyId";
    public static final String DEFAULT_REGION = "users.defaultRegion";
    public static final String REQUEST_ID = "users.requestId";

    private CallerAttributes() {
    }
}
