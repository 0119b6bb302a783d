package dev.users.query.list;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Instants in and out of JDBC. The PostgreSQL driver binds and reads timestamptz as OffsetDateTime but not as
 * Instant, so every timestamp crosses the boundary through here.
 */
public final class SqlValues {

    private SqlValues() {
    }

    public static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
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
