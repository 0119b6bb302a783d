package dev.users.query.v4;

import dev.users.query.list.Attribute;
import dev.users.query.list.AttributeCatalog;
import dev.users.query.list.ListedRows;
import dev.users.web.PrefixIds;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import static dev.users.query.list.Attribute.element;
import static dev.users.query.list.Attribute.filter;
import static dev.users.query.list.Attribute.keyed;
import static dev.users.query.list.Attribute.sortable;
import static dev.users.query.list.AttributeKind.BOOLEAN;
import static dev.users.query.list.AttributeKind.ELEMENT_FLAG;
import static dev.users.query.list.AttributeKind.ELEMENT_ID;
import static dev.users.query.list.AttributeKind.ELEMENT_TEXT;
import static dev.users.query.list.AttributeKind.NUMBER;
import static dev.users.query.list.AttributeKind.SET_FLAG;
import static dev.users.query.list.AttributeKind.TEXT;
import static dev.users.query.list.AttributeKind.TEXT_ARRAY;
import static dev.users.query.list.AttributeKind.TEXT_MAP;
import static dev.users.query.list.AttributeKind.TEXT_SET;
import static dev.users.query.list.AttributeKind.TIMESTAMP;
import static dev.users.query.list.AttributeKind.UUID_ID;

/** What {@code GET /api/v4/users} filters and sorts on, by v4 attribute name, and the directory column of each. */
public final class V4UserAttributes {

    public static final AttributeCatalog CATALOG = new AttributeCatalog(List.of(
            filter("id", "user_id", UUID_ID).cleanedBy(V4UserAttributes::idFilter),
            sortable("tiny_id", "tiny_id", NUMBER),
            sortable("name", "name", TEXT),
            sortable("time_zone", "time_zone", TEXT),
            sortable("preferred_language", "preferred_language", TEXT),
            // addresses are stored lower-cased, so lower-casing the value makes equality case-insensitive
            filter("email", "email_addresses", TEXT_SET).cleanedBy(v -> v.strip().toLowerCase(Locale.ROOT)),
            filter("phone", "phone_numbers", TEXT_SET).cleanedBy(V4UserAttributes::e164),
            filter("role", "roles", TEXT_SET),
            filter("notify_push", "notify_push", BOOLEAN),
            filter("notify_email", "notify_email", BOOLEAN),
            filter("notify_sms", "notify_sms", BOOLEAN),
            filter("notify_voice", "notify_voice", BOOLEAN),
            sortable("created_at", "created_at", TIMESTAMP),
            sortable("updated_at", "updated_at", TIMESTAMP),
            sortable("last_sign_in_at", "last_sign_in_at", TIMESTAMP),
            filter("prefix_id", "user_id", UUID_ID).cleanedBy(v -> prefixed(PrefixIds.USER, v))
                    .expecting(PrefixIds.USER + " and 32 hex digits"),
            // the caller's account: every row is, so equals keeps them all and another id keeps none
            filter("account_id", "account_id", UUID_ID),
            filter("emails", "email_addresses", TEXT_SET).cleanedBy(V4UserAttributes::address),
            filter("emails.email", "email_addresses", TEXT_SET).cleanedBy(V4UserAttributes::address),
            element("emails.id", "emails", "id", ELEMENT_ID),
            element("emails.primary", "emails", "primary", ELEMENT_FLAG),
            filter("phones", "phone_numbers", TEXT_SET).cleanedBy(V4UserAttributes::e164),
            filter("phones.phone", "phone_numbers", TEXT_SET).cleanedBy(V4UserAttributes::e164),
            element("phones.id", "phones", "id", ELEMENT_ID).cleanedBy(V4UserAttributes::phoneId),
            element("phones.prefix_id", "phones", "id", ELEMENT_ID)
                    .cleanedBy(v -> prefixed(PrefixIds.PHONE, v)).expecting(PrefixIds.PHONE + " and 32 hex digits"),
            element("phones.primary", "phones", "primary", ELEMENT_FLAG),
            // countries are ISO 3166 alpha-2 codes, stored upper-case
            element("phones.country", "phones", "country", ELEMENT_TEXT)
                    .cleanedBy(v -> v.strip().toUpperCase(Locale.ROOT)),
            element("phones.blocked", "phones", "blocked", ELEMENT_FLAG),
            filter("roles", "roles", TEXT_SET),
            keyed("meta", "meta", TEXT_MAP)),
            "tiny_id");

    /**
     * What {@code GET /api/v4/account_users} filters and sorts on: the account user's own attributes, and its
     * user's ({@link #CATALOG}) by their names, as before, or after {@code user.} as the object nests them.
     */
    public static final AttributeCatalog ACCOUNT_USERS = AttributeCatalog.nesting(List.of(
            // the account user's own id: the user's at home, the membership's for a member
            filter("id", ListedRows.ACCOUNT_USER_ID, UUID_ID).cleanedBy(V4UserAttributes::idFilter),
            filter("prefix_id", ListedRows.ACCOUNT_USER_ID, UUID_ID).cleanedBy(v -> prefixed(PrefixIds.ACCOUNT_USER, v))
                    .expecting(PrefixIds.ACCOUNT_USER + " and 32 hex digits"),
            keyed("roles", "roles", SET_FLAG),
            filter("team_ids", "team_ids", TEXT_ARRAY)),
            "user.", CATALOG, "tiny_id");

    private V4UserAttributes() {
    }

    /** Every id form works in the filter; anything else fails to parse as a UUID (422). */
    private static String idFilter(String value) {
        return userId(value.strip()).map(UUID::toString).orElse(value);
    }

    /**
     * The user behind any of its v4 ids: the UUID, {@code usr_…}, or the account user's {@code acu_…} (an account
     * user is the user itself). Taken by {@code /account_users/:id} and by both lists' {@code id} filter;
     * {@code /users/:id} keeps to the user's own ids, as the command side's writes on that path do.
     */
    static Optional<UUID> userId(String id) {
        return PrefixIds.parse(PrefixIds.USER, id).or(() -> PrefixIds.parse(PrefixIds.ACCOUNT_USER, id));
    }

    /** Addresses are stored lower-cased, so lower-casing the value makes equality case-insensitive. */
    private static String address(String value) {
        return value.strip().toLowerCase(Locale.ROOT);
    }

    /** The UUID of {@code prefix} + 32 hex digits, as text; IllegalArgumentException for any other form. */
    private static String prefixed(String prefix, String value) {
        String id = value.strip();
        return (id.startsWith(prefix) ? PrefixIds.parse(prefix, id) : Optional.<UUID>empty()).map(UUID::toString)
                .orElseThrow(() -> new IllegalArgumentException("not a " + prefix + " id"));
    }

    /** A phone's id, plain or {@code phn_…}. */
    private static String phoneId(String value) {
        return PrefixIds.parse(PrefixIds.PHONE, value.strip()).map(UUID::toString).orElse(value);
    }

    /**
     * An unencoded {@code +} in a query string decodes to a space, so {@code ?phone=+1555…} arrives as
     * {@code " 1555…"}; the number the client meant is the E.164 one.
     */
    private static String e164(String value) {
        return value.startsWith(" ") && !value.isBlank() ? "+" + value.strip() : value.strip();
    }
}
