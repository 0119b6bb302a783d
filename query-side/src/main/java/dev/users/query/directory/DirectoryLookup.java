package dev.users.query.directory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static dev.users.query.directory.Column.computed;
import static dev.users.query.list.SqlValues.array;

/**
 * Writes {@code user_directory_lookup}: per directory row, the values only filters and {@code q} read (name, email
 * addresses, phone numbers, roles, and the search text PostgreSQL derives from them), each GIN-indexed. They live in
 * a table of their own so that the directory's frequent updates (a sign-in, any event's {@code updated_at}) do not
 * re-index them (see V9). {@link DirectoryStore} calls these only for directory writes that really happened, in the
 * same transaction, so the lookup row always matches the directory row.
 * <p>
 * A batch's rows go in one statement, as one JSON array that PostgreSQL turns into rows (unlike {@code unnest},
 * {@code jsonb_to_recordset} takes a text array per row), which costs PostgreSQL far less than a JDBC batch of
 * single-row upserts.
 */
@Component
class DirectoryLookup {

    private static final List<Column> COLUMNS = List.of(DirectoryColumns.USER_ID, DirectoryColumns.ACCOUNT_ID,
            computed("name", "text", row -> row.name),
            computed("email_addresses", "text[]", DirectoryRow::emailAddresses),
            computed("phone_numbers", "text[]", DirectoryRow::phoneNumbers),
            computed("roles", "text[]", row -> row.roles));
    /** What an upsert replaces: every column but the row's user and account. */
    private static final List<Column> LOOKED_UP = COLUMNS.subList(2, COLUMNS.size());
    private static final String UPSERT = Column.insertFromJson("user_directory_lookup", COLUMNS)
            + " on conflict (user_id) do update set (" + Column.names(LOOKED_UP) + ") = ("
            + LOOKED_UP.stream().map(column -> "excluded." + column.name).collect(Collectors.joining(", ")) + ")";
    private static final String DELETE = "delete from user_directory_lookup where user_id = any(?)";

    private final JdbcTemplate jdbc;

    DirectoryLookup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the lookup rows of directory rows that were inserted, or whose looked-up values changed. */
    void write(List<DirectoryRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        // one row per user: an upsert cannot change the same row twice in one statement
        Map<UUID, DirectoryRow> byUser = new LinkedHashMap<>();
        for (DirectoryRow row : rows) {
            byUser.put(row.userId, row);
        }
        jdbc.update(UPSERT, Column.json(COLUMNS, byUser.values()));
    }

    void delete(List<UUID> userIds) {
        if (!userIds.isEmpty()) {
            jdbc.update(DELETE, ps -> ps.setArray(1, array(ps, "uuid", userIds)));
        }
    }
}
