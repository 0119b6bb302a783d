package dev.users.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/**
 * The person {@code userId} accepts or declines the pending membership {@code membershipId}. Who speaks for the
 * person: an API key of the account that created the person ({@code byLink} false: {@code accountId} is then the
 * caller's account and must be that one), or the signed link of the invitation e-mail ({@code byLink} true), which
 * the web layer has verified names this person, membership and account ({@code accountId} is then the membership's
 * account).
 */
public record AnswerInvitation(@TargetAggregateIdentifier UUID userId, UUID accountId, UUID membershipId,
                               boolean accept, boolean byLink, Instant at) implements UserCommand {
}
