package dev.users.web;

import java.time.Instant;
import java.time.LocalDate;
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
        if (instant == null) {
            return null;
        }
        long seconds = instant.getEpochSecond();
        long days = Math.floorDiv(seconds, 86_400);
        LocalDate date = LocalDate.ofEpochDay(days);
        if (date.getYear() < 1000 || date.getYear() > 9999) {
            return MILLIS.format(instant); // the general formatter for the years the fast form does not write
        }
        // written by hand: every history entry, feed event and export row shows several, and the general
        // formatter took a fifth of a history page's CPU
        int secondOfDay = (int) Math.floorMod(seconds, 86_400);
        char[] text = new char[24];
        digits(text, 0, date.getYear(), 4);
        text[4] = '-';
        digits(text, 5, date.getMonthValue(), 2);
        text[7] = '-';
        digits(text, 8, date.getDayOfMonth(), 2);
        text[10] = 'T';
        digits(text, 11, secondOfDay / 3600, 2);
        text[13] = ':';
        digits(text, 14, secondOfDay / 60 % 60, 2);
        text[16] = ':';
        digits(text, 17, secondOfDay % 60, 2);
        text[19] = '.';
        digits(text, 20, instant.getNano() / 1_000_000, 3);
        text[23] = 'Z';
        return new String(text);
    }

    private static void digits(char[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
