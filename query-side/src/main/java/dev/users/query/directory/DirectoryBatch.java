package dev.users.query.directory;

import dev.users.events.UserCreated;
import dev.users.events.UserEvent;
import dev.users.query.batch.BatchWrites;
import dev.users.query.directory.DirectoryStore.Removal;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The directory rows one batch of events touches, kept in memory while the batch is handled and written when it
 * flushes: however many events a user has in the batch, they cost one write of the columns they changed
 * ({@link RowChange}). The batch's new rows go in with one statement, and so do their lookup rows; updates,
 * removals and counts are one JDBC batch each ({@link DirectoryStore}).
 * <p>
 * A row is read at most once per batch, and usually not alone: on the first row it lacks, the batch loads in one
 * query every user its events name, except those whose first event in it is their creation. A user created in the
 * batch is not looked up at all: its row starts from the event, and the insert tells whether a row was there
 * already (it returns only the ids it inserted). Normally there is none (a batch that did not commit left nothing
 * behind, so its redelivery starts from what it saw), but events handled again after they were applied (a direct
 * call, a token moved back without a reset) find one, which is then written over only if it is older.
 */
final class DirectoryBatch implements BatchWrites {

    private final DirectoryStore store;
    private final Map<UUID, Entry> entries = new LinkedHashMap<>();
    /** The users to load together on the first miss; null once loaded, or when there is nothing to prefetch. */
    private Supplier<Collection<UUID>> prefetch;

    private DirectoryBatch(DirectoryStore store, Supplier<Collection<UUID>> prefetch) {
        this.store = store;
        this.prefetch = prefetch;
    }

    /** The batch of the events of {@code unit}; null: of a handler called outside a unit of work. */
    static DirectoryBatch of(DirectoryStore store, UnitOfWork<?> unit) {
        return new DirectoryBatch(store, unit == null ? null : () -> usersToLoad(unit));
    }

    /** The user's row as this batch sees it, or null when the user has no row (never created, or removed). */
    DirectoryRow row(UUID userId) {
        Entry entry = entries.get(userId);
        if (entry == null) {
            load(userId);
            entry = entries.get(userId);
        }
        return entry.removedBy == null ? entry.row : null;
    }

    /** The account of a live user, or null when the user has no row. */
    UUID accountOf(UUID userId) {
        DirectoryRow row = row(userId);
        return row == null ? null : row.accountId;
    }

    /**
     * Starts the row of a created user, unread, unless this batch already knows a row of that user (loaded, created
     * or removed in it): the creation is then a redelivery and changes nothing.
     */
    void create(DirectoryRow row) {
        Entry known = entries.get(row.userId);
        if (known == null || known.row == null) {
            Entry entry = new Entry(row, false);
            entry.dirty = true;
            entries.put(row.userId, entry);
        }
    }

    /** The row changed (its version moved) and must be written. */
    void changed(DirectoryRow row) {
        entries.get(row.userId).dirty = true;
    }

    void removed(DirectoryRow row, long sequence) {
        entries.get(row.userId).removedBy = sequence;
    }

    @Override
    public List<UUID> users() {
        List<UUID> users = new ArrayList<>();
        entries.forEach((user, entry) -> {
            if (entry.removedBy != null || entry.row != null && entry.dirty) {
                users.add(user);
            }
        });
        return users;
    }

    /**
     * Writes the rows of the users {@code only} accepts: new rows, changed rows, removals, then the accounts' user
     * counts, which move only by the rows that really appeared or disappeared. Writes nothing in memory, so it may be
     * called again after the transaction went back to a savepoint.
     */
    @Override
    public void write(Predicate<UUID> only) {
        List<DirectoryRow> inserts = new ArrayList<>();
        List<DirectoryRow> updates = new ArrayList<>();
        List<DirectoryRow> overwrites = new ArrayList<>();
        List<Removal> removals = new ArrayList<>();
        for (Entry entry : entries.values()) {
            if (entry.row == null || !only.test(entry.row.userId)) {
                continue;
            }
            if (entry.removedBy != null) {
                // also for a row created in this batch: normally that deletes nothing and counts nothing, but when
                // the creation was handled again (see above) the stored row must go, and its account counts one less
                removals.add(new Removal(entry.row.userId, entry.row.accountId, entry.removedBy));
            } else if (entry.dirty) {
                entry.row.makeStorable();
                (entry.stored ? updates : inserts).add(entry.row);
            }
        }
        Map<UUID, Long> deltas = new HashMap<>();
        boolean[] inserted = store.insert(inserts);
        for (int i = 0; i < inserts.size(); i++) {
            if (inserted[i]) {
                deltas.merge(inserts.get(i).accountId, 1L, Long::sum);
            } else {
                overwrites.add(inserts.get(i));
            }
        }
        store.update(updates, false);
        store.update(overwrites, true);
        boolean[] deleted = store.delete(removals);
        for (int i = 0; i < removals.size(); i++) {
            if (deleted[i]) {
                deltas.merge(removals.get(i).accountId(), -1L, Long::sum);
            }
        }
        store.count(deltas);
    }

    private void load(UUID userId) {
        List<UUID> wanted = new ArrayList<>();
        wanted.add(userId);
        if (prefetch != null) {
            for (UUID id : prefetch.get()) {
                if (!entries.containsKey(id) && !id.equals(userId)) {
                    wanted.add(id);
                }
            }
            prefetch = null;
        }
        Map<UUID, DirectoryRow> stored = store.load(wanted);
        for (UUID id : wanted) {
            entries.put(id, new Entry(stored.get(id), true));
        }
    }

    /**
     * Every user the unit's events name, except those whose first event in it is their creation (their row starts
     * from that event).
     */
    private static Collection<UUID> usersToLoad(UnitOfWork<?> unit) {
        if (!(unit instanceof BatchingUnitOfWork<?> batch)) {
            return List.of();
        }
        Map<UUID, Boolean> createdFirst = new HashMap<>();
        List<UUID> load = new ArrayList<>();
        for (Message<?> message : batch.getMessages()) {
            if (message.getPayload() instanceof UserEvent event
                    && createdFirst.putIfAbsent(event.userId(), event instanceof UserCreated) == null
                    && !(event instanceof UserCreated)) {
                load.add(event.userId());
            }
        }
        return load;
    }

    private static final class Entry {

        /** Null when the user has no row. */
        final DirectoryRow row;
        /** Read from the table (or known to be absent from it), as opposed to created by this batch. */
        final boolean stored;
        boolean dirty;
        /** The sequence number of the UserRemoved this batch applied, if any. */
        Long removedBy;

        Entry(DirectoryRow row, boolean stored) {
            this.row = row;
            this.stored = stored;
        }
    }
}
