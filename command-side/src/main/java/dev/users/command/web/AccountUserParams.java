package dev.users.command.web;

import dev.users.command.infra.AccountRoles;
import dev.users.errors.ErrorCode;
import dev.users.errors.UsersException;
import dev.users.web.ClientText;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * What PagerTree's account-user endpoints take: {@code user_attributes} (the v4 user parameters), {@code roles} as
 * a hash of booleans ({@code {"admin": true}}; an array of names is accepted too) and {@code team_ids}.
 * In the hash, {@code true} grants, {@code false} revokes, and roles not named stay as they are.
 */
record AccountUserParams(V4UserParams user, List<String> grant, List<String> revoke, List<String> teamIds,
                         boolean hasUserAttributes, boolean hasNotificationRuleId, String notificationRuleId,
                         Map<String, String> meta) {

    /** Longer than any id this service keeps; the domain bounds it as a team id ({@code users.limits}). */
    private static final int RULE_ID_MAX = 1_000;

    /**
     * A membership of a person from another account changes only its roles and teams: the person's profile is
     * changed by their home account (INVALID, naming {@code user_attributes}, otherwise).
     */
    void refuseProfileOfMember() {
        if (hasUserAttributes) {
            throw new UsersException(ErrorCode.INVALID, new UsersException.Problem("user_attributes",
                    "user_attributes: this account user's person belongs to another account, which alone changes"
                            + " their profile; send only roles and member_team_ids"));
        }
    }

    static AccountUserParams read(JsonNode body, boolean creating, UUID accountId, AccountRoles catalog,
                                  String region) {
        JsonNode attributes = body.get("user_attributes");
        ParamReader reader = new ParamReader();
        if (attributes != null && !attributes.isObject()) {
            reader.problem("user_attributes must be an object");
        }
        ObjectNode userNode = attributes != null && attributes.isObject() ? ((ObjectNode) attributes).deepCopy()
                : JsonNodeFactory.instance.objectNode();
        if (creating) {
            useFirstListedEmailAsMain(userNode);
        }
        List<String> grant = new ArrayList<>();
        List<String> revoke = new ArrayList<>();
        roles(reader, body.get("roles"), accountId, catalog, grant, revoke);
        List<String> teams = teams(reader, body);
        // the account user's own attributes (PagerTree's): kept for memberships of persons from other accounts
        String rule = reader.string(body, "notification_rule_id", RULE_ID_MAX);
        Map<String, String> meta = reader.stringMap(body, "meta");
        reader.throwIfProblems();
        V4UserParams user = V4UserParams.read(userNode, creating, region, "user_attributes.");
        return new AccountUserParams(user, grant, revoke, teams, attributes != null && !attributes.isNull()
                && !attributes.isEmpty(), body.has("notification_rule_id"), rule, meta);
    }

    /**
     * The account user's teams: {@code member_team_ids} as PagerTree documents it, or {@code team_ids} as its CLI
     * sends it; both may be given only when they name the same teams. Null when neither is given (teams unchanged).
     */
    private static List<String> teams(ParamReader reader, JsonNode body) {
        List<String> teamIds = reader.strings(body, "team_ids");
        List<String> memberTeamIds = reader.strings(body, "member_team_ids");
        if (teamIds != null && memberTeamIds != null && !teamIds.equals(memberTeamIds)) {
            reader.problem("member_team_ids and team_ids name different teams; send one of them");
        }
        return memberTeamIds != null ? memberTeamIds : teamIds;
    }

    /** The CLI names the address in {@code emails_attributes}; v4's create wants it as {@code email}. */
    private static void useFirstListedEmailAsMain(ObjectNode user) {
        JsonNode emails = user.get("emails_attributes");
        if (user.hasNonNull("email") || emails == null) {
            return;
        }
        List<JsonNode> items = new ArrayList<>();
        if (emails.isArray() || emails.isObject()) {
            emails.forEach(items::add);
        }
        items.stream().filter(e -> e.path("primary").asBoolean(false)).findFirst()
                .or(() -> items.stream().findFirst())
                .filter(e -> e.hasNonNull("email"))
                .ifPresent(e -> user.set("email", e.get("email")));
    }

    private static void roles(ParamReader reader, JsonNode roles, UUID accountId, AccountRoles catalog,
                              List<String> grant, List<String> revoke) {
        if (roles == null || roles.isNull()) {
            return;
        }
        List<String> granted = new ArrayList<>();
        List<String> revoked = new ArrayList<>();
        if (roles.isArray()) {
            for (int i = 0; i < roles.size(); i++) {
                JsonNode name = roles.get(i);
                if (!name.isString()) {
                    reader.problem("roles must be role names or an object of booleans");
                } else if (reader.checked("roles[" + i + "]", name.asString(), ClientText.Kind.LINE) != null) {
                    granted.add(name.asString());
                }
            }
        } else if (roles.isObject()) {
            ParamReader flags = reader.nested("roles");
            roles.properties().forEach(entry -> {
                if (!reader.keyAllowed("roles", entry.getKey())) {
                    return;
                }
                Boolean on = flags.bool(roles, entry.getKey());
                if (on != null) {
                    (on ? granted : revoked).add(entry.getKey());
                }
            });
        } else {
            reader.problem("roles must be an object of booleans such as {\"admin\": true}");
        }
        Consumer<String> unknown = role -> reader.problem("roles: role '" + role + "' does not exist in this account");
        grant.addAll(catalog.resolve(accountId, granted, unknown));
        revoke.addAll(catalog.resolve(accountId, revoked, unknown));
    }
}
