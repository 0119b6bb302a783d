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
    private static final Map<EmbeddedPostgresSettings, CompletableFuture<EmbeddedPostgres>> STARTING =
            new ConcurrentHashMap<>();

    static {
        // a server begun but never handed to a context (its start-up failed first) still stops with the JVM
        Runtime.getRuntime().addShutdownHook(new Thread(() -> STARTING.values().forEach(
                started -> started.thenAccept(EmbeddedPostgresStarts::close)), "embedded-postgres-unclaimed"));
    }

    private EmbeddedPostgresStarts() {
    }

    /** Begins starting a server with these settings in the background, unless one is already on its way. */
    static void begin(EmbeddedPostgresSettings settings) {
        STARTING.computeIfAbsent(settings, s -> CompletableFuture.supplyAsync(() -> start(s)));
    }

    /** The server with these settings: the one begun earlier, or one started now. */
    static EmbeddedPostgres obtain(EmbeddedPostgresSettings settings) {
        CompletableFuture<EmbeddedPostgres> started = STARTING.remove(settings);
        try {
            return started != null ? started.join() : start(settings);
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static EmbeddedPostgres start(EmbeddedPostgresSettings settings) {
        try {
            Files.createDirectories(settings.dataDir());
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(settings.dataDir())
                    .setCleanDataDirectory(false)
                    // zonky turns both off (-F, synchronous_commit=off) for test speed; an acknowledged write must
                    // survive a crash, so they are on unless a test profile explicitly trades that away
                    .setServerConfig("fsync", settings.fsync())
                    .setServerConfig("synchronous_commit", settings.synchronousCommit())
                    .setServerConfig("max_connections", "100")
                    // zonky's own JVM shutdown hook stops the server at once, in parallel with Spring's: requests
                    // and the event processor then lost their database mid-shutdown. The context stops it instead,
                    // last (EmbeddedPostgresConfiguration), after the web server and the processors.
                    .setRegisterShutdownHook(false);
            if (settings.port() > 0) {
                builder.setPort(settings.port());
            }
            EmbeddedPostgres postgres = builder.start();
            log.info("Embedded PostgreSQL on port {} with data in {}", postgres.getPort(), settings.dataDir());
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + settings.dataDir(), e);
        }
    }

    private static void close(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("could not stop the embedded PostgreSQL on port {}", postgres.getPort(), e);
        }
    }
}
