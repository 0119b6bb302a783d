package dev.users.query.directory;

import java.util.UUID;

/**
 * One row of a v4 list: one of the account's own users ({@code membershipId} null), or an accepted membership of a
 * person from another account, whose {@code row} is the person as the membership sees them (the membership's
 * account, tiny id, roles, teams, meta and timestamps; the person's profile, emails and phones).
 */
public record ListedUser(UserRow row, UUID membershipId, String notificationRuleId) {

    public boolean member() {
        return membershipId != null;
    }
}
