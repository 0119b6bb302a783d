package dev.users.app.db;

import org.springframework.core.env.Environment;

import java.nio.file.Path;

/** How the embedded PostgreSQL is started, read from the service's settings (see README, "Settings"). */
record EmbeddedPostgresSettings(Path dataDir, String fsync, String synchronousCommit, int port) {

    static EmbeddedPostgresSettings from(Environment env) {
        return new EmbeddedPostgresSettings(
                Path.of(env.getProperty("users.data-dir", "./data")).resolve("postgres").toAbsolutePath().normalize(),
                env.getProperty("users.embedded.fsync", "on"),
                env.getProperty("users.embedded.synchronous-commit", "on"),
                env.getProperty("users.embedded.port", Integer.class, 0));
    }

    static boolean wanted(Environment env) {
        String url = env.getProperty("spring.datasource.url");
        return url == null || url.isBlank();
    }
}
