package dev.users.query.batch;

import java.sql.SQLException;

/**
 * Tells a write that PostgreSQL refused for what it holds from one that failed for any other reason. Only the first
 * kind is some user's: the same rows would fail again however often they are retried, so they are parked, while an
 * outage, a timeout or a deadlock is retried with the whole batch.
 */
public final class DataRejections {

    private DataRejections() {
    }

    /**
     * The database's error when {@code failure} is a rejection of the data: SQLState class 22 (data exception: a
     * value the column's type refuses), 23 (integrity constraint violation: not null, unique, check) or 54 (program
     * limit exceeded: a value too large for an index entry); null for anything else. The innermost such error, which
     * carries the server's message and detail, is the one returned.
     */
    public static SQLException of(Throwable failure) {
        SQLException found = null;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    if (isDataClass(s.getSQLState())) {
                        found = s;
                    }
                }
            }
        }
        return found;
    }

    private static boolean isDataClass(String sqlState) {
        return sqlState != null && (sqlState.startsWith("22") || sqlState.startsWith("23")
                || sqlState.startsWith("54"));
    }
}
