package dev.users.query.directory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import static dev.users.query.list.SqlValues.array;

/**
 * Writes {@code user_directory_lookup}: per directory row, the values only filters and {@code q} read (name, email
 * addresses, phone numbers, roles, and the search text PostgreSQL derives from them), each GIN-indexed. They live in
 * a table of their own so that the directory's frequent updates (a sign-in, any event's {@code updated_at}) do not
 * re-index them (see V9). {@link DirectoryStore} calls these only for directory writes that really happened, in the
 * same transaction, so the lookup row always matches the directory row.
 */
@Component
class DirectoryLookup {

    private static final String UPSERT = "insert into user_directory_lookup"
            + " (user_id, account_id, name, email_addresses, phone_numbers, roles) values (?, ?, ?, ?, ?, ?)"
            + " on conflict (user_id) do update set (name, email_addresses, phone_numbers, roles)"
            + " = (excluded.name, excluded.email_addresses, excluded.phone_numbers, excluded.roles)";
    private static final String DELETE = "delete from user_directory_lookup where user_id = ?";

    private final JdbcTemplate jdbc;

    DirectoryLookup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the lookup rows of directory rows that were inserted, or whose looked-up values changed. */
    void write(List<DirectoryRow> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(UPSERT, rows, rows.size(), DirectoryLookup::bind);
        }
    }

    void delete(List<UUID> userIds) {
        if (!userIds.isEmpty()) {
            jdbc.batchUpdate(DELETE, userIds, userIds.size(), (ps, userId) -> ps.setObject(1, userId));
        }
    }

    private static void bind(PreparedStatement ps, DirectoryRow row) throws SQLException {
        ps.setObject(1, row.userId);
        ps.setObject(2, row.accountId);
        ps.setString(3, row.name);
        ps.setArray(4, array(ps, "text", row.emailAddresses()));
        ps.setArray(5, array(ps, "text", row.phoneNumbers()));
        ps.setArray(6, array(ps, "text", row.roles));
    }
}
