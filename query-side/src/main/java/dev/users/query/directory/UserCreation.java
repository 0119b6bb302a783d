package dev.users.query.directory;

import dev.users.events.NotificationPreferences;
import dev.users.events.UserCreated;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static dev.users.query.list.SqlValues.timestamp;

/**
 * Inserting and deleting directory rows together with the account's user count, each in one statement so that
 * the count moves only when the row really appeared or disappeared (a redelivered create or remove moves nothing).
 */
class UserCreation {

    private final JdbcClient jdbc;

    UserCreation(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UserCreated event, long sequence, Instant at) {
        NotificationPreferences n = event.notifications() == null
                ? NotificationPreferences.DEFAULT : event.notifications();
        Map<String, Object> params = new HashMap<>();
        params.put("userId", event.userId());
        params.put("accountId", event.accountId());
        params.put("tinyId", event.tinyId());
        params.put("name", event.name());
        params.put("firstName", event.firstName());
        params.put("lastName", event.lastName());
        params.put("timeZone", event.timeZone() == null ? null : event.timeZone().name());
        params.put("timeZoneId", event.timeZone() == null ? null : event.timeZone().zoneId());
        params.put("language", event.language());
        params.put("push", n.push());
        params.put("email", n.email());
        params.put("sms", n.sms());
        params.put("voice", n.voice());
        params.put("meta", UserDirectoryProjection.json(event.meta() == null ? Map.of() : event.meta()));
        params.put("createdAt", timestamp(event.createdAt() == null ? at : event.createdAt()));
        params.put("at", timestamp(at));
        params.put("sequence", sequence);
        jdbc.sql("""
                        with created as (
                            insert into user_directory (user_id, account_id, tiny_id, name, first_name, last_name,
                                time_zone, time_zone_id, preferred_language, notify_push, notify_email, notify_sms,
                                notify_voice, meta, created_at, updated_at, version)
                            values (:userId, :accountId, :tinyId, :name, :firstName, :lastName, :timeZone,
                                :timeZoneId, :language, :push, :email, :sms, :voice, cast(:meta as jsonb), :createdAt,
                                :at, :sequence)
                            on conflict (user_id) do nothing
                            returning account_id)
                        insert into account_user_counts (account_id, user_count)
                        select account_id, 1 from created
                        on conflict (account_id) do update set user_count = account_user_counts.user_count + 1""")
                .params(params)
                .update();
    }

    void delete(UUID userId, long sequence) {
        jdbc.sql("""
                        with removed as (
                            delete from user_directory where user_id = :userId and version < :sequence
                            returning account_id)
                        update account_user_counts c set user_count = c.user_count - 1
                        from removed r where c.account_id = r.account_id""")
                .param("userId", userId)
                .param("sequence", sequence)
                .update();
    }
}
