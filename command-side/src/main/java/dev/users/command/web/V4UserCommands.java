package dev.users.command.web;

import dev.users.command.api.AddEmail;
import dev.users.command.api.AddPhone;
import dev.users.command.api.BlockPhone;
import dev.users.command.api.ChangeEmailAddress;
import dev.users.command.api.ChangePhoneNumber;
import dev.users.command.api.CreateUser;
import dev.users.command.api.MakeAddressPrimary;
import dev.users.command.api.MakeEmailPrimary;
import dev.users.command.api.MakePhonePrimary;
import dev.users.command.api.NewEmail;
import dev.users.command.api.NewPhone;
import dev.users.command.api.RemoveEmail;
import dev.users.command.api.RemovePhone;
import dev.users.command.api.ReviseUser;
import dev.users.command.api.UnblockPhone;
import dev.users.command.api.UpdateProfile;
import dev.users.command.api.UserChange;
import dev.users.events.NotificationPreferences;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What v4's create and update parameters mean as commands. */
final class V4UserCommands {

    private V4UserCommands() {
    }

    static CreateUser create(V4UserParams p, UUID userId, UUID accountId, Instant now) {
        List<NewEmail> emails = new ArrayList<>();
        boolean otherPrimary = p.emails().stream().anyMatch(e -> Boolean.TRUE.equals(e.primary())
                && !e.address().equals(p.email()));
        emails.add(new NewEmail(UUID.randomUUID(), p.email(), !otherPrimary));
        for (V4UserParams.EmailParam e : p.emails()) {
            if (!e.destroy() && !e.address().equals(p.email())) {
                emails.add(new NewEmail(UUID.randomUUID(), e.address(), Boolean.TRUE.equals(e.primary())));
            }
        }
        List<NewPhone> phones = p.phones().stream().filter(ph -> !ph.destroy())
                .map(ph -> newPhone(UUID.randomUUID(), ph)).toList();
        NotificationPreferences d = NotificationPreferences.DEFAULT;
        NotificationPreferences notifications = new NotificationPreferences(or(p.notifyPush(), d.push()),
                or(p.notifyEmail(), d.email()), or(p.notifySms(), d.sms()), or(p.notifyVoice(), d.voice()));
        return new CreateUser(userId, accountId, p.name(), null, null, p.timeZone(), p.language(), notifications,
                p.meta() == null ? Map.of() : p.meta(), emails, phones, List.of(), List.of(), now);
    }

    /**
     * The steps of an update, in an order that keeps the invariants satisfiable within one request: profile, then
     * additions and changes (so a new primary exists), then removals.
     */
    static ReviseUser revise(V4UserParams p, UUID userId, UUID accountId) {
        List<UserChange> steps = new ArrayList<>();
        if (p.name() != null || p.timeZone() != null || p.language() != null || p.meta() != null
                || p.notifyPush() != null || p.notifyEmail() != null || p.notifySms() != null || p.notifyVoice() != null) {
            steps.add(new UpdateProfile(userId, accountId, p.name(), null, null, p.timeZone(), p.language(),
                    p.notifyPush(), p.notifyEmail(), p.notifySms(), p.notifyVoice(), p.meta()));
        }
        if (p.email() != null) {
            steps.add(new MakeAddressPrimary(userId, accountId, p.email(), UUID.randomUUID()));
        }
        List<UserChange> removals = new ArrayList<>();
        for (V4UserParams.EmailParam e : p.emails()) {
            if (e.id() == null) {
                steps.add(new AddEmail(userId, accountId,
                        new NewEmail(UUID.randomUUID(), e.address(), Boolean.TRUE.equals(e.primary()))));
            } else if (e.destroy()) {
                removals.add(new RemoveEmail(userId, accountId, e.id()));
            } else {
                if (e.address() != null) {
                    steps.add(new ChangeEmailAddress(userId, accountId, e.id(), e.address()));
                }
                if (Boolean.TRUE.equals(e.primary())) {
                    steps.add(new MakeEmailPrimary(userId, accountId, e.id()));
                }
            }
        }
        for (V4UserParams.PhoneParam ph : p.phones()) {
            if (ph.id() == null) {
                steps.add(new AddPhone(userId, accountId, newPhone(UUID.randomUUID(), ph)));
            } else if (ph.destroy()) {
                removals.add(new RemovePhone(userId, accountId, ph.id()));
            } else {
                if (ph.phone() != null) {
                    steps.add(new ChangePhoneNumber(userId, accountId, ph.id(), newPhone(ph.id(), ph)));
                }
                if (Boolean.TRUE.equals(ph.primary())) {
                    steps.add(new MakePhonePrimary(userId, accountId, ph.id()));
                }
                if (ph.blocked() != null) {
                    steps.add(ph.blocked() ? new BlockPhone(userId, accountId, ph.id())
                            : new UnblockPhone(userId, accountId, ph.id()));
                }
            }
        }
        steps.addAll(removals);
        return new ReviseUser(userId, accountId, steps);
    }

    private static NewPhone newPhone(UUID id, V4UserParams.PhoneParam ph) {
        return new NewPhone(id, ph.phone().e164(), ph.phone().country(), Boolean.TRUE.equals(ph.primary()),
                ph.confirmationMethod());
    }

    private static boolean or(Boolean value, boolean fallback) {
        return value != null ? value : fallback;
    }
}
