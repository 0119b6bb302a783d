package dev.users.command.domain;

import dev.users.command.api.UpdateProfile;
import dev.users.events.LanguageChanged;
import dev.users.events.MetaChanged;
import dev.users.events.NotificationPreferences;
import dev.users.events.NotificationPreferencesChanged;
import dev.users.events.TimeZoneChanged;
import dev.users.events.UserEvent;
import dev.users.events.UserRenamed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The events an {@link UpdateProfile} causes on a user's current state: null fields leave a value as it is, and a
 * group yields an event only when its value actually changes.
 * <ul>
 *   <li>name: a given {@code name} replaces the full name and sets first/last to the given values (null when not
 *   given); without {@code name}, a given first or last name replaces just that part.</li>
 *   <li>notifications: each non-null flag replaces that channel's setting.</li>
 *   <li>meta: a given map replaces the whole meta map.</li>
 * </ul>
 */
final class ProfileChanges {

    private ProfileChanges() {
    }

    static List<UserEvent> of(UserState user, UpdateProfile cmd, UserLimits limits) {
        List<UserEvent> events = new ArrayList<>();
        if (cmd.name() != null || cmd.firstName() != null || cmd.lastName() != null) {
            String name = cmd.name() != null ? cmd.name() : user.name;
            String first = cmd.name() != null || cmd.firstName() != null ? cmd.firstName() : user.firstName;
            String last = cmd.name() != null || cmd.lastName() != null ? cmd.lastName() : user.lastName;
            if (!Objects.equals(name, user.name) || !Objects.equals(first, user.firstName)
                    || !Objects.equals(last, user.lastName)) {
                events.add(new UserRenamed(user.userId, name, first, last));
            }
        }
        if (cmd.timeZone() != null && !cmd.timeZone().equals(user.timeZone)) {
            events.add(new TimeZoneChanged(user.userId, cmd.timeZone()));
        }
        if (cmd.language() != null && !cmd.language().equals(user.language)) {
            events.add(new LanguageChanged(user.userId, cmd.language()));
        }
        NotificationPreferences now = user.notifications;
        NotificationPreferences merged = new NotificationPreferences(
                or(cmd.notifyPush(), now.push()), or(cmd.notifyEmail(), now.email()),
                or(cmd.notifySms(), now.sms()), or(cmd.notifyVoice(), now.voice()));
        if (!merged.equals(now)) {
            events.add(new NotificationPreferencesChanged(user.userId, merged));
        }
        Map<String, String> meta = UserRules.meta(cmd.meta(), limits);
        if (meta != null && !meta.equals(user.meta)) {
            events.add(new MetaChanged(user.userId, new LinkedHashMap<>(meta)));
        }
        return events;
    }

    private static boolean or(Boolean given, boolean current) {
        return given != null ? given : current;
    }
}
