package dev.users.query.v4;

import dev.users.query.directory.UserRow;
import dev.users.web.PrefixIds;
import dev.users.web.Timestamps;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;


/**
 * The v4 (PagerTree) user object, in the key order of PagerTree's documentation. Used wherever v4 shows a user:
 * retrieve, list, and the answer to writes (through the FetchUserView query). {@code time_zone} is the name the
 * client sent; the resolved IANA id stays internal.
 */
public final class V4UserRenderer {

    private V4UserRenderer() {
    }

    public static Map<String, Object> render(UserRow row) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", row.userId().toString());
        user.put("prefix_id", PrefixIds.of(PrefixIds.USER, row.userId()));
        user.put("tiny_id", row.tinyId());
        user.put("account_id", row.accountId().toString());
        user.put("name", row.name());
        user.put("time_zone", row.timeZone());
        user.put("preferred_language", row.preferredLanguage());
        user.put("last_sign_in_at", Timestamps.of(row.lastSignInAt()));
        user.put("emails", row.emails().stream().map(V4UserRenderer::email).toList());
        user.put("phones", row.phones().stream().map(V4UserRenderer::phone).toList());
        user.put("notify_push", row.notifyPush());
        user.put("notify_email", row.notifyEmail());
        user.put("notify_sms", row.notifySms());
        user.put("notify_voice", row.notifyVoice());
        user.put("roles", List.copyOf(row.roles()));
        user.put("meta", new LinkedHashMap<>(row.meta()));
        user.put("created_at", Timestamps.of(row.createdAt()));
        user.put("updated_at", Timestamps.of(row.updatedAt()));
        return user;
    }

    private static Map<String, Object> email(UserRow.Email email) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", email.id().toString());
        json.put("email", email.email());
        json.put("primary", email.primary());
        return json;
    }

    private static Map<String, Object> phone(UserRow.Phone phone) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", phone.id().toString());
        json.put("prefix_id", phone.prefixId() != null ? phone.prefixId() : PrefixIds.of(PrefixIds.PHONE, phone.id()));
        json.put("phone", phone.phone());
        json.put("primary", phone.primary());
        json.put("country", phone.country());
        json.put("blocked", phone.blocked());
        return json;
    }
}
