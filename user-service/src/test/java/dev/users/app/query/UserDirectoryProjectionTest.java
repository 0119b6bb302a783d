package dev.users.app.query;

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
import dev.users.events.TimeZoneChanged;
import dev.users.events.TimeZoneSetting;
import dev.users.events.UserRemoved;
import dev.users.events.UserRenamed;
import dev.users.web.PrefixIds;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The directory projection as the real processor runs it: events in the store, the row and the HTTP view out. */
class UserDirectoryProjectionTest extends QueryTest {

    private final UUID userId = UUID.randomUUID();
    private final UUID work = UUID.randomUUID();
    private final UUID home = UUID.randomUUID();
    private final UUID mobile = UUID.randomUUID();
    private final UUID desk = UUID.randomUUID();
    private Account account;

    @Test
    void createsTheUserWithEmailsAndPhonesInTheOrderAdded() {
        Account account = newAccount();
        UserHistory user = history(userId);
        Instant createdAt = Instant.parse("2024-03-01T10:00:00Z");
        Instant last = Instant.parse("2024-03-01T10:00:05Z");
        user.appendAt(createdAt, created(userId, account.id(), 7, "Bobby Hill", createdAt));
        user.append(new EmailAdded(userId, work, "bobby@example.com", true),
                new EmailAdded(userId, home, "bob@home.example", false),
                new PhoneAdded(userId, mobile, "+14155550101", "US", true, "sms"));
        user.appendAt(last, new PhoneAdded(userId, desk, "+442071838750", "GB", false, null));
        awaitVersion(userId, 4);

        JsonNode json = account.http().get("/api/v4/users/" + userId).json();
        assertThat(json.path("name").asString()).isEqualTo("Bobby Hill");
        assertThat(json.path("tiny_id").asLong()).isEqualTo(7);
        assertThat(json.path("created_at").asString()).isEqualTo("2024-03-01T10:00:00.000Z");
        assertThat(json.path("updated_at").asString()).isEqualTo("2024-03-01T10:00:05.000Z");
        assertThat(json.path("emails").toString()).isEqualTo("[{\"id\":\"" + work
                + "\",\"email\":\"bobby@example.com\",\"primary\":true},{\"id\":\"" + home
                + "\",\"email\":\"bob@home.example\",\"primary\":false}]");
        assertThat(json.path("phones").toString()).isEqualTo("[{\"id\":\"" + mobile + "\",\"prefix_id\":\""
                + PrefixIds.of(PrefixIds.PHONE, mobile) + "\",\"phone\":\"+14155550101\",\"primary\":true,"
                + "\"country\":\"US\",\"blocked\":false},{\"id\":\"" + desk + "\",\"prefix_id\":\""
                + PrefixIds.of(PrefixIds.PHONE, desk) + "\",\"phone\":\"+442071838750\",\"primary\":false,"
                + "\"country\":\"GB\",\"blocked\":false}]");
        assertThat(arrays("email_addresses")).containsExactly("bobby@example.com", "bob@home.example");
        assertThat(arrays("phone_numbers")).containsExactly("+14155550101", "+442071838750");
        assertThat(userCount(account.id())).isEqualTo(1);
    }

    @Test
    void aNewPrimaryDemotesTheOldOneAndPrimaryCanMoveBack() {
        UserHistory user = withContacts();
        user.append(new EmailAdded(userId, UUID.randomUUID(), "third@example.com", true));
        awaitVersion(userId, user.version());
        assertThat(primaries("emails")).containsExactly(false, false, true);

        user.append(new PrimaryEmailChanged(userId, home), new PrimaryPhoneChanged(userId, desk));
        awaitVersion(userId, user.version());
        assertThat(primaries("emails")).containsExactly(false, true, false);
        assertThat(primaries("phones")).containsExactly(false, true);
    }

    @Test
    void removedEmailsAndPhonesLeaveTheListsAndTheFilterArrays() {
        UserHistory user = withContacts();
        user.append(new EmailRemoved(userId, home, "bob@home.example"), new PhoneRemoved(userId, mobile));
        awaitVersion(userId, user.version());
        assertThat(arrays("email_addresses")).containsExactly("bobby@example.com");
        assertThat(arrays("phone_numbers")).containsExactly("+442071838750");
        JsonNode json = viewOf(user);
        assertThat(json.path("emails")).hasSize(1);
        assertThat(json.path("phones")).hasSize(1);
        assertThat(json.path("phones").get(0).path("id").asString()).isEqualTo(desk.toString());
    }

    @Test
    void blocksAndUnblocksOnePhone() {
        UserHistory user = withContacts();
        user.append(new PhoneBlocked(userId, desk));
        awaitVersion(userId, user.version());
        assertThat(jdbc.sql("select (phones->1->>'blocked') || (phones->0->>'blocked') from user_directory"
                + " where user_id = ?").param(userId).query(String.class).single()).isEqualTo("truefalse");

        user.append(new PhoneUnblocked(userId, desk));
        awaitVersion(userId, user.version());
        assertThat(viewOf(user).path("phones").get(1).path("blocked").asBoolean()).isFalse();
    }

    @Test
    void profileChangesReplaceTheirAttributes() {
        UserHistory user = withContacts();
        user.append(new UserRenamed(userId, "Robert Hill", "Robert", "Hill"),
                new TimeZoneChanged(userId, new TimeZoneSetting("Eastern Time (US & Canada)", "America/New_York")),
                new LanguageChanged(userId, "de"),
                new NotificationPreferencesChanged(userId, new NotificationPreferences(false, true, false, true)),
                new MetaChanged(userId, Map.of("team", "blue", "floor", "3")),
                new RolesAssigned(userId, List.of("admin", "billing")));
        awaitVersion(userId, user.version());

        JsonNode json = viewOf(user);
        assertThat(json.path("name").asString()).isEqualTo("Robert Hill");
        assertThat(json.path("time_zone").asString()).isEqualTo("Eastern Time (US & Canada)");
        assertThat(json.path("preferred_language").asString()).isEqualTo("de");
        assertThat(List.of(json.path("notify_push").asBoolean(), json.path("notify_email").asBoolean(),
                json.path("notify_sms").asBoolean(), json.path("notify_voice").asBoolean()))
                .containsExactly(false, true, false, true);
        assertThat(json.path("meta").toString()).isEqualTo("{\"floor\":\"3\",\"team\":\"blue\"}");
        assertThat(json.path("roles").toString()).isEqualTo("[\"admin\",\"billing\"]");
        assertThat(jdbc.sql("select time_zone_id || ' ' || first_name from user_directory where user_id = ?")
                .param(userId).query(String.class).single()).isEqualTo("America/New_York Robert");

        user.append(new TimeZoneChanged(userId, null), new LanguageChanged(userId, null));
        awaitVersion(userId, user.version());
        assertThat(viewOf(user).path("time_zone").isNull()).isTrue();
        assertThat(viewOf(user).path("preferred_language").isNull()).isTrue();
    }

    @Test
    void removingTheUserDeletesTheRowAndLowersTheCount() {
        Account account = newAccount();
        UserHistory other = history(UUID.randomUUID());
        other.append(created(other.userId(), account.id(), 1, "Stays", BASE));
        UserHistory user = history(userId);
        user.append(created(userId, account.id(), 2, "Goes", BASE));
        awaitVersion(userId, 0);
        awaitVersion(other.userId(), 0);
        assertThat(userCount(account.id())).isEqualTo(2);

        user.append(new UserRemoved(userId, List.of(), Instant.now()));
        awaitGone(userId);
        assertThat(userCount(account.id())).isEqualTo(1);
        assertThat(account.http().get("/api/v4/users/" + userId).status()).isEqualTo(404);
    }

    /** A user in a fresh account with two emails (work primary) and two phones (mobile primary). */
    private UserHistory withContacts() {
        Account account = newAccount();
        UserHistory user = history(userId);
        user.append(created(userId, account.id(), 1, "Bobby Hill", BASE),
                new EmailAdded(userId, work, "bobby@example.com", true),
                new EmailAdded(userId, home, "bob@home.example", false),
                new PhoneAdded(userId, mobile, "+14155550101", "US", true, null),
                new PhoneAdded(userId, desk, "+442071838750", "GB", false, null));
        awaitVersion(userId, user.version());
        this.account = account;
        return user;
    }

    private JsonNode viewOf(UserHistory user) {
        var response = account.http().get("/api/v4/users/" + user.userId());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private List<String> arrays(String column) {
        return jdbc.sql("select unnest(" + column + ") from user_directory_lookup where user_id = ?").param(userId)
                .query(String.class).list();
    }

    private List<Boolean> primaries(String column) {
        return jdbc.sql("select (e->>'primary')::boolean from user_directory, jsonb_array_elements(" + column
                + ") with ordinality as x(e, i) where user_id = ? order by i").param(userId).query(Boolean.class).list();
    }
}
