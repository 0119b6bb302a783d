package dev.users.query.directory;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.users.query.list.SqlValues.array;
import static dev.users.query.list.SqlValues.iso;
import static dev.users.query.list.SqlValues.timestamp;

/**
 * The groups of {@code user_directory} columns an event can change, each with its SQL and how to bind it. A row
 * remembers which groups its events changed, so that an update writes only those (plus {@code updated_at} and
 * {@code version}): a sign-in then sends one timestamp instead of re-parsing the row's jsonb and arrays, which
 * roughly halves what PostgreSQL spends on the statement. New rows go in as JSON instead ({@link #put}), all of a
 * batch's in one statement.
 */
enum RowChange {

    NAME("name text, first_name text, last_name text") {
        @Override
        int bind(PreparedStatement ps, int i, DirectoryRow row) throws SQLException {
            ps.setString(i, row.name);
            ps.setString(i + 1, row.firstName);
            ps.setString(i + 2, row.lastName);
            return i + 3;
        }

        @Override
        void put(Map<String, Object> json, DirectoryRow row) {
            json.put("name", row.name);
            json.put("first_name", row.firstName);
            json.put("last_name", row.lastName);
        }
    },
    TIME_ZONE("time_zone text, time_zone_id text") {
        @Override
        int bind(PreparedStatement ps, int i, DirectoryRow row) throws SQLException {
            ps.setString(i, row.timeZone);
            ps.setString(i + 1, row.timeZoneId);
            return i + 2;
        }

        @Override
        void put(Map<String, Object> json, DirectoryRow row) {
            json.put("time_zone", row.timeZone);
            json.put("time_zone_id", row.timeZoneId);
        }
    },
    LANGUAGE("preferred_language text") {
        @Override
        int bind(PreparedStatement ps, int i, DirectoryRow row) throws SQLException {
            ps.setString(i, row.preferredLanguage);
            return i + 1;
        }

        @Override
        void put(Map<String, Object> json, DirectoryRow row) {
            json.put("preferred_language", row.preferredLanguage);
        }
    },
    SIGN_IN("last_sign_in_at timestamptz") {
        @Override
        int bind(PreparedStatement ps, int i, DirectoryRow row) throws SQLException {
            ps.setObject(i, timestamp(row.lastSignInAt), Types.TIMESTAMP_WITH_TIMEZONE);
            return i + 1;
        }

        @Override
        void put(Map<String, Object> json, DirectoryRow row) {
            json.put("last_sign_in_at", iso(row.lastSignInAt));
        }
    },
    NOTIFICATIONS("notify_push boolean, notify_email boolean, notify_sms boolean, notify_voice boolean") {
        @Override
        int bind(PreparedStatement ps, int i, DirectoryRow row) throws SQLException {
            ps.setBoolean(i, row.notifyPush);
            ps.setBoolean(i + 1, row.notifyEmail);
            ps.setBoolean(i + 2, row.notifySms);
            ps.setBoolean(i + 3, row.notifyVoice);
            return i + 4;
        }

        @Override
        void put(Map<String, Object> json, DirectoryRow row) {
            json.put("notify_push", row.notifyPush);
            json.put("notify_email", row.notifyEmail);
            json.put("notify_sms", row.notifySms);
            json.put("notify_voice", row.notifyVoice);
        }
    },
    META("meta jsonb") {
        @Override
        int bind(PreparedStatement ps, int i, DirectoryRow row) throws SQLException {
            ps.setString(i, JSON.writeValueAsString(row.meta));
            return i + 1;
        }

        @Override
        void put(Map<String, Object> json, DirectoryRow row) {
            json.put("meta", JSON.valueToTree(row.meta));
        }
    },
    ROLES("roles text[]") {
        @Override
        int bind(PreparedStatement ps, int i, DirectoryRow row) throws SQLException {
            ps.setArray(i, array(ps, "text", row.roles));
            return i + 1;
        }

        @Override
        void put(Map<String, Object> json, DirectoryRow row) {
            json.put("roles", row.roles);
        }
    },
    TEAMS("team_ids text[]") {
        @Override
        int bind(PreparedStatement ps, int i, DirectoryRow row) throws SQLException {
            ps.setArray(i, array(ps, "text", row.teamIds));
            return i + 1;
        }

        @Override
        void put(Map<String, Object> json, DirectoryRow row) {
            json.put("team_ids", row.teamIds);
        }
    },
    /** The children; the addresses the email filters use are in the lookup row ({@link DirectoryLookup}). */
    EMAILS("emails jsonb") {
        @Override
        int bind(PreparedStatement ps, int i, DirectoryRow row) throws SQLException {
            ps.setString(i, CHILDREN.writeValueAsString(row.emails));
            return i + 1;
        }

        @Override
        void put(Map<String, Object> json, DirectoryRow row) {
            json.put("emails", CHILDREN.valueToTree(row.emails));
        }
    },
    PHONES("phones jsonb") {
        @Override
        int bind(PreparedStatement ps, int i, DirectoryRow row) throws SQLException {
            ps.setString(i, CHILDREN.writeValueAsString(row.phones));
            return i + 1;
        }

        @Override
        void put(Map<String, Object> json, DirectoryRow row) {
            json.put("phones", CHILDREN.valueToTree(row.phones));
        }
    };

    /** The groups that {@code user_directory_lookup} derives its columns from. */
    static final Set<RowChange> LOOKUP = Collections.unmodifiableSet(EnumSet.of(NAME, ROLES, EMAILS, PHONES));

    /** The jsonb children with snake_case keys ({@code prefix_id}), as {@link UserRows} reads them back. */
    private static final JsonMapper CHILDREN = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
    /** Plain JSON: the meta map here, and the rows that {@link DirectoryStore} and {@link DirectoryLookup} send. */
    static final JsonMapper JSON = JsonMapper.builder().build();

    /** The columns with their types, as {@code jsonb_to_recordset} reads them from a JSON object. */
    final String types;
    /** The column names alone. */
    final String columns;
    /** One placeholder per column, for an UPDATE's values ({@code jsonb} ones cast from text). */
    final String values;

    RowChange(String types) {
        this.types = types;
        List<String[]> declared = Arrays.stream(types.split(", ")).map(column -> column.split(" ")).toList();
        this.columns = declared.stream().map(column -> column[0]).collect(Collectors.joining(", "));
        this.values = declared.stream().map(column -> column[1].equals("jsonb") ? "cast(? as jsonb)" : "?")
                .collect(Collectors.joining(", "));
    }

    /** Binds this group's values from parameter {@code i} on; returns the next parameter's index. */
    abstract int bind(PreparedStatement ps, int i, DirectoryRow row) throws SQLException;

    /** Puts this group's values into {@code json}, one member per column (see {@link #types}). */
    abstract void put(Map<String, Object> json, DirectoryRow row);
}
