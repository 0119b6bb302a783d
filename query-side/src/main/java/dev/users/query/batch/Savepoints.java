package dev.users.query.batch;

import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.sql.Savepoint;

/** Savepoints of the current Spring transaction's connection (the one JdbcTemplate writes on). */
final class Savepoints {

    private final ConnectionHolder holder;

    private Savepoints(ConnectionHolder holder) {
        this.holder = holder;
    }

    /** Those of the transaction in progress on {@code dataSource}; null when there is none (nothing to go back in). */
    static Savepoints of(DataSource dataSource) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            return null;
        }
        Object holder = TransactionSynchronizationManager.getResource(dataSource);
        return holder instanceof ConnectionHolder connection ? new Savepoints(connection) : null;
    }

    Savepoint set() {
        try {
            return holder.createSavepoint();
        } catch (SQLException e) {
            throw new TransactionSystemException("Could not create a savepoint", e);
        }
    }

    /** Undoes what was written since {@code savepoint}, which then ends too. */
    void rollBackTo(Savepoint savepoint) {
        try {
            holder.getConnection().rollback(savepoint);
            holder.getConnection().releaseSavepoint(savepoint);
        } catch (SQLException e) {
            throw new TransactionSystemException("Could not roll back to a savepoint", e);
        }
    }

    /** Keeps what was written since {@code savepoint} and ends it (savepoints left open nest, one per write). */
    void release(Savepoint savepoint) {
        try {
            holder.getConnection().releaseSavepoint(savepoint);
        } catch (SQLException e) {
            throw new TransactionSystemException("Could not release a savepoint", e);
        }
    }
}
