package dev.users.command.domain;

import dev.users.errors.ErrorCode;
import dev.users.errors.UsersException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Checks on command input shared by the creation and the change handlers of {@link User} (addresses and numbers have
 * their own rules: {@link EmailAddresses}, {@link PhoneNumbers}).
 */
final class UserRules {

    private UserRules() {
    }

    static UsersException invalid(String message) {
        return new UsersException(ErrorCode.INVALID, message);
    }

    static UUID id(UUID id, String what) {
        if (id == null) {
            throw invalid(what + " id is required");
        }
        return id;
    }

    /**
     * The requested roles sorted and de-duplicated, or INVALID with one message per role that is not in the
     * account's catalog.
     */
    static List<String> roles(UUID accountId, List<String> requested, RoleCatalog catalog) {
        if (requested == null || requested.isEmpty()) {
            return List.of();
        }
        Set<String> known = catalog.roleNames(accountId);
        List<String> problems = new ArrayList<>();
        TreeSet<String> sorted = new TreeSet<>();
        for (String role : requested) {
            if (role == null || role.isBlank()) {
                problems.add("a role name must not be blank");
            } else if (!known.contains(role)) {
                problems.add("role '" + role + "' does not exist in this account");
            } else {
                sorted.add(role);
            }
        }
        if (!problems.isEmpty()) {
            throw new UsersException(ErrorCode.INVALID, problems.stream().distinct().toList());
        }
        return List.copyOf(sorted);
    }

    /**
     * {@code meta} itself (null stays null), or INVALID when a key or value is null or longer than {@code limits}
     * allow (how many keys is counted with the user's other limits).
     */
    static Map<String, String> meta(Map<String, String> meta, UserLimits limits) {
        if (meta != null) {
            meta.forEach((key, value) -> {
                if (key == null || value == null) {
                    throw invalid("meta keys and values must not be null (key '" + key + "')");
                }
            });
            limits.checkMeta(meta);
        }
        return meta;
    }
}
