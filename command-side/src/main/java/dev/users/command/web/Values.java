package dev.users.command.web;

import dev.users.command.domain.EmailAddresses;
import dev.users.command.domain.Languages;
import dev.users.command.domain.ParsedPhone;
import dev.users.command.domain.PhoneNumbers;
import dev.users.command.domain.TimeZones;
import dev.users.events.TimeZoneSetting;

/**
 * Turns raw parameter values into the values commands carry with the domain's own rules, reporting each bad one to
 * the reader under its field's name: the same rules for every surface. Absent values stay null.
 */
final class Values {

    private Values() {
    }

    static String email(ParamReader reader, String field, String raw) {
        if (raw == null) {
            return null;
        }
        return EmailAddresses.parse(raw).orElseGet(() -> {
            reader.problem(reader.name(field), EmailAddresses.problem(reader.name(field), raw));
            return null;
        });
    }

    static ParsedPhone phone(ParamReader reader, String field, String raw, String defaultRegion) {
        if (raw == null) {
            return null;
        }
        return PhoneNumbers.find(raw, defaultRegion).orElseGet(() -> {
            reader.problem(reader.name(field), reader.name(field) + ": " + PhoneNumbers.problem(raw));
            return null;
        });
    }

    static TimeZoneSetting timeZone(ParamReader reader, String field, String raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        return TimeZones.resolve(raw).orElseGet(() -> {
            reader.problem(reader.name(field), TimeZones.problem(reader.name(field), raw));
            return null;
        });
    }

    static String language(ParamReader reader, String field, String raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        return Languages.canonical(raw).orElseGet(() -> {
            reader.problem(reader.name(field), Languages.problem(reader.name(field), raw));
            return null;
        });
    }
}
