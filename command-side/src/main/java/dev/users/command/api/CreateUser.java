package dev.users.command.api;

import dev.users.events.NotificationPreferences;
import dev.users.events.TimeZoneSetting;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Creates a user with its first emails and phones (v3 users may have none). When no email is flagged primary the
 * first is; the same for phones. {@code teamIds} may be null.
 * {@code firstName}/{@code lastName} may be null when only a full name is known.
 */
public record CreateUser(@TargetAggregateIdentifier UUID userId, UUID accountId, String name, String firstName,
                         String lastName, TimeZoneSetting timeZone, String language,
                         NotificationPreferences notifications, Map<String, String> meta, List<NewEmail> emails,
                         List<NewPhone> phones, List<String> roles, List<String> teamIds, Instant createdAt)
        implements UserCommand {

    /** This command with {@code roles} and {@code teamIds} in place of its own. */
    public CreateUser withAssignments(List<String> roles, List<String> teamIds) {
        return new CreateUser(userId, accountId, name, firstName, lastName, timeZone, language, notifications, meta,
                emails, phones, roles, teamIds, createdAt);
    }
}
