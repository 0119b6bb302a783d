package dev.users.app.axon;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;

import java.sql.SQLException;

/**
 * Tells Axon's event store that an append failed on the unique (aggregate, sequence number) of
 * {@code domainevententry}: PostgreSQL's SQLSTATE 23505 anywhere in the failure's causes (pgjdbc reports a batched
 * insert as a BatchUpdateException whose cause holds it). Axon then throws a ConcurrencyException, which the command
 * gateway retries ({@link ConcurrencyRetries}) and the API answers with 409 at the end. Axon's no-argument
 * JdbcSQLErrorCodesResolver, used before, recognised only JPA's EntityExistsException: a lost race between two
 * nodes became an EventStoreException and a 500. (One node never showed it: its aggregate lock serialises a user's
 * commands.)
 */
final class UniqueViolations implements PersistenceExceptionResolver {

    private static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if (UNIQUE_VIOLATION.equals(next.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
