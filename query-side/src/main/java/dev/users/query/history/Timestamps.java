package dev.users.query.history;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The auditors' timestamp form: ISO-8601 in UTC with exactly three fraction digits and {@code Z}. */
final class Timestamps {

    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    static String millis(Instant instant) {
        return instant == null ? null : MILLIS.format(instant);
    }
}
