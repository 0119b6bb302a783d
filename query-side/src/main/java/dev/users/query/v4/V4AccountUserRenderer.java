package dev.users.query.v4;

import dev.users.query.directory.UserRow;
import dev.users.web.PrefixIds;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.users.query.list.SqlValues.iso;

/**
 * The v4 account user, the shape PagerTree's CLI reads: the user's membership of its account (roles as a hash of
 * booleans, teams) with the full v4 user nested under {@code user}. An account user is the user itself (same id,
 * same timestamps); only its prefixed id differs.
 */
public final class V4AccountUserRenderer {

    private V4AccountUserRenderer() {
    }

    /** @param catalog the account's role names in catalog order (see {@code RoleNames}) */
    public static Map<String, Object> render(UserRow row, List<String> catalog) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", row.userId().toString());
        json.put("prefix_id", PrefixIds.of(PrefixIds.ACCOUNT_USER, row.userId()));
        json.put("tiny_id", row.tinyId());
        json.put("account_id", row.accountId().toString());
        json.put("roles", roles(row.roles(), catalog));
        json.put("team_ids", List.copyOf(row.teamIds()));
        json.put("user", V4UserRenderer.render(row));
        json.put("created_at", iso(row.createdAt()));
        json.put("updated_at", iso(row.updatedAt()));
        return json;
    }

    /**
     * Every role of the catalog, true when the user has it: the hash a client edits and sends back. A role the
     * user still holds after it left the catalog is not in the hash (the nested user's {@code roles} shows it).
     */
    private static Map<String, Boolean> roles(List<String> held, List<String> catalog) {
        Map<String, Boolean> roles = new LinkedHashMap<>();
        catalog.forEach(name -> roles.put(name, held.contains(name)));
        return roles;
    }
}
