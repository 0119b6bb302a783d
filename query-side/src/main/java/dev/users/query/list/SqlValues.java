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

    /** The first and last instants a client's timestamp may name: years 0001 to 9999, well inside PostgreSQL's range. */
    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    /**
     * A client's timestamp: ISO-8601 in UTC ({@code …Z}) or with an offset, from year 0001 to 9999;
     * IllegalArgumentException otherwise (java.time reads years up to ±999,999,999, which PostgreSQL cannot bind).
     */
    public static Instant parseInstant(String raw) {
        String value = raw.strip();
        Instant instant;
        try {
            instant = Instant.parse(value);
        } catch (DateTimeParseException notUtc) {
            try {
                instant = OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(value, e);
            }
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new IllegalArgumentException(value + " is outside years 0001-9999");
        }
        return instant;
    }

    /** ISO-8601 in UTC as the APIs render timestamps; null stays null. */
    public static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
