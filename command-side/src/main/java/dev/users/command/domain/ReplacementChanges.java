package dev.users.command.domain;

import dev.users.command.api.ChangeEmailAddress;
import dev.users.command.api.ChangePhoneNumber;
import dev.users.command.api.MakeAddressPrimary;
import dev.users.command.api.UserCommand;
import dev.users.events.EmailAdded;
import dev.users.events.EmailRemoved;
import dev.users.events.PhoneAdded;
import dev.users.events.PhoneBlocked;
import dev.users.events.PhoneRemoved;
import dev.users.events.PrimaryEmailChanged;

import java.util.Optional;

import static dev.users.command.domain.UserRules.invalid;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Changes that replace a value in place (v4's update by id): a new address or number under the same id, and the
 * top-level {@code email} parameter. They are expressed with the existing events, so readers need nothing new.
 */
abstract class ReplacementChanges extends UserChanges {

    @Override
    void perform(UserCommand step, EmailClaims claims, RoleCatalog catalog, UserLimits limits) {
        if (step instanceof ChangeEmailAddress c) changeEmailAddress(c, claims);
        else if (step instanceof MakeAddressPrimary c) makeAddressPrimary(c, claims);
        else if (step instanceof ChangePhoneNumber c) changePhoneNumber(c);
        else super.perform(step, claims, catalog, limits);
    }

    void changeEmailAddress(ChangeEmailAddress cmd, EmailClaims claims) {
        UserEmail email = emails.require(cmd.emailId());
        String address = UserRules.address(cmd.address());
        if (email.address().equals(address)) {
            return;
        }
        if (emails.hasAddress(address)) {
            throw invalid("user already has email " + address);
        }
        claims.claim(address, userId);
        claims.release(email.address(), userId);
        apply(new EmailRemoved(userId, email.id(), email.address()));
        apply(new EmailAdded(userId, email.id(), address, email.primary()));
    }

    void changePhoneNumber(ChangePhoneNumber cmd) {
        UserPhone phone = phones.require(cmd.phoneId());
        if (cmd.phone() == null) {
            throw invalid("a phone is required");
        }
        ParsedPhone parsed = UserRules.phone(cmd.phone().number());
        if (phone.number().equals(parsed.e164())) {
            return;
        }
        if (phones.hasNumber(parsed.e164())) {
            throw invalid("user already has phone " + parsed.e164());
        }
        String method = cmd.phone().confirmationMethod() != null ? cmd.phone().confirmationMethod()
                : phone.confirmationMethod();
        apply(new PhoneRemoved(userId, phone.id()));
        apply(new PhoneAdded(userId, phone.id(), parsed.e164(), parsed.country(), phone.primary(), method));
        if (phone.blocked()) {
            apply(new PhoneBlocked(userId, phone.id()));
        }
    }

    void makeAddressPrimary(MakeAddressPrimary cmd, EmailClaims claims) {
        String address = UserRules.address(cmd.address());
        Optional<UserEmail> existing = emails.all().stream().filter(e -> e.address().equals(address)).findFirst();
        if (existing.isPresent()) {
            if (!existing.get().primary()) {
                apply(new PrimaryEmailChanged(userId, existing.get().id()));
            }
            return;
        }
        if (emails.hasId(UserRules.id(cmd.newEmailId(), "email"))) {
            throw invalid("user already has an email with id " + cmd.newEmailId());
        }
        claims.claim(address, userId);
        apply(new EmailAdded(userId, cmd.newEmailId(), address, true));
    }
}
