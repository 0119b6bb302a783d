package dev.users.app.web;

import org.axonframework.common.jdbc.JdbcException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * PostgreSQL cannot be reached (stopped, restarting, the network down, the pool out of connections for longer than
 * {@code spring.datasource.hikari.connection-timeout}): the request failed through no fault of the client's and may
 * succeed later, so it is a 503 with {@code Retry-After}, never a 500. Seen through any wrapper: Spring's
 * translations ({@code CannotGetJdbcConnectionException} is a {@link DataAccessResourceFailureException}, a
 * transaction that cannot begin a {@link CannotCreateTransactionException}), Hikari's
 * {@link SQLTransientConnectionException}, and Axon's event-store and command exceptions around them.
 */
public final class DatabaseUnavailable {

    /** How long a client is told to wait before retrying: about what a PostgreSQL restart or fail-over takes. */
    public static final int RETRY_AFTER_SECONDS = 2;

    private DatabaseUnavailable() {
    }

    /** Whether {@code t} itself (not its causes) says the database could not be reached. */
    static boolean is(Throwable t) {
        if (t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessResourceException
                || t instanceof CannotCreateTransactionException || t instanceof QueryTimeoutException
                || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                || t instanceof SQLRecoverableException) {
            return true;
        }
        if (t instanceof JdbcException axon && axon.getMessage() != null
                && axon.getMessage().startsWith("Failed to create a SQL statement")) {
            // Axon's JDBC event store (JdbcUtils): the statement could not be made on the connection it got, whatever
            // pgjdbc or Hikari said below it (seen during an outage with a cause none of the checks here knew)
            return true;
        }
        return t instanceof SQLException sql && sql.getSQLState() != null && unreachable(sql.getSQLState());
    }

    /**
     * SQLSTATE class 08 (connection exception: refused, broken, reset), 57P01-57P03 (the server shuts down, was
     * shut down by an operator, or cannot take connections yet while it starts) and 57014 (the statement timed out).
     */
    private static boolean unreachable(String state) {
        return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")
                || state.equals("57014");
    }
}
