package dev.users.command.web;

import dev.users.command.api.CreateUser;
import dev.users.command.api.NewEmail;
import dev.users.command.api.NewPhone;
import dev.users.command.domain.ParsedPhone;
import dev.users.command.infra.AccountRoles;
import dev.users.events.NotificationPreferences;
import dev.users.events.TimeZoneSetting;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * IMCO's create-user inputs: {@code first_name}, {@code last_name} and {@code role_ids} (ids or names of the
 * account's roles) are required; {@code language} defaults to "en" and {@code timezone} to "London"; {@code email}
 * and {@code phone} are optional and validated as in v4.
 */
record V3UserParams(String firstName, String lastName, List<String> roles, String language, TimeZoneSetting timeZone,
                    String email, ParsedPhone phone) {

    static final String DEFAULT_LANGUAGE = "en";
    static final String DEFAULT_TIME_ZONE = "London";

    static V3UserParams read(JsonNode body, UUID accountId, AccountRoles catalog, String region) {
        ParamReader reader = new ParamReader();
        String first = reader.required(body, "first_name", 120);
        String last = reader.required(body, "last_name", 120);
        List<String> roleIds = reader.strings(body, "role_ids");
        boolean unreadable = roleIds == null && body.hasNonNull("role_ids");
        List<String> roles = unreadable ? List.of() : roles(reader, roleIds, accountId, catalog);
        String language = or(reader.string(body, "language", 35), DEFAULT_LANGUAGE);
        String zone = or(reader.string(body, "timezone", 100), DEFAULT_TIME_ZONE);
        V3UserParams params = new V3UserParams(first, last, roles, Values.language(reader, "language", language),
                Values.timeZone(reader, "timezone", zone),
                Values.email(reader, "email", blankToNull(reader.string(body, "email", 254))),
                Values.phone(reader, "phone", blankToNull(reader.string(body, "phone", 50)), region));
        reader.throwIfProblems();
        return params;
    }

    /** What the inputs mean as a command: the email and the phone, when given, are the user's primary ones. */
    CreateUser create(UUID userId, UUID accountId, Instant now) {
        List<NewEmail> emails = email == null ? List.of() : List.of(new NewEmail(UUID.randomUUID(), email, true));
        List<NewPhone> phones = phone == null ? List.of()
                : List.of(new NewPhone(UUID.randomUUID(), phone.e164(), phone.country(), true, null));
        return new CreateUser(userId, accountId, (firstName + " " + lastName).trim(), firstName, lastName, timeZone,
                language, NotificationPreferences.DEFAULT, Map.of(), emails, phones, roles, List.of(), now);
    }

    private static List<String> roles(ParamReader reader, List<String> ids, UUID accountId, AccountRoles catalog) {
        if (ids == null || ids.isEmpty()) {
            reader.problem("role_ids", "role_ids is required: give at least one role id");
            return List.of();
        }
        return catalog.resolve(accountId, ids,
                id -> reader.problem("role_ids", "role_ids: role '" + id + "' does not exist in this account"));
    }

    private static String or(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
