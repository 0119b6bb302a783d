package dev.users.events;

/** Which channels a user wants to be notified on. */
public record NotificationPreferences(boolean push, boolean email, boolean sms, boolean voice) {

    public static final NotificationPreferences DEFAULT = new NotificationPreferences(true, true, true, true);
}
