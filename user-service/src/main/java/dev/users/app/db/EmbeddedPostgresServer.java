package dev.users.app.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The running embedded PostgreSQL and the lock on its data directory, which is released only after it stops. */
final class EmbeddedPostgresServer implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final DataDirectoryLock lock;
    private final RecoveryNotes recoveryNotes;

    EmbeddedPostgresServer(EmbeddedPostgres postgres, DataDirectoryLock lock, RecoveryNotes recoveryNotes) {
        this.postgres = postgres;
        this.lock = lock;
        this.recoveryNotes = recoveryNotes;
    }

    /** What its start cleared away after a run that did not stop cleanly (usually nothing). */
    RecoveryNotes recoveryNotes() {
        return recoveryNotes;
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    int port() {
        return postgres.getPort();
    }

    @Override
    public void close() {
        try (lock) {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop the embedded PostgreSQL on port " + port(), e);
        }
    }
}
