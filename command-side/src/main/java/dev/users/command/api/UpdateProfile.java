package dev.users.command.api;

import dev.users.events.TimeZoneSetting;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Map;
import java.util.UUID;

/**
 * Changes the profile fields that are non-null; a null field is left as it is. Emits one event per field group
 * that actually changes (UserRenamed, TimeZoneChanged, LanguageChanged, NotificationPreferencesChanged, MetaChanged).
 */
public record UpdateProfile(@TargetAggregateIdentifier UUID userId, UUID accountId, String name, String firstName,
                            String lastName, TimeZoneSetting timeZone, String language, Boolean notifyPush,
                            Boolean notifyEmail, Boolean notifySms, Boolean notifyVoice,
                            Map<String, String> meta) implements UserChange {
}
