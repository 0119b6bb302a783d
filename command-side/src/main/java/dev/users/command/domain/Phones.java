package dev.users.command.domain;

import dev.users.command.api.AddPhone;
import dev.users.command.api.BlockPhone;
import dev.users.command.api.ChangePhoneNumber;
import dev.users.command.api.MakePhonePrimary;
import dev.users.command.api.NewPhone;
import dev.users.command.api.RemovePhone;
import dev.users.command.api.UnblockPhone;
import dev.users.errors.ErrorCode;
import dev.users.errors.UsersException;
import dev.users.events.PhoneAdded;
import dev.users.events.PhoneBlocked;
import dev.users.events.PhoneRemoved;
import dev.users.events.PhoneUnblocked;
import dev.users.events.PrimaryPhoneChanged;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static dev.users.command.domain.UserRules.invalid;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A user's phones in the order they were added, and the rules of every change to them: exactly one is primary while
 * any exists (zero phones is fine). Replacing a number under the same id is expressed with the existing events
 * (removed, then added, then blocked again if it was), so readers need nothing new.
 */
public class Phones {

    private List<UserPhone> items = new ArrayList<>();

    public Phones() {
    }

    @CommandHandler
    void handle(AddPhone cmd) {
        NewPhone phone = cmd.phone();
        if (phone == null) {
            throw invalid("a phone is required");
        }
        ParsedPhone parsed = PhoneNumbers.parseE164(phone.number());
        if (hasNumber(parsed.e164())) {
            throw invalid("user already has phone " + parsed.e164());
        }
        if (hasId(UserRules.id(phone.phoneId(), "phone"))) {
            throw invalid("user already has a phone with id " + phone.phoneId());
        }
        apply(new PhoneAdded(cmd.userId(), phone.phoneId(), parsed.e164(), parsed.country(),
                phone.primary() || items.isEmpty(), phone.confirmationMethod()));
    }

    @CommandHandler
    void handle(RemovePhone cmd) {
        UserPhone phone = require(cmd.phoneId());
        if (phone.primary() && items.size() > 1) {
            throw invalid("cannot remove primary phone " + phone.number() + ": make another phone primary first");
        }
        apply(new PhoneRemoved(cmd.userId(), phone.id()));
    }

    @CommandHandler
    void handle(MakePhonePrimary cmd) {
        if (!require(cmd.phoneId()).primary()) {
            apply(new PrimaryPhoneChanged(cmd.userId(), cmd.phoneId()));
        }
    }

    @CommandHandler
    void handle(BlockPhone cmd) {
        if (!require(cmd.phoneId()).blocked()) {
            apply(new PhoneBlocked(cmd.userId(), cmd.phoneId()));
        }
    }

    @CommandHandler
    void handle(UnblockPhone cmd) {
        if (require(cmd.phoneId()).blocked()) {
            apply(new PhoneUnblocked(cmd.userId(), cmd.phoneId()));
        }
    }

    /** A new number under the same id, keeping its primary flag and blocked state (v4's update by id). */
    @CommandHandler
    void handle(ChangePhoneNumber cmd) {
        UserPhone phone = require(cmd.phoneId());
        if (cmd.phone() == null) {
            throw invalid("a phone is required");
        }
        ParsedPhone parsed = PhoneNumbers.parseE164(cmd.phone().number());
        if (phone.number().equals(parsed.e164())) {
            return;
        }
        if (hasNumber(parsed.e164())) {
            throw invalid("user already has phone " + parsed.e164());
        }
        String method = cmd.phone().confirmationMethod() != null ? cmd.phone().confirmationMethod()
                : phone.confirmationMethod();
        apply(new PhoneRemoved(cmd.userId(), phone.id()));
        apply(new PhoneAdded(cmd.userId(), phone.id(), parsed.e164(), parsed.country(), phone.primary(), method));
        if (phone.blocked()) {
            apply(new PhoneBlocked(cmd.userId(), phone.id()));
        }
    }

    /** A primary phone demotes the previous primary. */
    @EventSourcingHandler
    void on(PhoneAdded e) {
        List<UserPhone> next = new ArrayList<>(e.primary() ? items.stream().map(p -> p.withPrimary(false)).toList()
                : items);
        next.add(new UserPhone(e.phoneId(), e.number(), e.country(), e.primary(), false, e.confirmationMethod()));
        items = next;
    }

    @EventSourcingHandler
    void on(PhoneRemoved e) {
        items = new ArrayList<>(items.stream().filter(p -> !p.id().equals(e.phoneId())).toList());
    }

    @EventSourcingHandler
    void on(PrimaryPhoneChanged e) {
        update(p -> p.withPrimary(p.id().equals(e.phoneId())));
    }

    @EventSourcingHandler
    void on(PhoneBlocked e) {
        update(p -> p.id().equals(e.phoneId()) ? p.withBlocked(true) : p);
    }

    @EventSourcingHandler
    void on(PhoneUnblocked e) {
        update(p -> p.id().equals(e.phoneId()) ? p.withBlocked(false) : p);
    }

    public List<UserPhone> all() {
        return List.copyOf(items);
    }

    int size() {
        return items.size();
    }

    Optional<UserPhone> primary() {
        return items.stream().filter(UserPhone::primary).findFirst();
    }

    /** The phone with {@code id}, or NOT_FOUND naming the id. */
    UserPhone require(UUID id) {
        return items.stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new UsersException(ErrorCode.NOT_FOUND, "phone " + id + " not found"));
    }

    private boolean hasNumber(String number) {
        return items.stream().anyMatch(p -> p.number().equals(number));
    }

    private boolean hasId(UUID id) {
        return items.stream().anyMatch(p -> p.id().equals(id));
    }

    private void update(UnaryOperator<UserPhone> change) {
        items = new ArrayList<>(items.stream().map(change).toList());
    }
}
