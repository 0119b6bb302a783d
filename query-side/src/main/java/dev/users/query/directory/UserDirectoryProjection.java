package dev.users.query.directory;

import dev.users.events.EmailAdded;
import dev.users.events.EmailRemoved;
import dev.users.events.LanguageChanged;
import dev.users.events.MetaChanged;
import dev.users.events.NotificationPreferences;
import dev.users.events.NotificationPreferencesChanged;
import dev.users.events.PhoneAdded;
import dev.users.events.PhoneBlocked;
import dev.users.events.PhoneRemoved;
import dev.users.events.PhoneUnblocked;
import dev.users.events.PrimaryEmailChanged;
import dev.users.events.PrimaryPhoneChanged;
import dev.users.events.RolesAssigned;
import dev.users.events.TeamsAssigned;
import dev.users.events.TimeZoneChanged;
import dev.users.events.TimeZoneSetting;
import dev.users.events.UserCreated;
import dev.users.events.UserRemoved;
import dev.users.events.UserRenamed;
import dev.users.events.UserSignedIn;
import dev.users.web.PrefixIds;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.users.query.directory.DirectoryWrites.Children.append;
import static dev.users.query.directory.DirectoryWrites.Children.keep;
import static dev.users.query.directory.DirectoryWrites.Children.map;
import static dev.users.query.directory.DirectoryWrites.Children.onlyPrimary;
import static dev.users.query.directory.DirectoryWrites.params;
import static dev.users.query.directory.DirectoryWrites.textArray;
import static dev.users.query.list.SqlValues.timestamp;

/**
 * The user directory: one row per live user, every event applied at most once (the row's {@code version} is the
 * sequence number of the last event applied; older or equal sequence numbers are redeliveries and change nothing).
 * Also keeps {@code account_user_counts} so that unfiltered lists know their total without count(*).
 */
@Component
@ProcessingGroup(UserDirectoryProjection.GROUP)
public class UserDirectoryProjection {

    public static final String GROUP = "user-directory";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DirectoryWrites writes;
    private final UserCreation creation;

    public UserDirectoryProjection(DirectoryWrites writes) {
        this.writes = writes;
        this.creation = new UserCreation(writes.jdbc());
    }

    @EventHandler
    public void on(UserCreated event, @SequenceNumber long sequence, @Timestamp Instant at) {
        creation.insert(event, sequence, at);
    }

    @EventHandler
    public void on(UserRemoved event, @SequenceNumber long sequence) {
        creation.delete(event.userId(), sequence);
    }

    @EventHandler
    public void on(UserRenamed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        writes.update(event.userId(), sequence, at, "name = :name, first_name = :firstName, last_name = :lastName",
                params("name", event.name(), "firstName", event.firstName(), "lastName", event.lastName()));
    }

    @EventHandler
    public void on(TimeZoneChanged event, @SequenceNumber long sequence, @Timestamp Instant at) {
        TimeZoneSetting zone = event.timeZone();
        writes.update(event.userId(), sequence, at, "time_zone = :name, time_zone_id = :zoneId",
                params("name", zone == null ? null : zone.name(), "zoneId", zone == null ? null : zone.zoneId()));
    }

    @EventHandler
    public void on(LanguageChanged event, @SequenceNumber long sequence, @Timestamp Instant at) {
        writes.update(event.userId(), sequence, at, "preferred_language = :language",
                params("language", event.language()));
    }

    @EventHandler
    public void on(NotificationPreferencesChanged event, @SequenceNumber long sequence, @Timestamp Instant at) {
        NotificationPreferences n = event.notifications() == null
                ? NotificationPreferences.DEFAULT : event.notifications();
        writes.update(event.userId(), sequence, at, "notify_push = :push, notify_email = :email, notify_sms = :sms,"
                + " notify_voice = :voice", Map.of("push", n.push(), "email", n.email(), "sms", n.sms(), "voice", n.voice()));
    }

    @EventHandler
    public void on(MetaChanged event, @SequenceNumber long sequence, @Timestamp Instant at) {
        writes.update(event.userId(), sequence, at, "meta = cast(:meta as jsonb)",
                Map.of("meta", json(event.meta() == null ? Map.of() : event.meta())));
    }

    @EventHandler
    public void on(RolesAssigned event, @SequenceNumber long sequence, @Timestamp Instant at) {
        writes.update(event.userId(), sequence, at, "roles = " + textArray("roles"),
                Map.of("roles", json(event.roles() == null ? List.of() : event.roles())));
    }

    @EventHandler
    public void on(TeamsAssigned event, @SequenceNumber long sequence, @Timestamp Instant at) {
        writes.update(event.userId(), sequence, at, "team_ids = " + textArray("teams"),
                Map.of("teams", json(event.teamIds() == null ? List.of() : event.teamIds())));
    }

    @EventHandler
    public void on(UserSignedIn event, @SequenceNumber long sequence, @Timestamp Instant at) {
        writes.update(event.userId(), sequence, at, "last_sign_in_at = :signedInAt",
                Map.of("signedInAt", timestamp(event.signedInAt())));
    }

    @EventHandler
    public void on(EmailAdded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        Map<String, Object> email = new LinkedHashMap<>();
        email.put("id", event.emailId().toString());
        email.put("email", event.address());
        email.put("primary", event.primary());
        writes.update(event.userId(), sequence, at, "emails = " + append("emails")
                        + ", email_addresses = array_append(email_addresses, cast(:address as text))",
                Map.of("child", json(email), "primary", event.primary(), "address", event.address()));
    }

    @EventHandler
    public void on(EmailRemoved event, @SequenceNumber long sequence, @Timestamp Instant at) {
        writes.update(event.userId(), sequence, at, "emails = " + keep("emails", "e->>'id' <> :childId")
                        + ", email_addresses = array_remove(email_addresses, cast(:address as text))",
                Map.of("childId", event.emailId().toString(), "address", event.address()));
    }

    @EventHandler
    public void on(PrimaryEmailChanged event, @SequenceNumber long sequence, @Timestamp Instant at) {
        writes.update(event.userId(), sequence, at, "emails = " + onlyPrimary("emails"),
                Map.of("childId", event.emailId().toString()));
    }

    @EventHandler
    public void on(PhoneAdded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        Map<String, Object> phone = new LinkedHashMap<>();
        phone.put("id", event.phoneId().toString());
        phone.put("prefix_id", PrefixIds.of(PrefixIds.PHONE, event.phoneId()));
        phone.put("phone", event.number());
        phone.put("primary", event.primary());
        phone.put("country", event.country());
        phone.put("blocked", false);
        writes.update(event.userId(), sequence, at, "phones = " + append("phones")
                        + ", phone_numbers = array_append(phone_numbers, cast(:number as text))",
                Map.of("child", json(phone), "primary", event.primary(), "number", event.number()));
    }

    @EventHandler
    public void on(PhoneRemoved event, @SequenceNumber long sequence, @Timestamp Instant at) {
        // the event names only the phone's id; SET sees the old row, so the number comes from the old phones
        writes.update(event.userId(), sequence, at, "phones = " + keep("phones", "e->>'id' <> :childId")
                        + ", phone_numbers = array(select e->>'phone' from jsonb_array_elements(phones)"
                        + " with ordinality as x(e, i) where e->>'id' <> :childId order by i)",
                Map.of("childId", event.phoneId().toString()));
    }

    @EventHandler
    public void on(PrimaryPhoneChanged event, @SequenceNumber long sequence, @Timestamp Instant at) {
        writes.update(event.userId(), sequence, at, "phones = " + onlyPrimary("phones"),
                Map.of("childId", event.phoneId().toString()));
    }

    @EventHandler
    public void on(PhoneBlocked event, @SequenceNumber long sequence, @Timestamp Instant at) {
        setBlocked(event.userId(), event.phoneId(), true, sequence, at);
    }

    @EventHandler
    public void on(PhoneUnblocked event, @SequenceNumber long sequence, @Timestamp Instant at) {
        setBlocked(event.userId(), event.phoneId(), false, sequence, at);
    }

    /** A replay starts from an empty directory. */
    @ResetHandler
    public void reset() {
        writes.jdbc().sql("truncate user_directory, account_user_counts").update();
    }

    private void setBlocked(UUID userId, UUID phoneId, boolean blocked, long sequence, Instant at) {
        writes.update(userId, sequence, at, "phones = " + map("phones", "case when e->>'id' = :childId"
                        + " then jsonb_set(e, '{blocked}', to_jsonb(cast(:blocked as boolean))) else e end"),
                Map.of("childId", phoneId.toString(), "blocked", blocked));
    }

    static String json(Object value) {
        return JSON.writeValueAsString(value);
    }
}
