package dev.users.query.list;

/**
 * Where the rows of a v4 list come from: the account's own users ({@code user_directory}, whose sets of texts and
 * search text are in {@code user_directory_lookup}), or its accepted members ({@code member_directory}, a view that
 * names its columns as those two tables do, V50). A filter's SQL is the same for both but for the two differences
 * below.
 */
public enum ListedRows {

    DIRECTORY,
    MEMBERS;

    /**
     * The logical column of an account user's own id ({@code id} and {@code prefix_id} of account users): at home
     * the account user is the user itself, a member's is the membership's id.
     */
    public static final String ACCOUNT_USER_ID = "account_user_id";

    /** The column an attribute's {@code sql} names, in these rows. */
    String column(String sql) {
        if (!ACCOUNT_USER_ID.equals(sql)) {
            return sql;
        }
        return this == DIRECTORY ? "user_id" : "membership_id";
    }

    /**
     * The rows whose sets of texts or search text match {@code condition}: an own user's are in its lookup row (see
     * V9), a member's are columns of the view itself (the membership's roles, never the home account's).
     */
    public String lookup(String condition) {
        return this == DIRECTORY ? "user_id in (select user_id from user_directory_lookup where " + condition + ")"
                : "(" + condition + ")";
    }
}
