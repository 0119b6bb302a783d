package dev.users.query.directory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static dev.users.query.directory.DirectoryColumns.INSERTED;
import static dev.users.query.directory.DirectoryColumns.USER_ID;
import static dev.users.query.directory.DirectoryColumns.VERSION;
import static dev.users.query.list.SqlValues.array;

/**
 * The directory's SQL for a flushing {@link DirectoryBatch}, its column lists from {@link DirectoryColumns}: one
 * query loads every row a batch needs, the new rows go in with one statement that returns which of them it inserted,
 * and the other kinds of write are each one JDBC batch (the driver pipelines its statements instead of waiting for
 * each answer) whose per-row update counts say which rows really changed. Every write is guarded by the row's
 * {@code version}, so a batch applied twice changes nothing. The rows' {@link DirectoryLookup lookup rows} follow
 * the writes that happened.
 */
@Component
class DirectoryStore {

    private static final Set<RowChange> ALL = Collections.unmodifiableSet(EnumSet.allOf(RowChange.class));
    /**
     * All of a batch's new rows in one statement, which costs PostgreSQL far less than a JDBC batch of single-row
     * inserts. The ids it returns are the rows it inserted; a row whose id was there already is skipped.
     */
    private static final String INSERT = Column.insertFromJson("user_directory", INSERTED)
            + " on conflict (user_id) do nothing returning user_id";
    private static final String DELETE = "delete from user_directory where user_id = ? and version < ?";
    private static final String COUNT = "insert into account_user_counts (account_id, user_count) values (?, ?)"
            + " on conflict (account_id) do update set user_count = account_user_counts.user_count"
            + " + excluded.user_count";

    /** One UPDATE per combination of changed column groups; a handful of combinations occur in practice. */
    private final Map<Set<RowChange>, Update> updates = new ConcurrentHashMap<>();
    private final JdbcTemplate jdbc;
    private final DirectoryLookup lookup;

    DirectoryStore(JdbcTemplate jdbc, DirectoryLookup lookup) {
        this.jdbc = jdbc;
        this.lookup = lookup;
    }

    /** The stored rows among {@code userIds}; an id without a row is simply absent from the answer. */
    Map<UUID, DirectoryRow> load(Collection<UUID> userIds) {
        Map<UUID, DirectoryRow> rows = new HashMap<>();
        if (userIds.isEmpty()) {
            return rows;
        }
        jdbc.query(DirectoryColumns.SELECT + " where user_id = any(?)",
                ps -> ps.setArray(1, array(ps, "uuid", userIds)),
                rs -> {
                    DirectoryRow row = DirectoryColumns.read(rs);
                    rows.put(row.userId, row);
                });
        return rows;
    }

    /** @return per row, whether it was inserted (false: a row with that id was already there) */
    boolean[] insert(List<DirectoryRow> rows) {
        boolean[] inserted = new boolean[rows.size()];
        if (rows.isEmpty()) {
            return inserted;
        }
        Set<UUID> added = new HashSet<>();
        jdbc.query(INSERT, (RowCallbackHandler) rs -> added.add(rs.getObject(1, UUID.class)),
                Column.json(INSERTED, rows));
        for (int i = 0; i < inserted.length; i++) {
            inserted[i] = added.remove(rows.get(i).userId); // a second row with the same id was not inserted
        }
        lookup.write(selected(rows, inserted));
        return inserted;
    }

    /**
     * Writes the changed columns of rows that are stored already, unless the stored row has seen the row's version;
     * {@code everything} writes every column (a created row whose insert found a row there).
     */
    void update(List<DirectoryRow> rows, boolean everything) {
        Map<Set<RowChange>, List<DirectoryRow>> byChanges = new HashMap<>();
        for (DirectoryRow row : rows) {
            byChanges.computeIfAbsent(everything ? ALL : row.changes, k -> new ArrayList<>()).add(row);
        }
        List<DirectoryRow> lookups = new ArrayList<>();
        byChanges.forEach((changes, batch) -> {
            Update update = updates.computeIfAbsent(Set.copyOf(changes), Update::of);
            boolean[] updated = changed(jdbc.batchUpdate(update.sql, batch, batch.size(), update::bind)[0]);
            if (!Collections.disjoint(changes, RowChange.LOOKUP)) {
                lookups.addAll(selected(batch, updated));
            }
        });
        lookup.write(lookups);
    }

    /** @return per removal, whether a stored row was deleted (its account's count then drops) */
    boolean[] delete(List<Removal> removals) {
        boolean[] deleted = changed(removals.isEmpty() ? new int[0]
                : jdbc.batchUpdate(DELETE, removals, removals.size(), (ps, removal) -> {
                    ps.setObject(1, removal.userId());
                    ps.setLong(2, removal.sequence());
                })[0]);
        lookup.delete(selected(removals, deleted).stream().map(Removal::userId).toList());
        return deleted;
    }

    /** Adds each (non-zero) delta to its account's user count. */
    void count(Map<UUID, Long> deltas) {
        List<Map.Entry<UUID, Long>> changes = deltas.entrySet().stream().filter(e -> e.getValue() != 0)
                // a fixed order: concurrent writers of the same counts could otherwise deadlock
                .sorted(Map.Entry.comparingByKey()).toList();
        if (!changes.isEmpty()) {
            jdbc.batchUpdate(COUNT, changes, changes.size(), (ps, change) -> {
                ps.setObject(1, change.getKey());
                ps.setLong(2, change.getValue());
            });
        }
    }

    /** Update counts as flags: PostgreSQL's driver reports the real count of every statement of a batch. */
    private static boolean[] changed(int[] counts) {
        boolean[] changed = new boolean[counts.length];
        for (int i = 0; i < counts.length; i++) {
            changed[i] = counts[i] > 0;
        }
        return changed;
    }

    private static <T> List<T> selected(List<T> items, boolean[] flags) {
        List<T> selected = new ArrayList<>();
        for (int i = 0; i < flags.length; i++) {
            if (flags[i]) {
                selected.add(items.get(i));
            }
        }
        return selected;
    }

    /** The UPDATE of rows whose {@code changes} changed: their columns, then the stamps, guarded by the version. */
    private record Update(String sql, List<Column> columns) {

        static Update of(Set<RowChange> changes) {
            List<Column> columns = DirectoryColumns.join(DirectoryColumns.changedBy(changes), DirectoryColumns.STAMPS);
            return new Update("update user_directory set (" + Column.names(columns) + ") = ("
                    + Column.placeholders(columns) + ") where user_id = ? and version < ?", columns);
        }

        void bind(PreparedStatement ps, DirectoryRow row) throws SQLException {
            int index = 1;
            for (int i = 0; i < columns.size(); i++) {
                columns.get(i).bind(ps, index++, row);
            }
            USER_ID.bind(ps, index, row);
            VERSION.bind(ps, index + 1, row);
        }
    }

    /** A user removed by the event with {@code sequence}. */
    record Removal(UUID userId, UUID accountId, long sequence) {
    }
}
