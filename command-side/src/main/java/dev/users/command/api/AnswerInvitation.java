package dev.users.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/**
 * The person {@code userId} accepts or declines the pending membership {@code membershipId}. Who speaks for the
 * person: {@link Answerer#HOME_ACCOUNT}, an API key of the account that created the person ({@code accountId} is
 * then the caller's account and must be that one), or {@link Answerer#TOKEN}, the signed link of the invitation
 * e-mail, which the web layer has verified names this person and membership ({@code accountId} is then the
 * membership's account).
 */
public record AnswerInvitation(@TargetAggregateIdentifier UUID userId, UUID accountId, UUID membershipId,
                               boolean accept, Answerer answerer, Instant at) implements UserCommand {

    public enum Answerer { HOME_ACCOUNT, TOKEN }
}
