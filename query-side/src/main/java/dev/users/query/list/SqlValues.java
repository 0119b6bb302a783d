package dev.users.query.list;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
     * Text as PostgreSQL stores it, in text columns and in jsonb alike: NUL (U+0000), which neither accepts, and
     * unpaired UTF-16 surrogates, which have no UTF-8 form (the driver would send them as '?'), each become U+FFFD,
     * the replacement character; everything else stays as it is. Every text a read model writes goes through here,
     * so that an event stored before the API refused such input still projects. Null stays null.
     */
    public static String storable(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0 || Character.isSurrogate(c) && !pairedAt(text, i)) {
                return replaced(text);
            }
            if (Character.isHighSurrogate(c)) {
                i++; // the low half of the pair
            }
        }
        return text;
    }

    /** {@link #storable(String)} of every element; the same list when nothing changes. */
    public static List<String> storable(List<String> texts) {
        if (texts == null || texts.stream().allMatch(t -> t == storable(t))) {
            return texts;
        }
        return texts.stream().map(SqlValues::storable).toList();
    }

    /** {@link #storable(String)} of every key and value; the same map when nothing changes. */
    public static Map<String, String> storable(Map<String, String> texts) {
        if (texts == null || texts.entrySet().stream()
                .allMatch(e -> e.getKey() == storable(e.getKey()) && e.getValue() == storable(e.getValue()))) {
            return texts;
        }
        Map<String, String> copy = new LinkedHashMap<>();
        // two keys that differ only in what is replaced become one: the first wins
        texts.forEach((key, value) -> copy.putIfAbsent(storable(key), storable(value)));
        return copy;
    }

    private static boolean pairedAt(String text, int i) {
        return Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length()
                && Character.isLowSurrogate(text.charAt(i + 1));
    }

    private static String replaced(String text) {
        StringBuilder out = new StringBuilder(text.length());
        // a string's code points include its unpaired surrogates, each as a code point of its own
        text.codePoints().forEach(c -> out.appendCodePoint(
                c == 0 || c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE ? 0xFFFD : c));
        return out.toString();
    }

    /**
     * Exact ISO-8601 text in UTC, for timestamps that travel to PostgreSQL as text (arrays, JSON records); null stays
     * null. Never shown to a client: answers show {@code dev.users.web.Timestamps}.
     */
    public static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
