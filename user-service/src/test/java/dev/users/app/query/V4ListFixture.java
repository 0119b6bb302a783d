package dev.users.app.query;

import dev.users.events.EmailAdded;
import dev.users.events.MetaChanged;
import dev.users.events.NotificationPreferences;
import dev.users.events.PhoneAdded;
import dev.users.events.RolesAssigned;
import dev.users.events.TimeZoneSetting;
import dev.users.events.UserCreated;
import dev.users.events.UserEvent;
import dev.users.events.UserSignedIn;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Twelve users of one account, tiny ids 1–12, with names in alphabetical order of their tiny ids, and every
 * attribute the list filters on varied so that each filter selects a known set:
 * time zone London (1–6), Eastern Time (7–11), none (12); language en (odd), de (even), none (12);
 * roles admin (1, 2) and billing (2); notify_sms off (3, 4); signed in (1 at day 30, 2 at day 31);
 * phones (1, 2); a second email (2); created and last changed at day {@code tiny id}.
 */
final class V4ListFixture {

    static final List<String> NAMES = List.of("Alice Adams", "Bob Brown", "Carol_Cole", "Dave 100%", "Erin Evans",
            "Frank Fox", "Grace Green", "Heidi Hill", "Ivan Ives", "Judy Jones", "Karl King", "Liam Lee");
    static final TimeZoneSetting LONDON = new TimeZoneSetting("London", "Europe/London");
    static final TimeZoneSetting EASTERN = new TimeZoneSetting("Eastern Time (US & Canada)", "America/New_York");

    final List<UUID> ids = new ArrayList<>();

    /** Appends every user's events; returns each user's last version, by tiny id - 1. */
    List<Long> appendTo(QueryTest test, UUID accountId) {
        List<Long> versions = new ArrayList<>();
        for (int tiny = 1; tiny <= NAMES.size(); tiny++) {
            UUID userId = UUID.randomUUID();
            ids.add(userId);
            UserHistory user = test.history(userId);
            for (UserEvent event : events(userId, accountId, tiny)) {
                user.appendAt(day(tiny), event);
            }
            versions.add(user.version());
        }
        return versions;
    }

    static Instant day(int n) {
        return QueryTest.BASE.plus(Duration.ofDays(n));
    }

    static String email(int tiny) {
        return "user" + tiny + "@list.example";
    }

    private static List<UserEvent> events(UUID userId, UUID accountId, int tiny) {
        TimeZoneSetting zone = tiny <= 6 ? LONDON : tiny <= 11 ? EASTERN : null;
        String language = tiny == 12 ? null : tiny % 2 == 1 ? "en" : "de";
        NotificationPreferences notify = tiny == 3 || tiny == 4
                ? new NotificationPreferences(true, true, false, true) : NotificationPreferences.DEFAULT;
        List<UserEvent> events = new ArrayList<>(List.of(
                new UserCreated(userId, accountId, tiny, NAMES.get(tiny - 1), null, null, zone, language, notify,
                        Map.of(), day(tiny)),
                new EmailAdded(userId, UUID.randomUUID(), email(tiny), true)));
        switch (tiny) {
            case 1 -> events.addAll(List.of(new PhoneAdded(userId, UUID.randomUUID(), "+14155550101", "US", true, null),
                    new RolesAssigned(userId, List.of("admin")), new UserSignedIn(userId, null, day(30))));
            case 2 -> events.addAll(List.of(new EmailAdded(userId, UUID.randomUUID(), "bob.second@list.example", false),
                    new PhoneAdded(userId, UUID.randomUUID(), "+442071838750", "GB", true, null),
                    new RolesAssigned(userId, List.of("admin", "billing")), new UserSignedIn(userId, null, day(31))));
            case 5 -> events.add(new MetaChanged(userId, Map.of("k", "v")));
            default -> { }
        }
        return events;
    }
}
