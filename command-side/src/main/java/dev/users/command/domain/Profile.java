package dev.users.command.domain;

import dev.users.command.api.UpdateProfile;
import dev.users.events.LanguageChanged;
import dev.users.events.MetaChanged;
import dev.users.events.NotificationPreferences;
import dev.users.events.NotificationPreferencesChanged;
import dev.users.events.TimeZoneChanged;
import dev.users.events.TimeZoneSetting;
import dev.users.events.UserCreated;
import dev.users.events.UserRenamed;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A user's name, time zone, language, notification preferences and meta, and the rules of {@link UpdateProfile}:
 * null fields leave a value as it is, and a group yields an event only when its value actually changes.
 * <ul>
 *   <li>name: a given {@code name} replaces the full name and sets first/last to the given values (null when not
 *   given); without {@code name}, a given first or last name replaces just that part.</li>
 *   <li>notifications: each non-null flag replaces that channel's setting.</li>
 *   <li>meta: a given map replaces the whole meta map.</li>
 * </ul>
 */
public class Profile {

    private String name;
    private String firstName;
    private String lastName;
    private TimeZoneSetting timeZone;
    private String language;
    private NotificationPreferences notifications = NotificationPreferences.DEFAULT;
    private Map<String, String> meta = Map.of();

    public Profile() {
    }

    int metaKeys() {
        return meta.size();
    }

    @CommandHandler
    void handle(UpdateProfile cmd, UserLimits limits) {
        Map<String, String> givenMeta = UserRules.meta(cmd.meta(), limits);
        UUID user = cmd.userId();
        if (cmd.name() != null || cmd.firstName() != null || cmd.lastName() != null) {
            String newName = cmd.name() != null ? cmd.name() : name;
            String first = cmd.name() != null || cmd.firstName() != null ? cmd.firstName() : firstName;
            String last = cmd.name() != null || cmd.lastName() != null ? cmd.lastName() : lastName;
            if (!Objects.equals(newName, name) || !Objects.equals(first, firstName)
                    || !Objects.equals(last, lastName)) {
                apply(new UserRenamed(user, newName, first, last));
            }
        }
        if (cmd.timeZone() != null && !cmd.timeZone().equals(timeZone)) {
            apply(new TimeZoneChanged(user, cmd.timeZone()));
        }
        if (cmd.language() != null && !cmd.language().equals(language)) {
            apply(new LanguageChanged(user, cmd.language()));
        }
        NotificationPreferences merged = new NotificationPreferences(
                or(cmd.notifyPush(), notifications.push()), or(cmd.notifyEmail(), notifications.email()),
                or(cmd.notifySms(), notifications.sms()), or(cmd.notifyVoice(), notifications.voice()));
        if (!merged.equals(notifications)) {
            apply(new NotificationPreferencesChanged(user, merged));
        }
        if (givenMeta != null && !givenMeta.equals(meta)) {
            apply(new MetaChanged(user, new LinkedHashMap<>(givenMeta)));
        }
    }

    private static boolean or(Boolean given, boolean current) {
        return given != null ? given : current;
    }

    @EventSourcingHandler
    void on(UserCreated e) {
        name = e.name();
        firstName = e.firstName();
        lastName = e.lastName();
        timeZone = e.timeZone();
        language = e.language();
        notifications = e.notifications() == null ? NotificationPreferences.DEFAULT : e.notifications();
        meta = e.meta() == null ? Map.of() : new LinkedHashMap<>(e.meta());
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
        language = e.languageTag();
    }

    @EventSourcingHandler
    void on(NotificationPreferencesChanged e) {
        notifications = e.notifications();
    }

    @EventSourcingHandler
    void on(MetaChanged e) {
        meta = e.meta() == null ? Map.of() : new LinkedHashMap<>(e.meta());
    }
}
