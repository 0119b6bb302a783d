package dev.users.command.domain;

import dev.users.events.TimeZoneSetting;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Properties;

/**
 * The one rule for time zones, used by the request readers; commands carry the resolved setting. Resolves the time
 * zone names clients send: Rails' friendly names ({@code London},
 * {@code Eastern Time (US & Canada)}) and IANA ids ({@code Europe/London}). The name is kept as sent (clients get
 * back what they sent) next to the IANA id it resolves to, which anything computing with time uses.
 */
public final class TimeZones {

    private static final Properties RAILS_NAMES = load();

    private TimeZones() {
    }

    /** What is wrong with {@code raw}, said of {@code subject} (a field name). */
    public static String problem(String subject, String raw) {
        return subject + " '" + raw + "' is not a known time zone";
    }

    /** The setting {@code name} stands for, or empty when it names no known time zone. */
    public static Optional<TimeZoneSetting> resolve(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String railsZone = RAILS_NAMES.getProperty(name);
        if (railsZone != null) {
            return Optional.of(new TimeZoneSetting(name, ZoneId.of(railsZone).normalized().getId()));
        }
        if (!ZoneId.getAvailableZoneIds().contains(name)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new TimeZoneSetting(name, ZoneId.of(name).getId()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Properties load() {
        Properties names = new Properties();
        try (InputStream in = TimeZones.class.getResourceAsStream("/rails-time-zones.properties")) {
            names.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("rails-time-zones.properties is part of the jar", e);
        }
        return names;
    }
}
