package dev.users.command.domain;

import dev.users.command.api.AddEmail;
import dev.users.command.api.AddPhone;
import dev.users.command.api.AssignRoles;
import dev.users.command.api.AssignTeams;
import dev.users.command.api.ChangeRoles;
import dev.users.command.api.BlockPhone;
import dev.users.command.api.MakeEmailPrimary;
import dev.users.command.api.MakePhonePrimary;
import dev.users.command.api.NewEmail;
import dev.users.command.api.NewPhone;
import dev.users.command.api.RecordSignIn;
import dev.users.command.api.RemoveEmail;
import dev.users.command.api.RemovePhone;
import dev.users.command.api.UnblockPhone;
import dev.users.command.api.UpdateProfile;
import dev.users.command.api.UserCommand;
import dev.users.errors.ErrorCode;
import dev.users.errors.UsersException;
import dev.users.events.EmailAdded;
import dev.users.events.EmailRemoved;
import dev.users.events.PhoneAdded;
import dev.users.events.PhoneBlocked;
import dev.users.events.PhoneRemoved;
import dev.users.events.PhoneUnblocked;
import dev.users.events.PrimaryEmailChanged;
import dev.users.events.PrimaryPhoneChanged;
import dev.users.events.RolesAssigned;
import dev.users.events.TeamsAssigned;
import dev.users.events.UserSignedIn;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static dev.users.command.domain.UserRules.invalid;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The rules of every change to an existing user, shared by the single-command handlers and {@link
 * dev.users.command.api.ReviseUser}. Each checks the current state, then applies events; state itself only changes in
 * the event sourcing handlers of {@link UserState}.
 */
abstract class UserChanges extends UserState {

    /** Another account's user, or a removed one, must look like no user at all. */
    void checkAccount(UserCommand cmd) {
        if (removed || accountId == null || !accountId.equals(cmd.accountId())) {
            throw new UsersException(ErrorCode.NOT_FOUND, "user not found");
        }
    }

    /**
     * Runs {@code change} and refuses it whole if it took the user over one of {@code limits} (its events roll back
     * with the command). Counting afterwards, rather than before each addition, lets a revision that adds and
     * removes in one request (v4 applies removals last) stay within the limits it ends within.
     */
    void withinLimits(UserLimits limits, Runnable change) {
        UserLimits.Size before = size();
        change.run();
        limits.refuseGrowth(before, size());
    }

    /** One step of a revision, handled exactly as the single command would be. */
    void perform(UserCommand step, EmailClaims claims, RoleCatalog catalog, UserLimits limits) {
        if (step instanceof UpdateProfile c) updateProfile(c, limits);
        else if (step instanceof AddEmail c) addEmail(c, claims);
        else if (step instanceof RemoveEmail c) removeEmail(c, claims);
        else if (step instanceof MakeEmailPrimary c) makeEmailPrimary(c);
        else if (step instanceof AddPhone c) addPhone(c);
        else if (step instanceof RemovePhone c) removePhone(c);
        else if (step instanceof MakePhonePrimary c) makePhonePrimary(c);
        else if (step instanceof BlockPhone c) blockPhone(c);
        else if (step instanceof UnblockPhone c) unblockPhone(c);
        else if (step instanceof AssignRoles c) assignRoles(c, catalog);
        else if (step instanceof AssignTeams c) assignTeams(c, limits);
        else if (step instanceof ChangeRoles c) changeRoles(c, catalog);
        else if (step instanceof RecordSignIn c) recordSignIn(c, limits);
        else throw invalid(step.getClass().getSimpleName() + " cannot be part of a revision");
    }

    void updateProfile(UpdateProfile cmd, UserLimits limits) {
        ProfileChanges.of(this, cmd, limits).forEach(event -> apply(event));
    }

    void addEmail(AddEmail cmd, EmailClaims claims) {
        NewEmail email = cmd.email();
        if (email == null) {
            throw invalid("an email is required");
        }
        String address = UserRules.address(email.address());
        if (emails.hasAddress(address)) {
            throw invalid("user already has email " + address);
        }
        if (emails.hasId(UserRules.id(email.emailId(), "email"))) {
            throw invalid("user already has an email with id " + email.emailId());
        }
        claims.claim(address, userId);
        apply(new EmailAdded(userId, email.emailId(), address, email.primary() || emails.size() == 0));
    }

    void removeEmail(RemoveEmail cmd, EmailClaims claims) {
        UserEmail email = emails.require(cmd.emailId());
        if (emails.size() == 1) {
            throw invalid("cannot remove email " + email.address() + ": it is the user's only email");
        }
        if (email.primary()) {
            throw invalid("cannot remove primary email " + email.address() + ": make another email primary first");
        }
        claims.release(email.address(), userId);
        apply(new EmailRemoved(userId, email.id(), email.address()));
    }

    void makeEmailPrimary(MakeEmailPrimary cmd) {
        if (!emails.require(cmd.emailId()).primary()) {
            apply(new PrimaryEmailChanged(userId, cmd.emailId()));
        }
    }

    void addPhone(AddPhone cmd) {
        NewPhone phone = cmd.phone();
        if (phone == null) {
            throw invalid("a phone is required");
        }
        ParsedPhone parsed = UserRules.phone(phone.number());
        if (phones.hasNumber(parsed.e164())) {
            throw invalid("user already has phone " + parsed.e164());
        }
        if (phones.hasId(UserRules.id(phone.phoneId(), "phone"))) {
            throw invalid("user already has a phone with id " + phone.phoneId());
        }
        apply(new PhoneAdded(userId, phone.phoneId(), parsed.e164(), parsed.country(),
                phone.primary() || phones.isEmpty(), phone.confirmationMethod()));
    }

    void removePhone(RemovePhone cmd) {
        UserPhone phone = phones.require(cmd.phoneId());
        if (phone.primary() && phones.size() > 1) {
            throw invalid("cannot remove primary phone " + phone.number() + ": make another phone primary first");
        }
        apply(new PhoneRemoved(userId, phone.id()));
    }

    void makePhonePrimary(MakePhonePrimary cmd) {
        if (!phones.require(cmd.phoneId()).primary()) {
            apply(new PrimaryPhoneChanged(userId, cmd.phoneId()));
        }
    }

    void blockPhone(BlockPhone cmd) {
        if (!phones.require(cmd.phoneId()).blocked()) {
            apply(new PhoneBlocked(userId, cmd.phoneId()));
        }
    }

    void unblockPhone(UnblockPhone cmd) {
        if (phones.require(cmd.phoneId()).blocked()) {
            apply(new PhoneUnblocked(userId, cmd.phoneId()));
        }
    }

    void assignRoles(AssignRoles cmd, RoleCatalog catalog) {
        List<String> assigned = UserRules.roles(accountId, cmd.roles(), catalog);
        if (!assigned.equals(roles)) {
            apply(new RolesAssigned(userId, assigned));
        }
    }

    void changeRoles(ChangeRoles cmd, RoleCatalog catalog) {
        Set<String> next = new TreeSet<>(roles);
        if (cmd.grant() != null) {
            next.addAll(cmd.grant());
        }
        if (cmd.revoke() != null) {
            cmd.revoke().forEach(next::remove);
        }
        assignRoles(new AssignRoles(userId, accountId, List.copyOf(next)), catalog);
    }

    void assignTeams(AssignTeams cmd, UserLimits limits) {
        List<String> teams = cmd.teamIds() == null ? List.of() : new ArrayList<>(cmd.teamIds());
        limits.checkTeamIds(teams);
        teams = List.copyOf(teams);
        if (!teams.equals(teamIds)) {
            apply(new TeamsAssigned(userId, teams));
        }
    }

    void recordSignIn(RecordSignIn cmd, UserLimits limits) {
        if (cmd.at() == null) {
            throw invalid("the sign-in time is required");
        }
        limits.checkSignIn(cmd.at(), cmd.receivedAt());
        if (lastSignInAt != null && cmd.at().isBefore(lastSignInAt)) {
            throw invalid("sign-in at " + cmd.at() + " is before the last sign-in at " + lastSignInAt
                    + "; sign-ins cannot move backwards");
        }
        if (!cmd.at().equals(lastSignInAt)) {
            apply(new UserSignedIn(userId, lastSignInAt, cmd.at()));
        }
    }
}
