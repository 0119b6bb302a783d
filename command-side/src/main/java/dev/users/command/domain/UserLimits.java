package dev.users.command.domain;

import dev.users.errors.ErrorCode;
import dev.users.errors.UsersException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.users.command.domain.UserRules.invalid;

/**
 * How much one user may hold, so that no client can grow a user, its events and every read
 * of it without bound, and how far ahead of the service's clock a sign-in may lie. The counts are checked on the
 * user as a command leaves it: a command that takes a user over a limit is refused whole (its events roll back), and
 * one that does not add (a removal, or a user already over a lowered limit staying as it is) is never refused by it.
 * The service's values come from its settings ({@code users.limits.*}, bound outside the domain).
 */
public record UserLimits(int emails, int phones, int roles, int teamIds, int teamIdLength, int metaKeys,
                         int metaKeyLength, int metaValueLength, Duration signInSkew) {

    /** No sign-in happened before the Unix epoch; PostgreSQL's timestamps could not hold some earlier instants. */
    static final Instant EARLIEST_SIGN_IN = Instant.EPOCH;

    /** How many of each limited thing a user holds. */
    record Size(int emails, int phones, int roles, int teamIds, int metaKeys) {
        static final Size NONE = new Size(0, 0, 0, 0, 0);
    }

    /** INVALID naming every limit that {@code after} exceeds where it holds more than {@code before}. */
    void refuseGrowth(Size before, Size after) {
        List<String> problems = new ArrayList<>();
        exceeded(problems, before.emails(), after.emails(), emails, "emails");
        exceeded(problems, before.phones(), after.phones(), phones, "phones");
        exceeded(problems, before.roles(), after.roles(), roles, "roles");
        exceeded(problems, before.teamIds(), after.teamIds(), teamIds, "team ids");
        exceeded(problems, before.metaKeys(), after.metaKeys(), metaKeys, "meta keys");
        if (!problems.isEmpty()) {
            throw new UsersException(ErrorCode.INVALID, problems);
        }
    }

    private static void exceeded(List<String> problems, int before, int after, int limit, String what) {
        if (after > limit && after > before) {
            problems.add("a user can have at most " + limit + " " + what + " (this request would leave " + after + ")");
        }
    }

    /** INVALID naming each meta key or value that is too long. */
    void checkMeta(Map<String, String> meta) {
        List<String> problems = new ArrayList<>();
        meta.forEach((key, value) -> {
            if (key.length() > metaKeyLength) {
                problems.add("meta keys can be at most " + metaKeyLength + " characters long");
            } else if (value.length() > metaValueLength) {
                problems.add("meta." + key + " can be at most " + metaValueLength + " characters long");
            }
        });
        if (!problems.isEmpty()) {
            throw new UsersException(ErrorCode.INVALID, problems.stream().distinct().toList());
        }
    }

    /**
     * A membership's own attributes: its meta has at most as many keys as a user's, and its notification rule id
     * (another service's, kept and echoed as team ids are) is bounded as a team id is.
     */
    void checkMembershipAttributes(String notificationRuleId, Map<String, String> meta) {
        if (notificationRuleId != null && notificationRuleId.isBlank()) {
            throw invalid("notification_rule_id cannot be blank (send null to clear it)");
        }
        if (notificationRuleId != null && notificationRuleId.length() > teamIdLength) {
            throw invalid("notification_rule_id can be at most " + teamIdLength + " characters long");
        }
        if (meta != null && meta.size() > metaKeys) {
            throw invalid("an account user can have at most " + metaKeys + " meta keys");
        }
    }

    /** A membership's roles and teams, bounded as a user's are (it has no other growth to compare with). */
    void checkMembership(List<String> roleNames, List<String> teams) {
        if (roleNames.size() > roles) {
            throw invalid("an account user can have at most " + roles + " roles");
        }
        if (teams.size() > teamIds) {
            throw invalid("an account user can have at most " + teamIds + " team ids");
        }
        checkTeamIds(teams);
    }

    /** INVALID when a team id is blank or too long. */
    void checkTeamIds(List<String> teamIds) {
        for (String team : teamIds) {
            if (team == null || team.isBlank()) {
                throw invalid("team ids cannot be blank");
            }
            if (team.length() > teamIdLength) {
                throw invalid("a team id can be at most " + teamIdLength + " characters long");
            }
        }
    }

    /** INVALID when {@code at} lies more than {@link #signInSkew} after {@code receivedAt}, or before the epoch. */
    void checkSignIn(Instant at, Instant receivedAt) {
        if (receivedAt == null) {
            throw invalid("the time the sign-in was received is required");
        }
        if (at.isAfter(receivedAt.plus(signInSkew))) {
            throw invalid("sign-in at " + at + " is in the future: it may be at most " + describe(signInSkew)
                    + " after the time the service received it (" + receivedAt + ")");
        }
        if (at.isBefore(EARLIEST_SIGN_IN)) {
            throw invalid("sign-in at " + at + " is before " + EARLIEST_SIGN_IN);
        }
    }

    private static String describe(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds % 60 == 0 ? seconds / 60 + " minutes" : seconds + " seconds";
    }
}
