package dev.users.query.membership;

import dev.users.query.directory.UserRow;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One row of {@code account_memberships}: a person's membership of an account other than their home account. */
public record MembershipRow(UUID membershipId, UUID accountId, UUID userId, long tinyId, String state, String email,
                            List<String> roles, List<String> teamIds, String notificationRuleId,
                            Map<String, String> meta, Instant createdAt, Instant updatedAt, long version) {

    public boolean accepted() {
        return "accepted".equals(state);
    }

    /**
     * The person as this membership's account sees them: the profile, emails, phones and sign-ins are the person's
     * own; the account, tiny id, roles, teams, meta and timestamps are the membership's; the home account's meta
     * is never shown (it belongs to that account). The view {@code member_directory} (V50) is the same for lists.
     */
    public UserRow asSeen(UserRow person) {
        return new UserRow(person.userId(), accountId, tinyId, person.name(), person.firstName(), person.lastName(),
                person.timeZone(), person.timeZoneId(), person.preferredLanguage(), person.lastSignInAt(),
                person.notifyPush(), person.notifyEmail(), person.notifySms(), person.notifyVoice(), meta, roles,
                teamIds, person.emails(), person.phones(), createdAt, updatedAt, version);
    }
}
