package dev.users.events;

import java.util.Map;
import java.util.UUID;

/**
 * The membership's account set its own attributes of the account user (PagerTree's): the notification rule it uses
 * ({@code notificationRuleId}, null: none) and its meta, both as whole new values. Emitted right after
 * {@link MembershipInvited} when the invitation names them, and on a change. {@code accountId} is the membership's
 * account, right after {@code userId} (see {@link MembershipInvited}).
 */
public record MembershipAttributesChanged(UUID userId, UUID accountId, UUID membershipId, String notificationRuleId,
                                          Map<String, String> meta) implements UserEvent {
}
