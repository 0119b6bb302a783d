package dev.users.query.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static dev.users.query.directory.Column.number;
import static dev.users.query.directory.Column.timestamp;
import static dev.users.query.directory.Column.uuid;

/**
 * The columns of {@code user_directory}: those no event changes are declared here, the others with the group of
 * them an event changes ({@link RowChange}). Every statement's column list, and the reading of a row, come from
 * these declarations.
 */
final class DirectoryColumns {

    static final Column USER_ID = uuid("user_id", row -> row.userId, (row, value) -> row.userId = value);
    static final Column ACCOUNT_ID = uuid("account_id", row -> row.accountId, (row, value) -> row.accountId = value);
    static final Column TINY_ID = number("tiny_id", row -> row.tinyId, (row, value) -> row.tinyId = value);
    static final Column CREATED_AT = timestamp("created_at", row -> row.createdAt,
            (row, value) -> row.createdAt = value);
    static final Column UPDATED_AT = timestamp("updated_at", row -> row.updatedAt,
            (row, value) -> row.updatedAt = value);
    /** The sequence number of the last event applied: every write is guarded by it. */
    static final Column VERSION = number("version", row -> row.version, (row, value) -> row.version = value);

    /** What every write of a row writes after the columns it changes: when, and up to which event. */
    static final List<Column> STAMPS = List.of(UPDATED_AT, VERSION);
    /** Every column, in the table's order. */
    static final List<Column> ALL = join(List.of(USER_ID, ACCOUNT_ID, TINY_ID),
            changedBy(EnumSet.allOf(RowChange.class)), List.of(CREATED_AT), STAMPS);
    /** Every column as a creation inserts them: those it sets for good, those events change, the stamps. */
    static final List<Column> INSERTED = join(List.of(USER_ID, ACCOUNT_ID, TINY_ID, CREATED_AT),
            changedBy(EnumSet.allOf(RowChange.class)), STAMPS);
    /** The columns whose values hold text, which must be storable when written. */
    static final List<Column> TEXTS = ALL.stream().filter(Column::holdsText).toList();
    /** The start of every query of whole rows ({@link #read}). */
    static final String SELECT = "select " + Column.names(ALL) + " from user_directory";

    private DirectoryColumns() {
    }

    /** The columns of {@code changes}, in the table's order. */
    static List<Column> changedBy(Set<RowChange> changes) {
        List<Column> columns = new ArrayList<>();
        for (RowChange change : RowChange.values()) {
            if (changes.contains(change)) {
                columns.addAll(change.columns);
            }
        }
        return columns;
    }

    /** The row on the result set's current row, selected with {@link #SELECT}. */
    static DirectoryRow read(ResultSet rs) throws SQLException {
        DirectoryRow row = new DirectoryRow();
        for (int i = 0; i < ALL.size(); i++) {
            ALL.get(i).read(rs, row);
        }
        return row;
    }

    @SafeVarargs
    static List<Column> join(List<Column>... parts) {
        List<Column> joined = new ArrayList<>();
        for (List<Column> part : parts) {
            joined.addAll(part);
        }
        return List.copyOf(joined);
    }
}
