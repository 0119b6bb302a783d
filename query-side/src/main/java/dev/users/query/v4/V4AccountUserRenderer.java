package dev.users.query.v4;

import dev.users.query.directory.ListedUser;
import dev.users.query.directory.UserRow;
import dev.users.query.membership.MembershipRow;
import dev.users.web.PrefixIds;
import dev.users.web.Timestamps;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;


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
        return render(row, catalog, null);
    }

    /**
     * @param ownerId the account's owner (null: none), who is always admin and billing and alone shows
     *                {@code owner: true}; the
     *                owner's roles are assigned by the transfer and kept by the command side's rules
     */
    public static Map<String, Object> render(UserRow row, List<String> catalog, UUID ownerId) {
        Map<String, Object> json = render(row.userId(), row, catalog);
        if (row.userId().equals(ownerId)) {
            // only on the owner: the shape of every other account user stays as PagerTree documents it
            json.put("owner", true);
        }
        return json;
    }

    /**
     * A membership of a person from another account: its own id and {@code acu_…}, the person as the membership
     * sees them ({@link MembershipRow#asSeen}) nested, and the invitation's {@code state} ({@code pending} or
     * {@code accepted}); an account user of the home account has no state (it is the user itself).
     */
    public static Map<String, Object> render(MembershipRow membership, UserRow person, List<String> catalog) {
        return member(membership.membershipId(), membership.state(), membership.notificationRuleId(),
                membership.asSeen(person), catalog);
    }

    /** An accepted membership as the lists find it: the row is already the person as the membership sees them. */
    public static Map<String, Object> render(ListedUser member, List<String> catalog) {
        return member(member.membershipId(), "accepted", member.notificationRuleId(), member.row(), catalog);
    }

    /**
     * A membership's own PagerTree attributes beside the account user's: {@code notification_rule_id} (null until
     * set) and {@code meta}, the member account's own for the person (also the nested user's meta there).
     */
    private static Map<String, Object> member(UUID membershipId, String state, String notificationRuleId,
                                              UserRow seen, List<String> catalog) {
        Map<String, Object> json = render(membershipId, seen, catalog);
        json.put("state", state);
        json.put("notification_rule_id", notificationRuleId);
        json.put("meta", seen.meta());
        return json;
    }

    private static Map<String, Object> render(UUID accountUserId, UserRow row, List<String> catalog) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", accountUserId.toString());
        json.put("prefix_id", PrefixIds.of(PrefixIds.ACCOUNT_USER, accountUserId));
        json.put("tiny_id", row.tinyId());
        json.put("account_id", row.accountId().toString());
        json.put("roles", roles(row.roles(), catalog));
        json.put("team_ids", List.copyOf(row.teamIds()));
        json.put("user", V4UserRenderer.render(row));
        json.put("created_at", Timestamps.of(row.createdAt()));
        json.put("updated_at", Timestamps.of(row.updatedAt()));
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
