package dev.users.command.web;

import dev.users.command.api.AnswerInvitation;
import dev.users.command.api.CreateUser;
import dev.users.command.api.EndMembership;
import dev.users.command.api.InviteMember;
import dev.users.command.api.NewEmail;
import dev.users.command.domain.EmailClaims;
import dev.users.command.domain.MembershipRegistry;
import dev.users.command.infra.TimeOrderedIds;
import dev.users.errors.ErrorCode;
import dev.users.errors.UsersException;
import dev.users.web.PrefixIds;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One person, many accounts: a create whose address belongs to an existing person invites that person instead
 * (PagerTree: "If a user already exists in PagerTree they will receive an invite email where they can approve or
 * deny joining your account"); answers and ends memberships.
 */
@Component
public class Invitations {

    private final EmailClaims claims;
    private final MembershipRegistry registry;
    private final CommandGateway commands;

    public Invitations(EmailClaims claims, MembershipRegistry registry, CommandGateway commands) {
        this.claims = claims;
        this.registry = registry;
        this.commands = commands;
    }

    /**
     * Creates the user with {@code creation}, or, when one of its addresses (in the order given) belongs to a live
     * person, invites that person with the command's roles and teams and answers 202 with the pending account user;
     * the rest of the request (name, phones, other addresses) is not applied: the person's profile is theirs. The
     * person's home account, or an account that already has them, gets the usual 409. The create is tried first and
     * the addresses' holders are looked up only when it meets a taken address: a new person, the common case, costs
     * no extra query.
     */
    public ResponseEntity<Map<String, Object>> createOrInvite(CreateUser create,
                                                              Supplier<ResponseEntity<Map<String, Object>>> creation) {
        return createOrInvite(create, null, null, creation);
    }

    /**
     * As above; an invitation also takes the membership's own {@code notificationRuleId} and {@code meta}
     * (PagerTree's account user attributes; null: none), which a created user does not.
     */
    public ResponseEntity<Map<String, Object>> createOrInvite(CreateUser create, String notificationRuleId,
                                                              Map<String, String> meta,
                                                              Supplier<ResponseEntity<Map<String, Object>>> creation) {
        try {
            return creation.get();
        } catch (UsersException problem) {
            if (problem.code() != ErrorCode.CONFLICT) {
                throw problem;
            }
            return inviteInstead(create, notificationRuleId, meta).orElseThrow(() -> problem);
        }
    }

    private Optional<ResponseEntity<Map<String, Object>>> inviteInstead(CreateUser create, String notificationRuleId,
                                                                        Map<String, String> meta) {
        List<NewEmail> emails = create.emails() == null ? List.of() : create.emails();
        for (NewEmail email : emails) {
            Optional<UUID> person = claims.holder(email.address());
            if (person.isPresent()) {
                InviteMember invite = new InviteMember(person.get(), create.accountId(), TimeOrderedIds.next(),
                        create.roles(), create.teamIds(), notificationRuleId, meta, email.address(),
                        create.createdAt());
                commands.sendAndWait(invite);
                return Optional.of(ResponseEntity.status(HttpStatus.ACCEPTED)
                        .location(URI.create(AccountUserCommandController.ACCOUNT_USERS + "/"
                                + PrefixIds.of(PrefixIds.ACCOUNT_USER, invite.membershipId())))
                        .body(pending(invite)));
            }
        }
        return Optional.empty();
    }

    /** Ends the caller's account's membership {@code membershipId}; false when it is no membership of that account. */
    public boolean end(UUID membershipId, UUID accountId, Instant at) {
        Optional<UUID> person = registry.personOf(membershipId, accountId);
        person.ifPresent(user -> commands.sendAndWait(new EndMembership(user, accountId, membershipId, at)));
        return person.isPresent();
    }

    /** The person of the caller's account's membership {@code membershipId}, if it is one. */
    public Optional<UUID> personOf(UUID membershipId, UUID accountId) {
        return registry.personOf(membershipId, accountId);
    }

    public void answer(AnswerInvitation answer) {
        commands.sendAndWait(answer);
    }

    private static Map<String, Object> pending(InviteMember invite) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", invite.membershipId().toString());
        json.put("prefix_id", PrefixIds.of(PrefixIds.ACCOUNT_USER, invite.membershipId()));
        json.put("account_id", invite.accountId().toString());
        json.put("user_id", PrefixIds.of(PrefixIds.USER, invite.userId()));
        json.put("email", invite.email());
        json.put("state", "pending");
        json.put("message", "the address belongs to an existing person, who has been invited to join this account");
        return json;
    }
}
