package dev.users.query.signin;

import dev.users.events.EventMetadata;
import dev.users.events.UserErased;
import dev.users.events.UserSignedIn;
import dev.users.query.batch.UnitOfWorkBatches;
import dev.users.query.directory.UserDirectoryProjection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.UUID;

/**
 * Every sign-in, for auditors: previous and new {@code last_sign_in_at}, when it was recorded and by which API key.
 * Rows are collected per unit of work ({@link UnitOfWorkBatches}) and inserted with the batch's other read-model
 * writes just before it commits.
 * <p>
 * In the directory's processing group on purpose: one batch transaction writes both, so a writer that waits for the
 * directory's version also sees the audit row, and the row's account comes from the directory row that the same
 * batch holds (created earlier in the batch, or loaded with the batch's other users), without a query of its own.
 */
@Component
@ProcessingGroup(UserDirectoryProjection.GROUP)
public class SignInAuditProjection {

    private final UserDirectoryProjection directory;
    private final UnitOfWorkBatches batches;
    private final JdbcTemplate jdbc;

    public SignInAuditProjection(UserDirectoryProjection directory, UnitOfWorkBatches batches, JdbcTemplate jdbc) {
        this.directory = directory;
        this.batches = batches;
        this.jdbc = jdbc;
    }

    /**
     * The row's account is the one of the user's directory row in this batch
     * ({@link UserDirectoryProjection#accountOf}): the reason for being in the directory's processing group. A user
     * without a row is not audited. A redelivered event inserts nothing: the audit's key is the user, the sign-in
     * time and the event's id, which it repeats.
     */
    @EventHandler
    public void on(UserSignedIn event, @MessageIdentifier String eventId,
                   @MetaDataValue(EventMetadata.API_KEY_ID) String apiKeyId, @Timestamp Instant at) {
        UUID accountId = directory.accountOf(event.userId());
        if (accountId == null) {
            return;
        }
        SignInRow row = new SignInRow(eventId, event.userId(), accountId, event.previousSignInAt(),
                event.signedInAt(), at, apiKeyId);
        batches.apply(SignInRows.class, unit -> new SignInRows(jdbc), rows -> rows.add(row));
    }

    /** The person's sign-ins are theirs: an erasure deletes them (a removal keeps them for auditors). */
    @EventHandler
    public void on(UserErased event) {
        batches.apply(SignInRows.class, unit -> new SignInRows(jdbc), rows -> rows.erase(event.userId()));
    }

    @ResetHandler
    public void reset() {
        jdbc.update("truncate sign_in_audit");
    }
}
