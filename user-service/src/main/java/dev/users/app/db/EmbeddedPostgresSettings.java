package dev.users.app.db;

import org.springframework.core.env.Environment;

import java.nio.file.Path;
import java.time.Duration;

/** How the embedded PostgreSQL is started, read from the service's settings (see README, "Settings"). */
record EmbeddedPostgresSettings(Path dataDir, String fsync, String synchronousCommit, int port, Duration startupWait) {

    static final String DATA_DIR = "users.data-dir";

    static EmbeddedPostgresSettings from(Environment env) {
        return new EmbeddedPostgresSettings(
                Path.of(serviceDir(env)).resolve("postgres").toAbsolutePath().normalize(),
                env.getProperty("users.embedded.fsync", "on"),
                env.getProperty("users.embedded.synchronous-commit", "on"),
                env.getProperty("users.embedded.port", Integer.class, 0),
                // zonky's own 10 s is too short for the crash recovery of a large store; a clean start is not slower
                env.getProperty("users.embedded.startup-wait", Duration.class, Duration.ofSeconds(60)));
    }

    /** The {@link #DATA_DIR} setting. */
    static String serviceDir(Environment env) {
        return env.getProperty(DATA_DIR, "./data");
    }

    /** The service's own directory, {@code users.data-dir}, of which PostgreSQL's is a part. */
    Path serviceDir() {
        return dataDir.getParent();
    }

    static boolean wanted(Environment env) {
        String url = env.getProperty("spring.datasource.url");
        return url == null || url.isBlank();
    }
}
