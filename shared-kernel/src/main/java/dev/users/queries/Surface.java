package dev.users.queries;

/** The public shapes a user is served in. */
public enum Surface {
    V4_USER,
    V4_ACCOUNT_USER,
    V3_USER
}
