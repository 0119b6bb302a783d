package dev.users.web;

/**
 * Names of the request attributes the service's authentication sets on every authenticated request, read by both
 * sides' controllers with {@code @RequestAttribute}: the account the API key belongs to (a {@code UUID}), the key's
 * id (a {@code UUID}, recorded in event metadata), the account's default phone region (a {@code String}) and
 * whether the key is an admin key (a {@code Boolean}; only admin keys change the account's role catalog).
 */
public final class CallerAttributes {

    public static final String ACCOUNT_ID = "users.accountId";
    public static final String API_KEY_ID = "users.apiKeyId";
    public static final String DEFAULT_REGION = "users.defaultRegion";
    public static final String REQUEST_ID = "users.requestId";
    public static final String ADMIN = "users.admin";

    private CallerAttributes() {
    }
}
