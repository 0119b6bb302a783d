package dev.users.command.web;

import dev.users.command.domain.EmailAddresses;
import dev.users.command.domain.ParsedPhone;
import dev.users.command.domain.PhoneNumbers;
import dev.users.command.values.Languages;
import dev.users.command.values.TimeZones;
import dev.users.errors.UsersException;
import dev.users.events.TimeZoneSetting;
import org.springframework.stereotype.Component;

/**
 * Turns raw parameter values into the cleaned values commands carry, reporting each bad one to the reader:
 * the same rules for every surface.
 */
@Component
public class Values {

    public String email(ParamReader reader, String field, String raw) {
        if (raw == null) {
            return null;
        }
        String address = EmailAddresses.normalise(raw);
        if (!EmailAddresses.isValid(address)) {
            reader.problem(reader.name(field) + " '" + raw + "' is not a valid email address");
            return null;
        }
        return address;
    }

    public ParsedPhone phone(ParamReader reader, String field, String raw, String defaultRegion) {
        if (raw == null) {
            return null;
        }
        try {
            return PhoneNumbers.parse(raw, defaultRegion);
        } catch (UsersException invalid) {
            reader.problem(reader.name(field) + ": " + invalid.getMessage());
            return null;
        }
    }

    public TimeZoneSetting timeZone(ParamReader reader, String field, String raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        return TimeZones.resolve(raw).orElseGet(() -> {
            reader.problem(reader.name(field) + " '" + raw + "' is not a known time zone");
            return null;
        });
    }

    public String language(ParamReader reader, String field, String raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        return Languages.canonical(raw).orElseGet(() -> {
            reader.problem(reader.name(field) + " '" + raw + "' is not a known language tag");
            return null;
        });
    }
}
