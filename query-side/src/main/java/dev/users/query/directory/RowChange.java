package dev.users.query.directory;

import dev.users.query.directory.UserRow.Email;
import dev.users.query.directory.UserRow.Phone;
import dev.users.query.list.SqlValues;
import tools.jackson.core.type.TypeReference;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static dev.users.query.directory.Column.flag;
import static dev.users.query.directory.Column.text;
import static dev.users.query.directory.Column.texts;
import static dev.users.query.directory.Column.timestamp;

/**
 * The groups of {@code user_directory} columns an event can change, each with its columns, declared here once. A row
 * remembers which groups its events changed, so that an update writes only those (plus {@code updated_at} and
 * {@code version}, see {@link DirectoryStore}): a sign-in then sends one timestamp instead of making PostgreSQL parse
 * the row's jsonb and arrays again. New rows go in with every column ({@link DirectoryColumns#INSERTED}).
 */
enum RowChange {

    NAME(text("name", row -> row.name, (row, value) -> row.name = value),
            text("first_name", row -> row.firstName, (row, value) -> row.firstName = value),
            text("last_name", row -> row.lastName, (row, value) -> row.lastName = value)),
    TIME_ZONE(text("time_zone", row -> row.timeZone, (row, value) -> row.timeZone = value),
            text("time_zone_id", row -> row.timeZoneId, (row, value) -> row.timeZoneId = value)),
    LANGUAGE(text("preferred_language", row -> row.preferredLanguage, (row, value) -> row.preferredLanguage = value)),
    SIGN_IN(timestamp("last_sign_in_at", row -> row.lastSignInAt, (row, value) -> row.lastSignInAt = value)),
    NOTIFICATIONS(flag("notify_push", row -> row.notifyPush, (row, value) -> row.notifyPush = value),
            flag("notify_email", row -> row.notifyEmail, (row, value) -> row.notifyEmail = value),
            flag("notify_sms", row -> row.notifySms, (row, value) -> row.notifySms = value),
            flag("notify_voice", row -> row.notifyVoice, (row, value) -> row.notifyVoice = value)),
    /** Read back with sorted keys (jsonb keeps no key order), so that the rendered meta is stable. */
    META(Column.<Map<String, String>>jsonb("meta", new TypeReference<TreeMap<String, String>>() { },
            row -> row.meta, (row, value) -> row.meta = value, SqlValues::storable)),
    ROLES(texts("roles", row -> row.roles, (row, value) -> row.roles = value)),
    TEAMS(texts("team_ids", row -> row.teamIds, (row, value) -> row.teamIds = value)),
    /** The children; the addresses the email filters use are in the lookup row ({@link DirectoryLookup}). */
    EMAILS(Column.<List<Email>>jsonb("emails", new TypeReference<ArrayList<Email>>() { },
            row -> row.emails, (row, value) -> row.emails = value, DirectoryRow::storableEmails)),
    PHONES(Column.<List<Phone>>jsonb("phones", new TypeReference<ArrayList<Phone>>() { },
            row -> row.phones, (row, value) -> row.phones = value, DirectoryRow::storablePhones));

    /** The groups that {@code user_directory_lookup} derives its columns from. */
    static final Set<RowChange> LOOKUP = Collections.unmodifiableSet(EnumSet.of(NAME, ROLES, EMAILS, PHONES));

    /** In the table's order. */
    final List<Column> columns;

    RowChange(Column... columns) {
        this.columns = List.of(columns);
    }
}
