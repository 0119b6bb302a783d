package dev.users.query.v4;

import dev.users.query.list.Attribute;
import dev.users.query.list.AttributeCatalog;
import dev.users.web.PrefixIds;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import static dev.users.query.list.Attribute.filter;
import static dev.users.query.list.Attribute.sortable;
import static dev.users.query.list.AttributeKind.BOOLEAN;
import static dev.users.query.list.AttributeKind.NUMBER;
import static dev.users.query.list.AttributeKind.TEXT;
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
            sortable("last_sign_in_at", "last_sign_in_at", TIMESTAMP)),
            "tiny_id");

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

    /**
     * An unencoded {@code +} in a query string decodes to a space, so {@code ?phone=+1555…} arrives as
     * {@code " 1555…"}; the number the client meant is the E.164 one.
     */
    private static String e164(String value) {
        return value.startsWith(" ") && !value.isBlank() ? "+" + value.strip() : value.strip();
    }
}
