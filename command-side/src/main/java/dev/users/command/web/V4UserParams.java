package dev.users.command.web;

import dev.users.command.domain.ParsedPhone;
import dev.users.events.TimeZoneSetting;
import dev.users.web.PrefixIds;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The user parameters v4 permits (the seed's {@code user_params} plus {@code time_zone}, {@code preferred_language}
 * and {@code meta}), read and validated; unknown parameters are ignored, as Rails' {@code permit} does.
 */
record V4UserParams(String name, String email, Boolean notifyPush, Boolean notifyEmail, Boolean notifySms,
                    Boolean notifyVoice, TimeZoneSetting timeZone, String language, Map<String, String> meta,
                    List<EmailParam> emails, List<PhoneParam> phones) {

    static final int MAX_NAME = 255;

    /** One entry of {@code emails_attributes}: {@code id} null means a new address. */
    record EmailParam(UUID id, String address, Boolean primary, boolean destroy) {
    }

    /** One entry of {@code phones_attributes}: {@code id} null means a new number. */
    record PhoneParam(UUID id, ParsedPhone phone, String confirmationMethod, Boolean primary, Boolean blocked,
                      boolean destroy) {
    }

    static V4UserParams read(JsonNode body, boolean creating, String region) {
        return read(body, creating, region, "");
    }

    /** {@code prefix} names where the parameters sit in the request ({@code user_attributes.}) in messages. */
    static V4UserParams read(JsonNode body, boolean creating, String region, String prefix) {
        ParamReader reader = ParamReader.under(prefix);
        String name = creating ? reader.required(body, "name", MAX_NAME) : reader.string(body, "name", MAX_NAME);
        if (!creating && name != null && name.isEmpty()) {
            reader.problem("name cannot be blank");
        }
        String rawEmail = creating ? reader.required(body, "email", 254) : reader.string(body, "email", 254);
        V4UserParams params = new V4UserParams(name, Values.email(reader, "email", rawEmail),
                reader.bool(body, "notify_push"), reader.bool(body, "notify_email"), reader.bool(body, "notify_sms"),
                reader.bool(body, "notify_voice"),
                Values.timeZone(reader, "time_zone", reader.string(body, "time_zone", 100)),
                Values.language(reader, "preferred_language", reader.string(body, "preferred_language", 35)),
                reader.stringMap(body, "meta"), emails(body, reader, creating),
                phones(body, reader, region, creating));
        reader.throwIfProblems();
        return params;
    }

    private static List<EmailParam> emails(JsonNode body, ParamReader reader, boolean creating) {
        List<EmailParam> emails = new ArrayList<>();
        List<JsonNode> items = reader.objects(body, "emails_attributes");
        for (int i = 0; i < items.size(); i++) {
            ParamReader item = reader.nested(reader.name("emails_attributes[" + i + "]"));
            JsonNode node = items.get(i);
            UUID id = id(item, node, "", creating);
            boolean destroy = Boolean.TRUE.equals(item.bool(node, "_destroy"));
            String raw = id == null ? item.required(node, "email", 254) : item.string(node, "email", 254);
            emails.add(new EmailParam(id, Values.email(item, "email", raw), item.bool(node, "primary"), destroy));
        }
        return emails;
    }

    private static List<PhoneParam> phones(JsonNode body, ParamReader reader, String region,
                                           boolean creating) {
        List<PhoneParam> phones = new ArrayList<>();
        List<JsonNode> items = reader.objects(body, "phones_attributes");
        for (int i = 0; i < items.size(); i++) {
            ParamReader item = reader.nested(reader.name("phones_attributes[" + i + "]"));
            JsonNode node = items.get(i);
            UUID id = id(item, node, PrefixIds.PHONE, creating);
            boolean destroy = Boolean.TRUE.equals(item.bool(node, "_destroy"));
            String raw = id == null ? item.required(node, "phone", 50) : item.string(node, "phone", 50);
            String method = item.string(node, "confirmation_method", 20);
            if (method != null && !List.of("sms", "voice", "").contains(method)) {
                item.problem(item.name("confirmation_method") + " must be sms or voice");
            }
            phones.add(new PhoneParam(id, Values.phone(item, "phone", raw, region),
                    method == null || method.isEmpty() ? null : method, item.bool(node, "primary"),
                    item.bool(node, "blocked"), destroy));
        }
        return phones;
    }

    private static UUID id(ParamReader item, JsonNode node, String prefix, boolean creating) {
        String raw = item.string(node, "id", 40);
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        if (creating) {
            item.problem(item.name("id") + " cannot be given when creating a user");
            return null;
        }
        return PrefixIds.parse(prefix, raw).orElseGet(() -> {
            item.problem(item.name("id") + " '" + raw + "' is not a valid id");
            return null;
        });
    }
}
