package dev.users.query.v3;

import dev.users.query.directory.UserRow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The v3 (IMCO settings) user, keys in the order of IMCO's documentation. v3 has one email and one phone per
 * user: the primary ones. {@code customer_id} is the account; {@code timezone} is the name the client sent.
 */
public final class V3UserRenderer {

    private V3UserRenderer() {
    }

    public static Map<String, Object> render(UserRow row) {
        String[] names = firstAndLast(row);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", row.userId().toString());
        json.put("first_name", names[0]);
        json.put("last_name", names[1]);
        json.put("email", row.emails().stream().filter(UserRow.Email::primary).map(UserRow.Email::email)
                .findFirst().orElse(null));
        json.put("customer_id", row.accountId().toString());
        json.put("language", row.preferredLanguage());
        json.put("timezone", row.timeZone());
        json.put("phone", row.phones().stream().filter(UserRow.Phone::primary).map(UserRow.Phone::phone)
                .findFirst().orElse(null));
        json.put("roles", List.copyOf(row.roles()));
        json.put("resource_type", "user");
        return json;
    }

    /**
     * The stored parts when the user was given them (v3 creates and renames do); otherwise the full name split at
     * its last space, the split that keeps compound first names whole ("Mary Ann Smith" → "Mary Ann", "Smith").
     * A single word is all first name.
     */
    static String[] firstAndLast(UserRow row) {
        if (row.firstName() != null || row.lastName() != null) {
            return new String[] {orEmpty(row.firstName()), orEmpty(row.lastName())};
        }
        String name = orEmpty(row.name()).strip();
        int space = name.lastIndexOf(' ');
        return space < 0 ? new String[] {name, ""}
                : new String[] {name.substring(0, space).strip(), name.substring(space + 1)};
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
