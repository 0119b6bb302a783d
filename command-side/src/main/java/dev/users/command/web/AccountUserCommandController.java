package dev.users.command.web;

import dev.users.command.api.AssignTeams;
import dev.users.command.api.ChangeMembership;
import dev.users.command.api.ChangeRoles;
import dev.users.command.api.CreateUser;
import dev.users.command.api.RemoveUser;
import dev.users.command.api.ReviseUser;
import dev.users.command.api.TransferOwnership;
import dev.users.command.api.UserChange;
import dev.users.command.infra.AccountRoles;
import dev.users.command.infra.TimeOrderedIds;
import dev.users.errors.ErrorCode;
import dev.users.errors.UsersException;
import dev.users.queries.Surface;
import dev.users.web.Caller;
import dev.users.web.PrefixIds;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * PagerTree's account users (the path its CLI uses), over the same users: an account user's id is its user's id.
 * Create and update take {@code user_attributes}, a roles hash and {@code team_ids}; delete removes the user. A
 * create whose address belongs to an existing person invites them ({@link Invitations}); deleting such a
 * membership ends it.
 */
@RestController
@RequestMapping(AccountUserCommandController.ACCOUNT_USERS)
public class AccountUserCommandController {

    static final String ACCOUNT_USERS = "/api/v4/account_users";

    private final RequestBodies bodies;
    private final AccountRoles roles;
    private final UserWrites writes;
    private final Invitations invitations;

    public AccountUserCommandController(RequestBodies bodies, AccountRoles roles, UserWrites writes,
                                        Invitations invitations) {
        this.invitations = invitations;
        this.bodies = bodies;
        this.roles = roles;
        this.writes = writes;
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> create(HttpServletRequest request, Caller caller) {
        AccountUserParams p = AccountUserParams.read(bodies.read(request, "account_user"), true, caller.accountId(),
                roles, caller.defaultRegion());
        CreateUser command = V4UserCommands.create(p.user(), TimeOrderedIds.next(), caller.accountId(), writes.now())
                .withAssignments(p.grant(), p.teamIds());
        return invitations.createOrInvite(command, p.notificationRuleId(), p.meta(),
                () -> writes.create(command, Surface.V4_ACCOUNT_USER, ACCOUNT_USERS));
    }

    @PutMapping("/{id}")
    ResponseEntity<Map<String, Object>> update(@PathVariable String id, HttpServletRequest request, Caller caller) {
        UUID userId = accountUserId(id);
        AccountUserParams p = AccountUserParams.read(bodies.read(request, "account_user"), false, caller.accountId(),
                roles, caller.defaultRegion());
        Optional<UUID> person = invitations.personOf(userId, caller.accountId());
        if (person.isPresent()) {
            p.refuseProfileOfMember();
            return writes.send(new ChangeMembership(person.get(), caller.accountId(), userId, p.grant(), p.revoke(),
                    p.teamIds(), p.hasNotificationRuleId(), p.notificationRuleId(), p.meta()));
        }
        List<UserChange> steps = new ArrayList<>(V4UserCommands.revise(p.user(), userId, caller.accountId()).steps());
        if (!p.grant().isEmpty() || !p.revoke().isEmpty()) {
            steps.add(new ChangeRoles(userId, caller.accountId(), p.grant(), p.revoke()));
        }
        if (p.teamIds() != null) {
            steps.add(new AssignTeams(userId, caller.accountId(), p.teamIds()));
        }
        return writes.send(new ReviseUser(userId, caller.accountId(), steps), Surface.V4_ACCOUNT_USER, HttpStatus.OK);
    }

    @PatchMapping("/{id}")
    ResponseEntity<Map<String, Object>> patch(@PathVariable String id, HttpServletRequest request, Caller caller) {
        return update(id, request, caller);
    }

    /**
     * Deletes the account user: a membership of a person from another account ends (the person stays); the
     * account's own user is removed, as before.
     */
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id, Caller caller) {
        UUID accountUserId = accountUserId(id);
        if (!invitations.end(accountUserId, caller.accountId(), writes.now())) {
            writes.remove(new RemoveUser(accountUserId, caller.accountId(), writes.now()));
        }
        return ResponseEntity.noContent().build();
    }

    /**
     * Makes the account user its account's owner (admin keys only): it is granted admin and billing; the previous
     * owner keeps its roles and may then lose them or be deleted.
     */
    @PostMapping("/{id}/transfer_ownership")
    ResponseEntity<Map<String, Object>> transferOwnership(@PathVariable String id, Caller caller) {
        if (!caller.admin()) {
            throw new UsersException(ErrorCode.FORBIDDEN, "only an admin API key can transfer ownership");
        }
        UUID userId = accountUserId(id);
        return writes.send(new TransferOwnership(userId, caller.accountId(), writes.now()), Surface.V4_ACCOUNT_USER,
                HttpStatus.OK);
    }

    /** An account user's id: the user's UUID, its {@code usr_…} or its {@code acu_…} prefix id. */
    static UUID accountUserId(String id) {
        return PrefixIds.parse(PrefixIds.ACCOUNT_USER, id).orElseGet(() -> UserWrites.userId(id));
    }
}
