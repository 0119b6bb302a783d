package dev.users.command.web;

import dev.users.command.api.AnswerInvitation;
import dev.users.errors.ErrorCode;
import dev.users.errors.UsersException;
import dev.users.web.Caller;
import dev.users.web.PrefixIds;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The person answers an invitation: through their home account's API key
 * ({@code POST /api/v4/users/:id/invitations/:acu/accept|decline}), or through the signed link of the invitation
 * e-mail ({@code POST /invitations/:token/accept|decline}, no API key: the token is the credential, and it answers
 * that one invitation only). Accepting answers 200 with the membership's state; declining 204.
 */
@RestController
public class InvitationController {

    private final Invitations invitations;
    private final InvitationTokens tokens;
    private final UserWrites writes;

    public InvitationController(Invitations invitations, InvitationTokens tokens, UserWrites writes) {
        this.invitations = invitations;
        this.tokens = tokens;
        this.writes = writes;
    }

    @PostMapping("/api/v4/users/{id}/invitations/{invitation}/{answer}")
    ResponseEntity<Map<String, Object>> answerForPerson(@PathVariable String id, @PathVariable String invitation,
                                                        @PathVariable String answer, Caller caller) {
        boolean accept = accepts(answer);
        UUID userId = UserWrites.userId(id);
        UUID membershipId = PrefixIds.parse(PrefixIds.ACCOUNT_USER, invitation)
                .orElseThrow(() -> new UsersException(ErrorCode.NOT_FOUND, "invitation " + invitation + " not found"));
        invitations.answer(new AnswerInvitation(userId, caller.accountId(), membershipId, accept,
                false, writes.now()));
        return answered(membershipId, accept);
    }

    @PostMapping("/invitations/{token}/{answer}")
    ResponseEntity<Map<String, Object>> answerByLink(@PathVariable String token, @PathVariable String answer) {
        boolean accept = accepts(answer);
        InvitationTokens.Invitation invitation = tokens.verify(token);
        invitations.answer(new AnswerInvitation(invitation.userId(), invitation.accountId(),
                invitation.membershipId(), accept, true, writes.now()));
        return answered(invitation.membershipId(), accept);
    }

    private static boolean accepts(String answer) {
        return switch (answer) {
            case "accept" -> true;
            case "decline" -> false;
            default -> throw new UsersException(ErrorCode.NOT_FOUND, "no such answer: accept or decline");
        };
    }

    private static ResponseEntity<Map<String, Object>> answered(UUID membershipId, boolean accepted) {
        if (!accepted) {
            return ResponseEntity.noContent().build();
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", membershipId.toString());
        json.put("prefix_id", PrefixIds.of(PrefixIds.ACCOUNT_USER, membershipId));
        json.put("state", "accepted");
        return ResponseEntity.ok(json);
    }
}
