package dev.users.command.domain;

import dev.users.command.api.AddEmail;
import dev.users.command.api.AddPhone;
import dev.users.command.api.AssignRoles;
import dev.users.command.api.AssignTeams;
import dev.users.command.api.ChangeRoles;
import dev.users.command.api.BlockPhone;
import dev.users.command.api.ChangeEmailAddress;
import dev.users.command.api.ChangePhoneNumber;
import dev.users.command.api.CreateUser;
import dev.users.command.api.MakeAddressPrimary;
import dev.users.command.api.MakeEmailPrimary;
import dev.users.command.api.MakePhonePrimary;
import dev.users.command.api.RecordSignIn;
import dev.users.command.api.RemoveEmail;
import dev.users.command.api.RemovePhone;
import dev.users.command.api.RemoveUser;
import dev.users.command.api.ReviseUser;
import dev.users.command.api.UnblockPhone;
import dev.users.command.api.UpdateProfile;
import dev.users.command.api.UserCommand;
import dev.users.errors.ErrorCode;
import dev.users.errors.UsersException;
import dev.users.events.EmailAdded;
import dev.users.events.UserEvent;
import dev.users.events.UserRemoved;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The user aggregate. Every handler returns the aggregate's version after the command (the sequence number of its
 * last event), which the HTTP layer waits for on the read side. State lives in {@link UserState}; the single-change
 * rules live in {@link UserChanges} so that {@link ReviseUser} runs exactly the same logic as the single commands.
 */
@Aggregate(snapshotTriggerDefinition = "userSnapshotTrigger", cache = "userCache")
public class User extends ReplacementChanges {

    public User() {
    }

    /**
     * While a creation handler runs, Axon holds the applied events back until the aggregate root exists, so
     * {@link AggregateLifecycle#getVersion()} is still empty here; the version is that of the last of the events
     * applied, whose sequence numbers start at 0.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public long handle(CreateUser cmd, TinyIds tinyIds, EmailClaims claims, RoleCatalog catalog, UserLimits limits) {
        List<UserEvent> events = NewUser.events(cmd, tinyIds, catalog, limits);
        for (UserEvent event : events) {
            if (event instanceof EmailAdded added) {
                claims.claim(added.address(), cmd.userId());
            }
        }
        events.forEach(AggregateLifecycle::apply);
        return events.size() - 1L;
    }

    @CommandHandler
    public long handle(UpdateProfile cmd, UserLimits limits) {
        checkAccount(cmd);
        withinLimits(limits, () -> updateProfile(cmd, limits));
        return version();
    }

    @CommandHandler
    public long handle(AddEmail cmd, EmailClaims claims, UserLimits limits) {
        checkAccount(cmd);
        withinLimits(limits, () -> addEmail(cmd, claims));
        return version();
    }

    @CommandHandler
    public long handle(RemoveEmail cmd, EmailClaims claims) {
        checkAccount(cmd);
        removeEmail(cmd, claims);
        return version();
    }

    @CommandHandler
    public long handle(MakeEmailPrimary cmd) {
        checkAccount(cmd);
        makeEmailPrimary(cmd);
        return version();
    }

    @CommandHandler
    public long handle(ChangeEmailAddress cmd, EmailClaims claims) {
        checkAccount(cmd);
        changeEmailAddress(cmd, claims);
        return version();
    }

    @CommandHandler
    public long handle(MakeAddressPrimary cmd, EmailClaims claims, UserLimits limits) {
        checkAccount(cmd);
        withinLimits(limits, () -> makeAddressPrimary(cmd, claims));
        return version();
    }

    @CommandHandler
    public long handle(ChangePhoneNumber cmd) {
        checkAccount(cmd);
        changePhoneNumber(cmd);
        return version();
    }

    @CommandHandler
    public long handle(AddPhone cmd, UserLimits limits) {
        checkAccount(cmd);
        withinLimits(limits, () -> addPhone(cmd));
        return version();
    }

    @CommandHandler
    public long handle(RemovePhone cmd) {
        checkAccount(cmd);
        removePhone(cmd);
        return version();
    }

    @CommandHandler
    public long handle(MakePhonePrimary cmd) {
        checkAccount(cmd);
        makePhonePrimary(cmd);
        return version();
    }

    @CommandHandler
    public long handle(BlockPhone cmd) {
        checkAccount(cmd);
        blockPhone(cmd);
        return version();
    }

    @CommandHandler
    public long handle(UnblockPhone cmd) {
        checkAccount(cmd);
        unblockPhone(cmd);
        return version();
    }

    @CommandHandler
    public long handle(AssignRoles cmd, RoleCatalog catalog, UserLimits limits) {
        checkAccount(cmd);
        withinLimits(limits, () -> assignRoles(cmd, catalog));
        return version();
    }

    @CommandHandler
    public long handle(ChangeRoles cmd, RoleCatalog catalog, UserLimits limits) {
        checkAccount(cmd);
        withinLimits(limits, () -> changeRoles(cmd, catalog));
        return version();
    }

    @CommandHandler
    public long handle(AssignTeams cmd, UserLimits limits) {
        checkAccount(cmd);
        withinLimits(limits, () -> assignTeams(cmd, limits));
        return version();
    }

    @CommandHandler
    public long handle(RecordSignIn cmd, UserLimits limits) {
        checkAccount(cmd);
        recordSignIn(cmd, limits);
        return version();
    }

    @CommandHandler
    public long handle(RemoveUser cmd, EmailClaims claims) {
        checkAccount(cmd);
        claims.releaseAll(userId);
        apply(new UserRemoved(userId, emails.addresses(), cmd.at()));
        return version();
    }

    /**
     * Applies every step in order with the single commands' own logic; the first failing step fails the whole
     * command, and the unit of work (events and claims) rolls back.
     */
    @CommandHandler
    public long handle(ReviseUser cmd, EmailClaims claims, RoleCatalog catalog, UserLimits limits) {
        checkAccount(cmd);
        List<UserCommand> steps = cmd.steps() == null ? List.of() : cmd.steps();
        for (int i = 0; i < steps.size(); i++) {
            UserCommand step = steps.get(i);
            if (step == null || !cmd.userId().equals(step.userId()) || !cmd.accountId().equals(step.accountId())) {
                throw new UsersException(ErrorCode.INVALID,
                        "revision step " + (i + 1) + " is not for user " + cmd.userId() + " in the same account");
            }
        }
        withinLimits(limits, () -> steps.forEach(step -> perform(step, claims, catalog, limits)));
        return version();
    }

    private static long version() {
        Long version = AggregateLifecycle.getVersion();
        return version == null ? -1 : version;
    }
}
