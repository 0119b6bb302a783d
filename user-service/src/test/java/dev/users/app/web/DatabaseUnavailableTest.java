package dev.users.app.web;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

/** The failures of an unreachable database become a 503, however they are wrapped; others do not. */
class DatabaseUnavailableTest {

    @Test
    void connectionFailuresAreA503ThroughTheirWrappers() {
        SQLTransientConnectionException hikari = new SQLTransientConnectionException(
                "HikariPool-1 - Connection is not available, request timed out after 1000ms.");
        assertThat(status(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", hikari)))
                .isEqualTo(503);
        assertThat(status(new CannotCreateTransactionException("Could not open JDBC Connection", hikari)))
                .isEqualTo(503);
        SQLException terminated = new SQLException("terminating connection due to administrator command", "57P01");
        assertThat(status(new CommandExecutionException("append failed",
                new EventStoreException("An event for aggregate [x] could not be stored", terminated))))
                .isEqualTo(503);
        assertThat(status(new PSQLException("Connection refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT)))
                .isEqualTo(503);
        assertThat(status(new SQLException("the database system is starting up", "57P03"))).isEqualTo(503);
    }

    @Test
    void otherDatabaseErrorsAreNot() {
        assertThat(ApiExceptionHandler.toFailure(new DataIntegrityViolationException("check constraint",
                new SQLException("new row violates check constraint", "23514")))).isNull();
        assertThat(ApiExceptionHandler.toFailure(new SQLException("syntax error", "42601"))).isNull();
    }

    private static int status(Throwable failure) {
        ApiExceptionHandler.Failure mapped = ApiExceptionHandler.toFailure(failure);
        assertThat(mapped).as("%s", failure).isNotNull();
        return mapped.status();
    }
}
