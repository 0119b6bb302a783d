package dev.users.app.db;

import dev.users.app.ServiceSettings;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

import java.nio.file.Path;
import java.time.Duration;

/** How the embedded PostgreSQL is started, read from the service's settings (see README, "Settings"). */
record EmbeddedPostgresSettings(Path dataDir, String fsync, String synchronousCommit, int port, Duration startupWait) {

    static final String DATA_DIR = "users.data-dir";

    /** Bound as the context would bind them, before there is one: the server starts while Spring is still busy. */
    static EmbeddedPostgresSettings from(Environment env) {
        EmbeddedSettings embedded = Binder.get(env).bindOrCreate("users.embedded", EmbeddedSettings.class);
        return new EmbeddedPostgresSettings(
                Path.of(serviceDir(env)).resolve("postgres").toAbsolutePath().normalize(),
                embedded.fsync(), embedded.synchronousCommit(), embedded.port() == null ? 0 : embedded.port(),
                embedded.startupWait());
    }

    /** The {@link #DATA_DIR} setting. */
    static String serviceDir(Environment env) {
        return Binder.get(env).bindOrCreate("users", ServiceSettings.class).dataDir();
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
