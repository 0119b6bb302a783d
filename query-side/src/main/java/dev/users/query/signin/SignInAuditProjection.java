package dev.users.query.signin;

import dev.users.events.EventMetadata;
import dev.users.events.UserSignedIn;
import dev.users.query.directory.DirectoryBatches;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.UUID;

/**
 * Every sign-in, for auditors: previous and new {@code last_sign_in_at}, when it was recorded and by which API key.
 * In the directory's processing group on purpose: one batch transaction updates both, so a writer that waits for
 * the directory's version also sees the audit row, and the account comes from the directory row the same batch
 * holds (created earlier in the batch, or loaded with the batch's other users), without a query of its own.
 * Rows are collected per batch and inserted together with the batch's directory rows before it commits.
 */
@Component
@ProcessingGroup("user-directory")
public class SignInAuditProjection {

    private static final String BATCH = SignInAuditProjection.class.getName();

    private final DirectoryBatches directory;
    private final JdbcTemplate jdbc;

    public SignInAuditProjection(DirectoryBatches directory, JdbcTemplate jdbc) {
        this.directory = directory;
        this.jdbc = jdbc;
    }

    /** Keyed by the event's id, so a redelivered event inserts nothing; a user without a row is not audited. */
    @EventHandler
    public void on(UserSignedIn event, @MessageIdentifier String eventId,
                   @MetaDataValue(EventMetadata.API_KEY_ID) String apiKeyId, @Timestamp Instant at) {
        UUID accountId = directory.accountOf(event.userId());
        if (accountId == null) {
            return;
        }
        SignInRow row = new SignInRow(eventId, event.userId(), accountId, event.previousSignInAt(),
                event.signedInAt(), at, apiKeyId);
        if (CurrentUnitOfWork.isStarted()) {
            directory.writes(BATCH, () -> new SignInRows(jdbc)).add(row);
        } else {
            SignInRows rows = new SignInRows(jdbc);
            rows.add(row);
            rows.write(user -> true);
        }
    }

    @ResetHandler
    public void reset() {
        jdbc.update("truncate sign_in_audit");
    }
}
