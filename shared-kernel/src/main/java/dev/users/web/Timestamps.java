package dev.users.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The one form in which the service shows a timestamp, on both surfaces, in history, the audit log, exports, the
 * feed and the administrative endpoints: ISO-8601 in UTC with exactly three fraction digits and {@code Z}
 * ({@code 2026-06-09T07:00:00.120Z}). Stored times keep microseconds; shown ones are cut (not rounded) to the
 * millisecond, so that a time never shows as later than it was.
 */
public final class Timestamps {

    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    /** The instant as shown; null stays null. */
    public static String of(Instant instant) {
        return instant == null ? null : MILLIS.format(instant);
    }
}
