package dev.users.command.domain;

import dev.users.errors.ErrorCode;
import dev.users.errors.UsersException;
import dev.users.events.MembershipAccepted;
import dev.users.events.MembershipAttributesChanged;
import dev.users.events.MembershipChanged;
import dev.users.events.MembershipDeclined;
import dev.users.events.MembershipEnded;
import dev.users.events.MembershipInvited;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The person's memberships in accounts other than the one that created them (their home account, whose membership
 * is the user itself): pending invitations and accepted memberships, at most one per account. The rules that need
 * the home account are in {@link User}; this holds the state and answers what a command may touch.
 */
public class Memberships {

    /** Per account, its membership. */
    private Map<UUID, Member> byAccount = new HashMap<>();

    public Memberships() {
    }

    /** A membership as the aggregate keeps it. */
    public record Member(UUID membershipId, boolean accepted, List<String> roles, List<String> teamIds,
                         String notificationRuleId, Map<String, String> meta) {

        Member accept() {
            return new Member(membershipId, true, roles, teamIds, notificationRuleId, meta);
        }

        Member assign(List<String> newRoles, List<String> newTeams) {
            return new Member(membershipId, accepted, newRoles, newTeams, notificationRuleId, meta);
        }

        Member attributes(String newRule, Map<String, String> newMeta) {
            return new Member(membershipId, accepted, roles, teamIds, newRule, newMeta);
        }
    }

    boolean has(UUID accountId) {
        return byAccount.containsKey(accountId);
    }

    /** The membership {@code membershipId} of {@code accountId}, or NOT_FOUND (another account's looks like none). */
    Member of(UUID accountId, UUID membershipId) {
        Member member = accountId == null ? null : byAccount.get(accountId);
        if (member == null || !member.membershipId().equals(membershipId)) {
            throw new UsersException(ErrorCode.NOT_FOUND, "account user not found");
        }
        return member;
    }

    /** The account of a membership, or NOT_FOUND. */
    UUID accountOf(UUID membershipId) {
        return byAccount.entrySet().stream().filter(e -> e.getValue().membershipId().equals(membershipId))
                .map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new UsersException(ErrorCode.NOT_FOUND, "invitation not found"));
    }

    @EventSourcingHandler
    void on(MembershipInvited e) {
        byAccount.put(e.accountId(), new Member(e.membershipId(), false, list(e.roles()), list(e.teamIds()), null,
                Map.of()));
    }

    @EventSourcingHandler
    void on(MembershipAccepted e) {
        byAccount.computeIfPresent(e.accountId(), (account, member) -> member.accept());
    }

    @EventSourcingHandler
    void on(MembershipChanged e) {
        byAccount.computeIfPresent(e.accountId(), (account, member) -> member.assign(list(e.roles()),
                list(e.teamIds())));
    }

    @EventSourcingHandler
    void on(MembershipAttributesChanged e) {
        byAccount.computeIfPresent(e.accountId(), (account, member) -> member.attributes(e.notificationRuleId(),
                e.meta() == null ? Map.of() : Map.copyOf(e.meta())));
    }

    private static List<String> list(List<String> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    @EventSourcingHandler
    void on(MembershipDeclined e) {
        byAccount.remove(e.accountId());
    }

    @EventSourcingHandler
    void on(MembershipEnded e) {
        byAccount.remove(e.accountId());
    }
}
