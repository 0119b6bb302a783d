package dev.users.command.domain;

import dev.users.events.EmailAdded;
import dev.users.events.EmailRemoved;
import dev.users.events.LanguageChanged;
import dev.users.events.MetaChanged;
import dev.users.events.NotificationPreferences;
import dev.users.events.NotificationPreferencesChanged;
import dev.users.events.PhoneAdded;
import dev.users.events.PhoneBlocked;
import dev.users.events.PhoneRemoved;
import dev.users.events.PhoneUnblocked;
import dev.users.events.PrimaryEmailChanged;
import dev.users.events.PrimaryPhoneChanged;
import dev.users.events.RolesAssigned;
import dev.users.events.TeamsAssigned;
import dev.users.events.TimeZoneChanged;
import dev.users.events.TimeZoneSetting;
import dev.users.events.UserCreated;
import dev.users.events.UserRemoved;
import dev.users.events.UserRenamed;
import dev.users.events.UserSignedIn;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

/**
 * The state of a {@link User} and the only place it changes: one {@code @EventSourcingHandler} per event. Plain
 * fields and a no-arg constructor so that Jackson can snapshot it (fields are auto-detected, getters are not).
 */
public abstract class UserState {

    @AggregateIdentifier
    protected UUID userId;
    protected UUID accountId;
    protected long tinyId;
    protected String name;
    protected String firstName;
    protected String lastName;
    protected TimeZoneSetting timeZone;
    protected String language;
    protected NotificationPreferences notifications = NotificationPreferences.DEFAULT;
    protected Map<String, String> meta = Map.of();
    protected Emails emails = new Emails();
    protected Phones phones = new Phones();
    protected List<String> roles = List.of();
    protected List<String> teamIds = List.of();
    protected Instant lastSignInAt;
    protected Instant createdAt;
    protected boolean removed;

    protected UserState() {
    }

    /** How much of what {@link UserLimits} bounds this user holds. */
    UserLimits.Size size() {
        return new UserLimits.Size(emails.size(), phones.size(), roles.size(), teamIds.size(), meta.size());
    }

    @EventSourcingHandler
    void on(UserCreated e) {
        userId = e.userId();
        accountId = e.accountId();
        tinyId = e.tinyId();
        name = e.name();
        firstName = e.firstName();
        lastName = e.lastName();
        timeZone = e.timeZone();
        language = e.language();
        notifications = e.notifications() == null ? NotificationPreferences.DEFAULT : e.notifications();
        meta = e.meta() == null ? Map.of() : new LinkedHashMap<>(e.meta());
        createdAt = e.createdAt();
    }

    @EventSourcingHandler
    void on(UserRenamed e) {
        name = e.name();
        firstName = e.firstName();
        lastName = e.lastName();
    }

    @EventSourcingHandler
    void on(TimeZoneChanged e) {
        timeZone = e.timeZone();
    }

    @EventSourcingHandler
    void on(LanguageChanged e) {
        language = e.language();
    }

    @EventSourcingHandler
    void on(NotificationPreferencesChanged e) {
        notifications = e.notifications();
    }

    @EventSourcingHandler
    void on(MetaChanged e) {
        meta = e.meta() == null ? Map.of() : new LinkedHashMap<>(e.meta());
    }

    @EventSourcingHandler
    void on(EmailAdded e) {
        emails.add(e.emailId(), e.address(), e.primary());
    }

    @EventSourcingHandler
    void on(EmailRemoved e) {
        emails.remove(e.emailId());
    }

    @EventSourcingHandler
    void on(PrimaryEmailChanged e) {
        emails.makePrimary(e.emailId());
    }

    @EventSourcingHandler
    void on(PhoneAdded e) {
        phones.add(new UserPhone(e.phoneId(), e.number(), e.country(), e.primary(), false, e.confirmationMethod()));
    }

    @EventSourcingHandler
    void on(PhoneRemoved e) {
        phones.remove(e.phoneId());
    }

    @EventSourcingHandler
    void on(PrimaryPhoneChanged e) {
        phones.makePrimary(e.phoneId());
    }

    @EventSourcingHandler
    void on(PhoneBlocked e) {
        phones.setBlocked(e.phoneId(), true);
    }

    @EventSourcingHandler
    void on(PhoneUnblocked e) {
        phones.setBlocked(e.phoneId(), false);
    }

    @EventSourcingHandler
    void on(TeamsAssigned e) {
        teamIds = e.teamIds() == null ? List.of() : new ArrayList<>(e.teamIds());
    }

    @EventSourcingHandler
    void on(RolesAssigned e) {
        roles = e.roles() == null ? List.of() : new ArrayList<>(e.roles());
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
}
