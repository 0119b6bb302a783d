package dev.users.command.domain;

import dev.users.command.api.AddEmail;
import dev.users.command.api.AnswerInvitation;
import dev.users.command.api.EndMembership;
import dev.users.command.api.InviteMember;
import dev.users.command.api.AddPhone;
import dev.users.command.api.AssignRoles;
import dev.users.command.api.AssignTeams;
import dev.users.command.api.BlockPhone;
import dev.users.command.api.ChangeEmailAddress;
import dev.users.command.api.ChangeMembership;
import dev.users.command.api.ChangePhoneNumber;
import dev.users.command.api.ChangeRoles;
import dev.users.command.api.CreateUser;
import dev.users.command.api.MakeAddressPrimary;
import dev.users.command.api.MakeEmailPrimary;
import dev.users.command.api.MakePhonePrimary;
import dev.users.command.api.RecordSignIn;
import dev.users.command.api.RemoveEmail;
import dev.users.command.api.RemovePhone;
import dev.users.command.api.RemoveUser;
import dev.users.command.api.TransferOwnership;
import dev.users.command.api.ReviseUser;
import dev.users.command.api.UnblockPhone;
import dev.users.command.api.UpdateProfile;
import dev.users.command.api.UserChange;
import dev.users.errors.ErrorCode;
import dev.users.errors.UsersException;
import dev.users.errors.VersionMismatch;
import dev.users.events.AccountOwnershipTransferred;
import dev.users.events.EmailAdded;
import dev.users.events.MembershipAccepted;
import dev.users.events.MembershipAttributesChanged;
import dev.users.events.MembershipChanged;
import dev.users.events.MembershipDeclined;
import dev.users.events.MembershipEnded;
import dev.users.events.MembershipInvited;
import dev.users.events.UserCreated;
import dev.users.events.UserErased;
import dev.users.events.UserEvent;
import dev.users.events.UserRemoved;
import dev.users.events.UserSignedIn;
import dev.users.web.EntityTags;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static dev.users.command.domain.UserRules.invalid;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

/**
 * The user aggregate. Each command is handled by the method that holds its rules: here creation, sign-ins, removal
 * and revisions; {@link Profile}, {@link Emails}, {@link Phones} and {@link Assignments} (roles and teams) handle the
 * commands on what they hold. Every command on an existing user passes {@link #onEveryChange} first. State changes only in the
 * {@code @EventSourcingHandler}s, each next to the state it changes.
 * <p>
 * The revision marks the snapshot format: a snapshot of another revision is ignored and the user rebuilt from its
 * events (revision 2: profile, emails, phones and assignments became entities of their own). The memberships came
 * later without a new revision: a snapshot from before them lacks the field, which then starts empty, and no user
 * had a membership then.
 * <p>
 * A user is a person. The account that created it is its home account: the user's own roles, teams and meta are
 * that membership's, and only the home account changes the person's profile, emails and phones (every
 * {@link UserChange} names it). Other accounts hold {@link Memberships}: invited, accepted or declined by the person,
 * ended by their account.
 */
@Aggregate(snapshotTriggerDefinition = "userSnapshotTrigger", cache = "userCache")
@Revision("2")
public class User {

    @AggregateIdentifier
    UUID userId;
    UUID accountId;
    long tinyId;
    Instant createdAt;
    @AggregateMember
    Profile profile = new Profile();
    @AggregateMember
    Emails emails = new Emails();
    @AggregateMember
    Phones phones = new Phones();
    @AggregateMember
    Assignments assignments = new Assignments();
    @AggregateMember
    Memberships memberships = new Memberships();
    Instant lastSignInAt;
    boolean removed;

    public User() {
    }

    /**
     * Around every command on an existing user, its own handler's or an entity's. Another account's user, or a
     * removed one, must look like no user at all. A command that takes the user over one of its {@code limits} is
     * refused whole (its events roll back with it); counting after the whole command, rather than before each
     * addition, lets a revision that adds and removes (v4 applies removals last) stay within the limits it ends
     * within. A command sent with {@code If-Match} (the {@link UserChange#IF_MATCH} metadata) applies only to the
     * version it names: checked here, under the aggregate's lock, and the append of the next sequence number fails
     * on a duplicate if another node appended first, so the check and the append are one. The answer is the
     * user's version after the command.
     */
    @CommandHandlerInterceptor
    Object onEveryChange(UserChange cmd, InterceptorChain chain, UserLimits limits,
                         @MetaDataValue(UserChange.IF_MATCH) String ifMatch) throws Exception {
        if (removed || accountId == null || !accountId.equals(cmd.accountId())) {
            throw new UsersException(ErrorCode.NOT_FOUND, "user not found");
        }
        Long current = AggregateLifecycle.getVersion();
        if (ifMatch != null && (current == null || !EntityTags.matches(ifMatch, current))) {
            throw new VersionMismatch(current == null ? -1L : current);
        }
        UserLimits.Size before = size();
        chain.proceed();
        limits.refuseGrowth(before, size());
        Long version = AggregateLifecycle.getVersion();
        return version == null ? -1L : version;
    }

    /**
     * Creates the user with everything it starts with, checked all at once ({@link NewUser}). Axon holds a creation
     * handler's events back until the aggregate root exists, so the version is that of the last event applied
     * (sequence numbers start at 0) rather than {@link AggregateLifecycle#getVersion()}, still empty here.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    long handle(CreateUser cmd, TinyIds tinyIds, EmailClaims claims, RoleCatalog catalog, UserLimits limits) {
        List<UserEvent> events = NewUser.events(cmd, tinyIds, catalog, limits);
        for (UserEvent event : events) {
            if (event instanceof EmailAdded added) {
                claims.claim(added.address(), cmd.userId());
            }
        }
        events.forEach(AggregateLifecycle::apply);
        return events.size() - 1L;
    }

    /** Sign-ins only move forwards, and never further ahead of their receipt than {@code limits} allow. */
    @CommandHandler
    void handle(RecordSignIn cmd, UserLimits limits) {
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

    /**
     * Another account invites this person. The home account, or an account that already has a membership (pending
     * or accepted), gets the same 409 as a second user with the address would.
     */
    @CommandHandler
    long handle(InviteMember cmd, MembershipRegistry registry, TinyIds tinyIds, RoleCatalog catalog,
                UserLimits limits) {
        if (removed || cmd.accountId() == null || cmd.accountId().equals(accountId)
                || memberships.has(cmd.accountId())) {
            throw new UsersException(ErrorCode.CONFLICT, "email " + cmd.email() + " is already taken");
        }
        UserRules.id(cmd.membershipId(), "membership");
        List<String> roles = UserRules.roles(cmd.accountId(), cmd.roles(), catalog);
        List<String> teams = cmd.teamIds() == null ? List.of() : List.copyOf(cmd.teamIds());
        limits.checkMembership(roles, teams);
        Map<String, String> meta = UserRules.meta(cmd.meta(), limits);
        limits.checkMembershipAttributes(cmd.notificationRuleId(), meta);
        registry.register(cmd.membershipId(), userId, cmd.accountId());
        apply(new MembershipInvited(userId, cmd.accountId(), cmd.membershipId(), tinyIds.next(), roles, teams,
                cmd.email(), cmd.at()));
        if (cmd.notificationRuleId() != null || (meta != null && !meta.isEmpty())) {
            apply(new MembershipAttributesChanged(userId, cmd.accountId(), cmd.membershipId(),
                    cmd.notificationRuleId(), meta == null ? Map.of() : new LinkedHashMap<>(meta)));
        }
        return AggregateLifecycle.getVersion();
    }

    /** The person answers a pending invitation, through their home account or the e-mail's signed link. */
    @CommandHandler
    long handle(AnswerInvitation cmd, MembershipRegistry registry) {
        UUID account = cmd.byLink() ? cmd.accountId()
                : accountId.equals(cmd.accountId()) && !removed ? memberships.accountOf(cmd.membershipId()) : null;
        Memberships.Member member = memberships.of(removed ? null : account, cmd.membershipId());
        if (member.accepted()) {
            throw new UsersException(ErrorCode.CONFLICT, "the invitation was accepted already");
        }
        if (cmd.accept()) {
            apply(new MembershipAccepted(userId, account, cmd.membershipId(), cmd.at()));
        } else {
            registry.forget(cmd.membershipId());
            apply(new MembershipDeclined(userId, account, cmd.membershipId(), cmd.at()));
        }
        return AggregateLifecycle.getVersion();
    }

    /**
     * The membership's account changes its roles, teams, notification rule or meta, within the limits a user's
     * assignments and meta have.
     */
    @CommandHandler
    long handle(ChangeMembership cmd, RoleCatalog catalog, UserLimits limits) {
        Memberships.Member member = memberships.of(removed ? null : cmd.accountId(), cmd.membershipId());
        Set<String> next = new TreeSet<>(member.roles());
        if (cmd.grant() != null) {
            next.addAll(cmd.grant());
        }
        if (cmd.revoke() != null) {
            cmd.revoke().forEach(next::remove);
        }
        List<String> roles = UserRules.roles(cmd.accountId(), List.copyOf(next), catalog);
        List<String> teams = cmd.teamIds() == null ? member.teamIds() : List.copyOf(cmd.teamIds());
        limits.checkMembership(roles, teams);
        String rule = cmd.setsRule() ? cmd.notificationRuleId() : member.notificationRuleId();
        Map<String, String> given = UserRules.meta(cmd.meta(), limits);
        Map<String, String> meta = given == null ? member.meta() : given;
        limits.checkMembershipAttributes(rule, meta);
        if (!roles.equals(member.roles()) || !teams.equals(member.teamIds())) {
            apply(new MembershipChanged(userId, cmd.accountId(), cmd.membershipId(), roles, teams));
        }
        if (!Objects.equals(rule, member.notificationRuleId()) || !meta.equals(member.meta())) {
            apply(new MembershipAttributesChanged(userId, cmd.accountId(), cmd.membershipId(), rule,
                    new LinkedHashMap<>(meta)));
        }
        Long version = AggregateLifecycle.getVersion();
        return version == null ? -1L : version;
    }

    /** The membership's account deletes its account user: only that membership ends. */
    @CommandHandler
    long handle(EndMembership cmd, MembershipRegistry registry) {
        memberships.of(removed ? null : cmd.accountId(), cmd.membershipId());
        registry.forget(cmd.membershipId());
        apply(new MembershipEnded(userId, cmd.accountId(), cmd.membershipId(), cmd.at()));
        return AggregateLifecycle.getVersion();
    }

    /**
     * Makes this user the account's owner, granting admin and billing; the previous owner keeps its roles. Already
     * the owner: nothing changes.
     */
    @CommandHandler
    void handle(TransferOwnership cmd, AccountOwners owners, RoleCatalog catalog) {
        if (owners.isOwner(accountId, userId)) {
            return;
        }
        UUID previous = owners.transferTo(accountId, userId).orElse(null);
        assignments.handle(new ChangeRoles(userId, accountId, AccountOwners.OWNER_ROLES, List.of()), catalog, owners);
        apply(new AccountOwnershipTransferred(userId, accountId, previous, cmd.at()));
    }

    /** The owner cannot be removed: the account would be left without one. */
    @CommandHandler
    void handle(RemoveUser cmd, EmailClaims claims, MembershipRegistry registry, AccountOwners owners) {
        if (owners.isOwner(accountId, userId)) {
            throw new UsersException(ErrorCode.CONFLICT, "the account owner cannot be deleted; transfer ownership"
                    + " to another account user first");
        }
        claims.releaseAll(userId);
        registry.forgetAll(userId);
        apply(new UserRemoved(userId, emails.addresses(), cmd.at()));
    }

    /**
     * Applies every step in order, each with its own command's handler; the first failing step fails the whole
     * command, and the unit of work (events and claims) rolls back.
     */
    @CommandHandler
    void handle(ReviseUser cmd, EmailClaims claims, RoleCatalog catalog, UserLimits limits, AccountOwners owners) {
        List<UserChange> steps = cmd.steps() == null ? List.of() : cmd.steps();
        for (int i = 0; i < steps.size(); i++) {
            UserChange step = steps.get(i);
            if (step == null || !cmd.userId().equals(step.userId()) || !cmd.accountId().equals(step.accountId())) {
                throw invalid("revision step " + (i + 1) + " is not for user " + cmd.userId() + " in the same account");
            }
        }
        steps.forEach(step -> revise(step, claims, catalog, limits, owners));
    }

    private void revise(UserChange step, EmailClaims claims, RoleCatalog catalog, UserLimits limits,
                        AccountOwners owners) {
        if (step instanceof UpdateProfile c) profile.handle(c, limits);
        else if (step instanceof AddEmail c) emails.handle(c, claims);
        else if (step instanceof RemoveEmail c) emails.handle(c, claims);
        else if (step instanceof MakeEmailPrimary c) emails.handle(c);
        else if (step instanceof ChangeEmailAddress c) emails.handle(c, claims);
        else if (step instanceof MakeAddressPrimary c) emails.handle(c, claims);
        else if (step instanceof AddPhone c) phones.handle(c);
        else if (step instanceof RemovePhone c) phones.handle(c);
        else if (step instanceof MakePhonePrimary c) phones.handle(c);
        else if (step instanceof BlockPhone c) phones.handle(c);
        else if (step instanceof UnblockPhone c) phones.handle(c);
        else if (step instanceof ChangePhoneNumber c) phones.handle(c);
        else if (step instanceof AssignRoles c) assignments.handle(c, catalog, owners);
        else if (step instanceof ChangeRoles c) assignments.handle(c, catalog, owners);
        else if (step instanceof AssignTeams c) assignments.handle(c, limits);
        else if (step instanceof RecordSignIn c) handle(c, limits);
        else throw invalid(step.getClass().getSimpleName() + " cannot be part of a revision");
    }

    /** How much of what {@link UserLimits} bounds this user holds. */
    UserLimits.Size size() {
        return new UserLimits.Size(emails.size(), phones.size(), assignments.roleCount(),
                assignments.teamCount(), profile.metaKeys());
    }

    @EventSourcingHandler
    void on(UserCreated e) {
        userId = e.userId();
        accountId = e.accountId();
        tinyId = e.tinyId();
        createdAt = e.createdAt();
    }

    @EventSourcingHandler
    void on(UserSignedIn e) {
        lastSignInAt = e.signedInAt();
    }

    @EventSourcingHandler
    void on(UserRemoved e) {
        removed = true;
        markDeleted();
    }

    /**
     * An erased person is gone as a removed one is (every command finds no user); the erasure itself is appended
     * beside the aggregate, as a removed user can be erased too.
     */
    @EventSourcingHandler
    void on(UserErased e) {
        removed = true;
        markDeleted();
    }
}
