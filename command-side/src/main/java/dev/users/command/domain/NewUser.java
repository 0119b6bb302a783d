package dev.users.command.domain;

import dev.users.command.api.CreateUser;
import dev.users.command.api.NewEmail;
import dev.users.command.api.NewPhone;
import dev.users.errors.ErrorCode;
import dev.users.errors.UsersException;
import dev.users.events.EmailAdded;
import dev.users.events.NotificationPreferences;
import dev.users.events.PhoneAdded;
import dev.users.events.RolesAssigned;
import dev.users.events.TeamsAssigned;
import dev.users.events.UserCreated;
import dev.users.events.UserEvent;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Turns a {@link CreateUser} into the events that create the user, after checking all of it; every problem found
 * is reported at once (one INVALID with a message each).
 */
final class NewUser {

    private final CreateUser cmd;
    private final List<String> problems = new ArrayList<>();

    private NewUser(CreateUser cmd) {
        this.cmd = cmd;
    }

    static List<UserEvent> events(CreateUser cmd, TinyIds tinyIds, RoleCatalog catalog, UserLimits limits) {
        return new NewUser(cmd).build(tinyIds, catalog, limits);
    }

    private List<UserEvent> build(TinyIds tinyIds, RoleCatalog catalog, UserLimits limits) {
        List<NewEmail> emails = cmd.emails() == null ? List.of() : cmd.emails();
        List<NewPhone> phones = cmd.phones() == null ? List.of() : cmd.phones();
        List<String> teams = cmd.teamIds() == null ? List.of() : cmd.teamIds();
        int metaKeys = cmd.meta() == null ? 0 : cmd.meta().size();
        int roleCount = cmd.roles() == null ? 0 : new HashSet<>(cmd.roles()).size();
        checkThat(() -> limits.refuseGrowth(UserLimits.Size.NONE,
                new UserLimits.Size(emails.size(), phones.size(), roleCount, teams.size(), metaKeys)));
        List<EmailAdded> emailEvents = emails(emails);
        List<PhoneAdded> phoneEvents = phones(phones);
        List<String> roles = check(() -> UserRules.roles(cmd.accountId(), cmd.roles(), catalog));
        Map<String, String> meta = check(() -> UserRules.meta(cmd.meta(), limits));
        checkThat(() -> limits.checkTeamIds(teams));
        if (!problems.isEmpty()) {
            throw new UsersException(ErrorCode.INVALID, problems);
        }
        List<UserEvent> events = new ArrayList<>();
        events.add(new UserCreated(cmd.userId(), cmd.accountId(), tinyIds.next(), cmd.name(), cmd.firstName(),
                cmd.lastName(), cmd.timeZone(), cmd.language(),
                cmd.notifications() == null ? NotificationPreferences.DEFAULT : cmd.notifications(),
                meta == null ? Map.of() : new LinkedHashMap<>(meta), cmd.createdAt()));
        events.addAll(emailEvents);
        events.addAll(phoneEvents);
        if (!roles.isEmpty()) {
            events.add(new RolesAssigned(cmd.userId(), roles));
        }
        if (!teams.isEmpty()) {
            events.add(new TeamsAssigned(cmd.userId(), List.copyOf(teams)));
        }
        return events;
    }

    private List<EmailAdded> emails(List<NewEmail> emails) {
        if (emails.isEmpty()) {
            return List.of();
        }
        int primary = primaryIndex(emails.stream().map(NewEmail::primary).toList(), "email");
        Set<String> seen = new HashSet<>();
        Set<Object> ids = new HashSet<>();
        List<EmailAdded> events = new ArrayList<>();
        for (int i = 0; i < emails.size(); i++) {
            NewEmail email = emails.get(i);
            String address = check(() -> EmailAddresses.require(email.address()));
            check(() -> UserRules.id(email.emailId(), "email"));
            if (address != null && !seen.add(address)) {
                problems.add("email " + address + " is listed more than once");
            }
            if (email.emailId() != null && !ids.add(email.emailId())) {
                problems.add("email id " + email.emailId() + " is listed more than once");
            }
            events.add(new EmailAdded(cmd.userId(), email.emailId(), address, i == primary));
        }
        return events;
    }

    private List<PhoneAdded> phones(List<NewPhone> phones) {
        int primary = primaryIndex(phones.stream().map(NewPhone::primary).toList(), "phone");
        Set<String> seen = new HashSet<>();
        Set<Object> ids = new HashSet<>();
        List<PhoneAdded> events = new ArrayList<>();
        for (int i = 0; i < phones.size(); i++) {
            NewPhone phone = phones.get(i);
            ParsedPhone parsed = check(() -> PhoneNumbers.parseE164(phone.number()));
            check(() -> UserRules.id(phone.phoneId(), "phone"));
            if (parsed != null && !seen.add(parsed.e164())) {
                problems.add("phone " + parsed.e164() + " is listed more than once");
            }
            if (phone.phoneId() != null && !ids.add(phone.phoneId())) {
                problems.add("phone id " + phone.phoneId() + " is listed more than once");
            }
            if (parsed != null) {
                events.add(new PhoneAdded(cmd.userId(), phone.phoneId(), parsed.e164(), parsed.country(),
                        i == primary, phone.confirmationMethod()));
            }
        }
        return events;
    }

    /** The flagged item, the first when none is flagged; a problem when several are. */
    private int primaryIndex(List<Boolean> flags, String what) {
        long flagged = flags.stream().filter(Boolean::booleanValue).count();
        if (flagged > 1) {
            problems.add("only one " + what + " can be primary, but " + flagged + " are marked primary");
        }
        return Math.max(0, flags.indexOf(Boolean.TRUE));
    }

    private <T> T check(Supplier<T> rule) {
        try {
            return rule.get();
        } catch (UsersException e) {
            problems.addAll(e.messages());
            return null;
        }
    }

    private void checkThat(Runnable rule) {
        check(() -> {
            rule.run();
            return null;
        });
    }
}
