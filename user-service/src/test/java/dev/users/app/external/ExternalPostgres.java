package dev.users.app.external;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/**
 * A standalone PostgreSQL for the service to use as its external database ({@code spring.datasource.url}), made
 * from the same binaries the embedded mode runs, on a data directory and a port of its own. It can be stopped and
 * started again on the same directory and port, as an operator restarts a database server.
 */
final class ExternalPostgres implements AutoCloseable {

    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres server;

    private ExternalPostgres(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    static ExternalPostgres start(Path dataDirectory, int port) {
        ExternalPostgres postgres = new ExternalPostgres(dataDirectory, port);
        postgres.start();
        return postgres;
    }

    /** Starts the server on its directory (initialised on the first start, kept as it is after). */
    void start() {
        try {
            server = EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false)
                    .setPort(port).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL on " + dataDirectory, e);
        }
    }

    /** Stops the server (pg_ctl's fast mode: open sessions are ended), keeping its data. */
    void stop() {
        try {
            server.close();
            server = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop PostgreSQL on " + dataDirectory, e);
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    /** The settings that point a service at this server. */
    List<String> serviceSettings() {
        return List.of("--spring.datasource.url=" + jdbcUrl(), "--spring.datasource.username=postgres");
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), "postgres", "");
    }

    @Override
    public void close() {
        if (server != null) {
            stop();
        }
    }
}
