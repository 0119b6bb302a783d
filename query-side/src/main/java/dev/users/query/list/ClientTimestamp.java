package dev.users.query.list;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A timestamp a client wrote in a query string: list filters ({@code created_at=…}, each end of a {@code between}
 * range) and the sign-in audit's {@code from}/{@code to}. PagerTree's documentation writes them both as ISO-8601
 * ({@code 2026-06-09T00:00:00-07:00}, {@code 2022-11-01T00:00:00.000-07:00}) and as {@code 2022-10-12 07:00:00}, and
 * Rails clients print {@code 2022-10-12 07:00:00 -0700}, so all of these are read:
 * <ul>
 *   <li>a date {@code YYYY-MM-DD}, then optionally {@code T} or a space and a time {@code HH:MM}, {@code HH:MM:SS}
 *   or {@code HH:MM:SS.fraction} (up to nine digits);</li>
 *   <li>after a time, optionally (after an optional space) a zone: {@code Z}, {@code UTC}, or an offset
 *   {@code ±HH:MM}, {@code ±HHMM}, {@code ±HH}. A {@code +} typed raw into a URL arrives as a space (form
 *   decoding), so a space in the sign's place reads as {@code +}: {@code …T09:00:00 02:00} is {@code +02:00};</li>
 *   <li>without a zone (and a date alone, which is its midnight) the time is UTC.</li>
 * </ul>
 * Letters are read in either case. Years lie in 0001–9999, after the offset is applied (PostgreSQL cannot bind the
 * years java.time reads beyond); month, day and time fields are checked strictly (no February 30, no hour 24).
 */
public final class ClientTimestamp {

    /** The first and last instants a client's timestamp may name: years 0001 to 9999, inside PostgreSQL's range. */
    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    /** What a valid value looks like, for error messages. */
    public static final String EXPECTED = "a timestamp such as 2024-05-01T12:00:00Z, 2024-05-01T05:00:00-07:00 or "
            + "2024-05-01 12:00:00 (UTC when no zone is given), from year 0001 to 9999";

    /** Longer than any form above: refused before the pattern looks at it. */
    private static final int MAX_LENGTH = 48;

    /**
     * Fixed-width fields and at most one optional part after another, so a match never backtracks more than a few
     * characters whatever the input.
     */
    private static final Pattern FORM = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2})"
                    + "(?:[T ](\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?)"
                    + "(?: ?(?:(Z|UTC)|([+\\- ])(\\d{2})(?::?(\\d{2}))?))?)?",
            Pattern.CASE_INSENSITIVE);

    private ClientTimestamp() {
    }

    /** The instant {@code raw} names (surrounding whitespace ignored); IllegalArgumentException otherwise. */
    public static Instant parse(String raw) {
        String value = raw.strip();
        Matcher m = value.length() <= MAX_LENGTH ? FORM.matcher(value) : null;
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("not a timestamp");
        }
        String time = m.group(2) == null ? "00:00" : m.group(2);
        String iso = m.group(1) + "T" + time + offset(m);
        Instant instant;
        try {
            instant = OffsetDateTime.parse(iso.toUpperCase(Locale.ROOT)).toInstant();
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("not a timestamp", e);
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new IllegalArgumentException("outside years 0001-9999");
        }
        return instant;
    }

    /** The match's zone as ISO-8601 writes it: {@code Z} for none, {@code Z} or {@code UTC}; else the offset. */
    private static String offset(Matcher m) {
        String sign = m.group(4);
        if (sign == null) {
            return "Z";
        }
        String minutes = m.group(6) == null ? "00" : m.group(6);
        return (sign.equals("-") ? "-" : "+") + m.group(5) + ":" + minutes;
    }

    /**
     * The instant the query parameter {@code name} names, null when it is absent or blank; a malformed value adds
     * a problem naming the parameter.
     */
    public static Instant param(Map<String, List<String>> params, String name, List<String> problems) {
        String raw = QueryParams.single(params, name, problems);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return parse(raw);
        } catch (IllegalArgumentException e) {
            problems.add(name + " must be " + EXPECTED);
            return null;
        }
    }
}
