package dev.users.query.list;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Collection;

/**
 * Values in and out of JDBC. The PostgreSQL driver binds and reads timestamptz as OffsetDateTime but not as
 * Instant, so every timestamp crosses the boundary through here; SQL arrays are made here too.
 */
public final class SqlValues {

    private SqlValues() {
    }

    public static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** A SQL array of {@code type} ({@code text}, {@code uuid}, …) to bind to one of {@code ps}'s parameters. */
    public static Array array(PreparedStatement ps, String type, Collection<?> values) throws SQLException {
        return ps.getConnection().createArrayOf(type, values.toArray());
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /**
     * A client's timestamp: ISO-8601 in UTC ({@code …Z}) or with an offset; IllegalArgumentException otherwise.
     */
    public static Instant parseInstant(String raw) {
        String value = raw.strip();
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException notUtc) {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(value, e);
            }
        }
    }

    /** ISO-8601 in UTC as the APIs render timestamps; null stays null. */
    public static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
