package dev.users.clientit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The service as the README starts it ({@code java -XX:SharedArchiveFile=… -jar user-service/target/app/…}, with
 * {@code USERS_BOOTSTRAP_API_KEY}), as a child process on a fresh data directory and a free port. This module knows
 * the service only as a user of it does: the jar, its settings and its HTTP API.
 */
final class RunningService implements AutoCloseable {

    private static final Path APP = Path.of(System.getProperty("users.app.dir", "../user-service/target/app"));
    private static final Duration START = Duration.ofSeconds(120);

    private final Process process;
    private final Path log;
    private final int port;

    private RunningService(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    static RunningService start(String bootstrapKey) throws IOException, InterruptedException {
        Path jar = APP.resolve("user-service.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: `./mvnw verify` packages user-service before this "
                    + "module's integration test");
        }
        Path dataDir = Path.of("target/walk-through-data");
        deleteRecursively(dataDir);
        Files.createDirectories(dataDir);
        Path log = Path.of("target/walk-through-service.log");
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:SharedArchiveFile=" + APP.resolve("user-service.jsa"), "-Xmx192m", "-XX:+UseSerialGC",
                "-jar", jar.toString(), "--users.data-dir=" + dataDir.toAbsolutePath(), "--server.port=" + port))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("USERS_BOOTSTRAP_API_KEY", bootstrapKey);
        RunningService service = new RunningService(builder.start(), log, port);
        service.awaitReady();
        return service;
    }

    String baseUri() {
        return "http://localhost:" + port;
    }

    /** Polls readiness until it answers 200, the process dies, or the deadline passes. */
    private void awaitReady() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUri() + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + START.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited; its log: " + Files.readString(log));
            }
            try {
                if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // the port opens a moment after the process starts
            }
            process.waitFor(200, TimeUnit.MILLISECONDS);
        }
        throw new IllegalStateException("the service was not ready within " + START + "; its log: " + log);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
