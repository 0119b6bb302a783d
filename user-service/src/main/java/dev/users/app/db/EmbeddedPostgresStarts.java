package dev.users.app.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Starts embedded PostgreSQL servers, possibly ahead of need: the server boots in its own process while the
 * application context is still being built, which takes a second or two off the service's start-up.
 */
final class EmbeddedPostgresStarts {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresStarts.class);
    private static final Map<EmbeddedPostgresSettings, CompletableFuture<EmbeddedPostgresServer>> STARTING =
            new ConcurrentHashMap<>();

    static {
        // a server begun but never handed to a context (its start-up failed first) still stops with the JVM
        Runtime.getRuntime().addShutdownHook(new Thread(() -> STARTING.values().forEach(
                started -> started.thenAccept(EmbeddedPostgresStarts::close)), "embedded-postgres-unclaimed"));
    }

    private EmbeddedPostgresStarts() {
    }

    /**
     * Begins starting a server with these settings in the background, unless one is already on its way. The data
     * directory's lock is taken first, here, so that a start on a directory another service uses fails at once.
     */
    static void begin(EmbeddedPostgresSettings settings) {
        STARTING.computeIfAbsent(settings, s -> {
            DataDirectoryLock lock = DataDirectoryLock.acquire(s.serviceDir());
            return CompletableFuture.supplyAsync(() -> start(s, lock));
        });
    }

    /** The server with these settings: the one begun earlier, or one started now. */
    static EmbeddedPostgresServer obtain(EmbeddedPostgresSettings settings) {
        CompletableFuture<EmbeddedPostgresServer> started = STARTING.remove(settings);
        try {
            EmbeddedPostgresServer server = started != null ? started.join()
                    : start(settings, DataDirectoryLock.acquire(settings.serviceDir()));
            server.recoveryNotes().logTo(log);
            return server;
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /**
     * With the lock held, whatever a service that died left on the directory is cleared away (its server first, its
     * token claims once the server runs); PostgreSQL's own crash recovery does the rest, within
     * {@code users.embedded.startup-wait}. After a clean stop that is one look for a {@code postmaster.pid}.
     */
    private static EmbeddedPostgresServer start(EmbeddedPostgresSettings settings, DataDirectoryLock lock) {
        try {
            Files.createDirectories(settings.dataDir());
            RecoveryNotes notes = new RecoveryNotes();
            OrphanedPostmaster.stopIfRunning(settings.dataDir(), notes);
            EmbeddedPostgres postgres = startServer(settings);
            if (!lock.previousStoppedCleanly()) {
                AbandonedTokenClaims.release(postgres, notes);
            }
            return new EmbeddedPostgresServer(postgres, lock, notes);
        } catch (IOException e) {
            lock.releaseAfterFailedStart();
            throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + settings.dataDir(), e);
        } catch (RuntimeException e) {
            lock.releaseAfterFailedStart();
            throw e;
        }
    }

    private static EmbeddedPostgres startServer(EmbeddedPostgresSettings settings) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(settings.dataDir())
                .setCleanDataDirectory(false)
                // zonky turns both off (-F, synchronous_commit=off) for test speed; an acknowledged write must
                // survive a crash, so they are on unless a test profile explicitly trades that away
                .setServerConfig("fsync", settings.fsync())
                .setServerConfig("synchronous_commit", settings.synchronousCommit())
                .setServerConfig("max_connections", "100")
                .setPGStartupWait(settings.startupWait())
                // zonky's own JVM shutdown hook stops the server at once, in parallel with Spring's: requests
                // and the event processor then lost their database mid-shutdown. The context stops it instead,
                // last (EmbeddedPostgresConfiguration), after the web server and the processors.
                .setRegisterShutdownHook(false);
        if (settings.port() > 0) {
            builder.setPort(settings.port());
        }
        EmbeddedPostgres postgres;
        try {
            postgres = builder.start();
        } catch (IOException | RuntimeException e) {
            // a server that did not become ready in time is not left running on the directory
            RecoveryNotes notes = new RecoveryNotes();
            OrphanedPostmaster.stopIfRunning(settings.dataDir(), notes);
            notes.logTo(log);
            throw e;
        }
        log.info("Embedded PostgreSQL on port {} with data in {}", postgres.getPort(), settings.dataDir());
        return postgres;
    }

    private static void close(EmbeddedPostgresServer server) {
        try {
            server.close();
        } catch (RuntimeException e) {
            log.warn("could not stop the embedded PostgreSQL on port {}", server.port(), e);
        }
    }
}
