package dev.users.query.signin;

import dev.users.events.UserSignedIn;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static dev.users.query.list.SqlValues.timestamp;

/**
 * Every sign-in, for auditors: previous and new {@code last_sign_in_at}, when it was recorded and by which API key.
 * In the directory's processing group on purpose: one batch transaction updates both, so a writer that waits for
 * the directory's version also sees the audit row, and the account comes from the directory row the same batch
 * created.
 */
@Component
@ProcessingGroup("user-directory")
public class SignInAuditProjection {

    private final JdbcClient jdbc;

    public SignInAuditProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Keyed by the event's id, so a redelivered event inserts nothing. */
    @EventHandler
    public void on(UserSignedIn event, @MessageIdentifier String eventId,
                   @MetaDataValue("apiKeyId") String apiKeyId, @Timestamp Instant at) {
        Map<String, Object> params = new HashMap<>();
        params.put("eventId", eventId);
        params.put("userId", event.userId());
        params.put("previous", timestamp(event.previousSignInAt()));
        params.put("signedInAt", timestamp(event.signedInAt()));
        params.put("at", timestamp(at));
        params.put("apiKeyId", apiKeyId);
        jdbc.sql("""
                        insert into sign_in_audit (event_id, user_id, account_id, previous_sign_in_at, signed_in_at,
                            recorded_at, api_key_id)
                        select cast(:eventId as text), :userId, account_id, cast(:previous as timestamptz),
                            cast(:signedInAt as timestamptz), cast(:at as timestamptz), cast(:apiKeyId as text)
                        from user_directory where user_id = :userId
                        on conflict (event_id) do nothing""")
                .params(params)
                .update();
    }

    @ResetHandler
    public void reset() {
        jdbc.sql("truncate sign_in_audit").update();
    }
}
