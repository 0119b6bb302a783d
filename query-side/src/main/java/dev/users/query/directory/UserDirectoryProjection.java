package dev.users.query.directory;

import dev.users.events.AccountOwnershipTransferred;
import dev.users.events.EmailAdded;
import dev.users.events.EmailRemoved;
import dev.users.events.LanguageChanged;
import dev.users.events.MetaChanged;
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
import dev.users.events.UserCreated;
import dev.users.events.UserEvent;
import dev.users.events.UserErased;
import dev.users.events.UserRemoved;
import dev.users.events.UserRenamed;
import dev.users.events.UserSignedIn;
import dev.users.query.batch.UnitOfWorkBatches;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static dev.users.query.directory.RowChange.EMAILS;
import static dev.users.query.directory.RowChange.LANGUAGE;
import static dev.users.query.directory.RowChange.META;
import static dev.users.query.directory.RowChange.NAME;
import static dev.users.query.directory.RowChange.NOTIFICATIONS;
import static dev.users.query.directory.RowChange.PHONES;
import static dev.users.query.directory.RowChange.ROLES;
import static dev.users.query.directory.RowChange.SIGN_IN;
import static dev.users.query.directory.RowChange.TEAMS;
import static dev.users.query.directory.RowChange.TIME_ZONE;

/**
 * The user directory: one row per live user, every event applied at most once (the row's {@code version} is the
 * sequence number of the last event applied; older or equal sequence numbers are redeliveries and change nothing).
 * Also keeps {@code account_user_counts} so that unfiltered lists know their total without count(*).
 * <p>
 * Handlers change rows in memory ({@link DirectoryBatch}, one per unit of work, see {@link UnitOfWorkBatches}); the
 * processor's whole batch is written at once before its transaction commits, so a replay costs a handful of
 * statements per batch instead of one per event.
 */
@Component
@ProcessingGroup(UserDirectoryProjection.GROUP)
public class UserDirectoryProjection {

    /** The processing group of the read models that one batch transaction writes together. */
    public static final String GROUP = "user-directory";

    private final UnitOfWorkBatches batches;
    private final DirectoryStore store;
    private final JdbcClient jdbc;

    UserDirectoryProjection(UnitOfWorkBatches batches, DirectoryStore store, JdbcClient jdbc) {
        this.batches = batches;
        this.store = store;
        this.jdbc = jdbc;
    }

    @EventHandler
    public void on(UserCreated event, @SequenceNumber long sequence, @Timestamp Instant at) {
        apply(batch -> batch.create(DirectoryRow.created(event, sequence, at)));
    }

    @EventHandler
    public void on(UserRemoved event, @SequenceNumber long sequence) {
        end(event.userId(), sequence);
    }

    /** An erasure ends the row as a removal does (nothing changes when the user was removed before). */
    @EventHandler
    public void on(UserErased event, @SequenceNumber long sequence) {
        end(event.userId(), sequence);
    }

    private void end(UUID userId, long sequence) {
        apply(batch -> {
            DirectoryRow row = batch.row(userId);
            if (row != null && sequence > row.version) {
                batch.removed(row, sequence);
            }
        });
    }

    @EventHandler
    public void on(UserRenamed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event, sequence, at, NAME, row -> {
            row.name = event.name();
            row.firstName = event.firstName();
            row.lastName = event.lastName();
        });
    }

    @EventHandler
    public void on(TimeZoneChanged event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event, sequence, at, TIME_ZONE, row -> {
            row.timeZone = event.timeZone() == null ? null : event.timeZone().name();
            row.timeZoneId = event.timeZone() == null ? null : event.timeZone().zoneId();
        });
    }

    @EventHandler
    public void on(LanguageChanged event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event, sequence, at, LANGUAGE, row -> row.preferredLanguage = event.languageTag());
    }

    @EventHandler
    public void on(NotificationPreferencesChanged event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event, sequence, at, NOTIFICATIONS, row -> row.notifications(event.notifications()));
    }

    @EventHandler
    public void on(MetaChanged event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event, sequence, at, META, row -> row.meta = event.meta() == null ? Map.of() : event.meta());
    }

    @EventHandler
    public void on(RolesAssigned event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event, sequence, at, ROLES, row -> row.roles = event.roles() == null ? List.of() : event.roles());
    }

    @EventHandler
    public void on(TeamsAssigned event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event, sequence, at, TEAMS,
                row -> row.teamIds = event.teamIds() == null ? List.of() : event.teamIds());
    }

    /**
     * The owner's flag is rendered from its own read model; the row only records that the account user changed (its
     * version and updated_at move), so that the transfer's writer, waiting for that version, sees the new owner.
     */
    @EventHandler
    public void on(AccountOwnershipTransferred event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event, sequence, at, ROLES, row -> { });
    }

    @EventHandler
    public void on(UserSignedIn event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event, sequence, at, SIGN_IN, row -> row.lastSignInAt = event.signedInAt());
    }

    @EventHandler
    public void on(EmailAdded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event, sequence, at, EMAILS, row -> row.addEmail(event.emailId(), event.address(), event.primary()));
    }

    @EventHandler
    public void on(EmailRemoved event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event, sequence, at, EMAILS, row -> row.removeEmail(event.emailId()));
    }

    @EventHandler
    public void on(PrimaryEmailChanged event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event, sequence, at, EMAILS, row -> row.primaryEmail(event.emailId()));
    }

    @EventHandler
    public void on(PhoneAdded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event, sequence, at, PHONES,
                row -> row.addPhone(event.phoneId(), event.number(), event.country(), event.primary()));
    }

    @EventHandler
    public void on(PhoneRemoved event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event, sequence, at, PHONES, row -> row.removePhone(event.phoneId()));
    }

    @EventHandler
    public void on(PrimaryPhoneChanged event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event, sequence, at, PHONES, row -> row.primaryPhone(event.phoneId()));
    }

    @EventHandler
    public void on(PhoneBlocked event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event, sequence, at, PHONES, row -> row.blocked(event.phoneId(), true));
    }

    @EventHandler
    public void on(PhoneUnblocked event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event, sequence, at, PHONES, row -> row.blocked(event.phoneId(), false));
    }

    /**
     * The account of a live user as the current batch sees it (a user created earlier in the same batch too), or
     * null when the user has no row: for the other read models of this group, whose rows name the user's account.
     */
    public UUID accountOf(UUID userId) {
        return batches.read(DirectoryBatch.class, this::batchOf, batch -> batch.accountOf(userId));
    }

    /** A replay starts from an empty directory. */
    @ResetHandler
    public void reset() {
        jdbc.sql("truncate user_directory, user_directory_lookup, account_user_counts").update();
    }

    /**
     * Applies {@code change} (of the columns in {@code group}) to the user's row, unless there is none or it has
     * seen this event already. The version moves only once the change is made: a change that throws (the event is
     * then dead-lettered) leaves the row as it was, so the event applies in full when it is retried.
     */
    private void change(UserEvent event, long sequence, Instant at, RowChange group, Consumer<DirectoryRow> change) {
        apply(batch -> {
            DirectoryRow row = batch.row(event.userId());
            if (row != null && !row.hasSeen(sequence)) {
                change.accept(row);
                row.applied(sequence, at);
                row.changes.add(group);
                batch.changed(row);
            }
        });
    }

    private void apply(Consumer<DirectoryBatch> change) {
        batches.apply(DirectoryBatch.class, this::batchOf, change);
    }

    private DirectoryBatch batchOf(UnitOfWork<?> unit) {
        return DirectoryBatch.of(store, unit);
    }
}
