package dev.users.query.directory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
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
import java.util.function.Function;
import java.util.stream.Collectors;

import static dev.users.query.list.SqlValues.array;
import static dev.users.query.list.SqlValues.iso;
import static dev.users.query.list.SqlValues.timestamp;

/**
 * The directory's SQL for a flushing {@link DirectoryBatch}: one query loads every row a batch needs, the new rows go
 * in with one statement that returns which of them it inserted, and the other kinds of write are each one JDBC batch
 * (the driver pipelines its statements instead of waiting for each answer) whose per-row update counts say which rows
 * really changed. Every write is guarded by the row's {@code version}, so a batch applied twice changes nothing. The
 * rows' {@link DirectoryLookup lookup rows} follow the writes that happened.
 */
@Component
class DirectoryStore {

    private static final Set<RowChange> ALL = Collections.unmodifiableSet(EnumSet.allOf(RowChange.class));
    /**
     * All of a batch's new rows in one statement, as one JSON array that PostgreSQL turns into rows: a build from
     * nothing inserted 180,129 rows in 13.2 s of statements as single-row inserts of one JDBC batch. The ids it
     * returns are the rows it inserted; a row whose id was there already is skipped.
     */
    private static final String INSERT = "insert into user_directory (user_id, account_id, tiny_id, created_at, "
            + join(ALL, c -> c.columns) + ", updated_at, version) select user_id, account_id, tiny_id, created_at, "
            + join(ALL, c -> c.columns) + ", updated_at, version from jsonb_to_recordset(cast(? as jsonb)) as r("
            + "user_id uuid, account_id uuid, tiny_id bigint, created_at timestamptz, " + join(ALL, c -> c.types)
            + ", updated_at timestamptz, version bigint) on conflict (user_id) do nothing returning user_id";
    private static final String DELETE = "delete from user_directory where user_id = ? and version < ?";
    private static final String COUNT = "insert into account_user_counts (account_id, user_count) values (?, ?)"
            + " on conflict (account_id) do update set user_count = account_user_counts.user_count"
            + " + excluded.user_count";

    /** One UPDATE per combination of changed column groups; a handful of combinations occur in practice. */
    private final Map<Set<RowChange>, String> updates = new ConcurrentHashMap<>();
    private final JdbcTemplate jdbc;
    private final DirectoryLookup lookup;

    DirectoryStore(JdbcTemplate jdbc, DirectoryLookup lookup) {
        this.jdbc = jdbc;
        this.lookup = lookup;
    }

    /** The stored rows among {@code userIds}; an id without a row is simply absent from the answer. */
    Map<UUID, UserRow> load(Collection<UUID> userIds) {
        Map<UUID, UserRow> rows = new HashMap<>();
        if (userIds.isEmpty()) {
            return rows;
        }
        jdbc.query("select " + UserRows.COLUMNS + " from user_directory where user_id = any(?)",
                ps -> ps.setArray(1, array(ps, "uuid", userIds)),
                rs -> {
                    UserRow row = UserRows.MAPPER.mapRow(rs, 0);
                    rows.put(row.userId(), row);
                });
        return rows;
    }

    /** @return per row, whether it was inserted (false: a row with that id was already there) */
    boolean[] insert(List<DirectoryRow> rows) {
        boolean[] inserted = new boolean[rows.size()];
        if (rows.isEmpty()) {
            return inserted;
        }
        List<Map<String, Object>> json = new ArrayList<>(rows.size());
        for (DirectoryRow row : rows) {
            Map<String, Object> values = new HashMap<>();
            values.put("user_id", row.userId);
            values.put("account_id", row.accountId);
            values.put("tiny_id", row.tinyId);
            values.put("created_at", iso(row.createdAt));
            for (RowChange change : ALL) {
                change.put(values, row);
            }
            values.put("updated_at", iso(row.updatedAt));
            values.put("version", row.version);
            json.add(values);
        }
        Set<UUID> added = new HashSet<>();
        jdbc.query(INSERT, (RowCallbackHandler) rs -> added.add(rs.getObject(1, UUID.class)),
                RowChange.JSON.writeValueAsString(json));
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
            String sql = updates.computeIfAbsent(Set.copyOf(changes), c -> "update user_directory set ("
                    + join(c, g -> g.columns) + ", updated_at, version) = (" + join(c, g -> g.values)
                    + ", ?, ?) where user_id = ? and version < ?");
            boolean[] updated = changed(jdbc.batchUpdate(sql, batch, batch.size(), (ps, row) -> {
                int next = bindChanges(ps, 1, row, changes);
                ps.setObject(next, row.userId);
                ps.setLong(next + 1, row.version);
            })[0]);
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

    /** Binds {@code changes} (in the enum's order, as the SQL lists them), then updated_at and version. */
    private static int bindChanges(PreparedStatement ps, int first, DirectoryRow row, Set<RowChange> changes)
            throws SQLException {
        int i = first;
        for (RowChange change : RowChange.values()) {
            if (changes.contains(change)) {
                i = change.bind(ps, i, row);
            }
        }
        ps.setObject(i, timestamp(row.updatedAt), Types.TIMESTAMP_WITH_TIMEZONE);
        ps.setLong(i + 1, row.version);
        return i + 2;
    }

    private static String join(Set<RowChange> changes, Function<RowChange, String> part) {
        return Arrays.stream(RowChange.values()).filter(changes::contains).map(part)
                .collect(Collectors.joining(", "));
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

    /** A user removed by the event with {@code sequence}. */
    record Removal(UUID userId, UUID accountId, long sequence) {
    }
}
