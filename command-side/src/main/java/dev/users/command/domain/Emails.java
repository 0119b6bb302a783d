package dev.users.command.domain;

import dev.users.command.api.AddEmail;
import dev.users.command.api.ChangeEmailAddress;
import dev.users.command.api.MakeAddressPrimary;
import dev.users.command.api.MakeEmailPrimary;
import dev.users.command.api.NewEmail;
import dev.users.command.api.RemoveEmail;
import dev.users.errors.ErrorCode;
import dev.users.errors.UsersException;
import dev.users.events.EmailAdded;
import dev.users.events.EmailRemoved;
import dev.users.events.PrimaryEmailChanged;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static dev.users.command.domain.UserRules.invalid;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A user's emails in the order they were added, and the rules of every change to them. An address is claimed
 * ({@link EmailClaims}) before the event that gives it to the user and released with the one that takes it away, in
 * the command's transaction. Replacing an address under the same id is expressed with the existing events (removed,
 * then added), so readers need nothing new.
 */
public class Emails {

    private List<UserEmail> items = new ArrayList<>();

    public Emails() {
    }

    @CommandHandler
    void handle(AddEmail cmd, EmailClaims claims) {
        NewEmail email = cmd.email();
        if (email == null) {
            throw invalid("an email is required");
        }
        String address = EmailAddresses.require(email.address());
        if (hasAddress(address)) {
            throw invalid("user already has email " + address);
        }
        if (hasId(UserRules.id(email.emailId(), "email"))) {
            throw invalid("user already has an email with id " + email.emailId());
        }
        claims.claim(address, cmd.userId());
        apply(new EmailAdded(cmd.userId(), email.emailId(), address, email.primary() || items.isEmpty()));
    }

    @CommandHandler
    void handle(RemoveEmail cmd, EmailClaims claims) {
        UserEmail email = require(cmd.emailId());
        if (items.size() == 1) {
            throw invalid("cannot remove email " + email.address() + ": it is the user's only email");
        }
        if (email.primary()) {
            throw invalid("cannot remove primary email " + email.address() + ": make another email primary first");
        }
        claims.release(email.address(), cmd.userId());
        apply(new EmailRemoved(cmd.userId(), email.id(), email.address()));
    }

    @CommandHandler
    void handle(MakeEmailPrimary cmd) {
        if (!require(cmd.emailId()).primary()) {
            apply(new PrimaryEmailChanged(cmd.userId(), cmd.emailId()));
        }
    }

    /** A new address under the same id, keeping its primary flag (v4's update by id). */
    @CommandHandler
    void handle(ChangeEmailAddress cmd, EmailClaims claims) {
        UserEmail email = require(cmd.emailId());
        String address = EmailAddresses.require(cmd.address());
        if (email.address().equals(address)) {
            return;
        }
        if (hasAddress(address)) {
            throw invalid("user already has email " + address);
        }
        claims.claim(address, cmd.userId());
        claims.release(email.address(), cmd.userId());
        apply(new EmailRemoved(cmd.userId(), email.id(), email.address()));
        apply(new EmailAdded(cmd.userId(), email.id(), address, email.primary()));
    }

    /** v4's top-level {@code email} on an update: that address becomes primary, added if the user lacks it. */
    @CommandHandler
    void handle(MakeAddressPrimary cmd, EmailClaims claims) {
        String address = EmailAddresses.require(cmd.address());
        Optional<UserEmail> existing = items.stream().filter(e -> e.address().equals(address)).findFirst();
        if (existing.isPresent()) {
            if (!existing.get().primary()) {
                apply(new PrimaryEmailChanged(cmd.userId(), existing.get().id()));
            }
            return;
        }
        if (hasId(UserRules.id(cmd.newEmailId(), "email"))) {
            throw invalid("user already has an email with id " + cmd.newEmailId());
        }
        claims.claim(address, cmd.userId());
        apply(new EmailAdded(cmd.userId(), cmd.newEmailId(), address, true));
    }

    /** A primary email demotes the previous primary. */
    @EventSourcingHandler
    void on(EmailAdded e) {
        List<UserEmail> next = new ArrayList<>(e.primary() ? demoted() : items);
        next.add(new UserEmail(e.emailId(), e.address(), e.primary()));
        items = next;
    }

    @EventSourcingHandler
    void on(EmailRemoved e) {
        items = new ArrayList<>(items.stream().filter(m -> !m.id().equals(e.emailId())).toList());
    }

    @EventSourcingHandler
    void on(PrimaryEmailChanged e) {
        items = new ArrayList<>(items.stream().map(m -> m.withPrimary(m.id().equals(e.emailId()))).toList());
    }

    public List<UserEmail> all() {
        return List.copyOf(items);
    }

    int size() {
        return items.size();
    }

    List<String> addresses() {
        return items.stream().map(UserEmail::address).sorted().toList();
    }

    Optional<UserEmail> primary() {
        return items.stream().filter(UserEmail::primary).findFirst();
    }

    /** The email with {@code id}, or NOT_FOUND naming the id. */
    UserEmail require(UUID id) {
        return items.stream().filter(e -> e.id().equals(id)).findFirst()
                .orElseThrow(() -> new UsersException(ErrorCode.NOT_FOUND, "email " + id + " not found"));
    }

    private boolean hasAddress(String address) {
        return items.stream().anyMatch(e -> e.address().equals(address));
    }

    private boolean hasId(UUID id) {
        return items.stream().anyMatch(e -> e.id().equals(id));
    }

    private List<UserEmail> demoted() {
        return items.stream().map(e -> e.withPrimary(false)).toList();
    }
}
