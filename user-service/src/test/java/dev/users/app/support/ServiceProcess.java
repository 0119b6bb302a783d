package dev.users.app.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * The built service (the jar {@code package} unpacks into {@code target/app}, with its class-data-sharing archive,
 * as README's start command runs it) as a child process on a data directory, with fixed HTTP and PostgreSQL ports so
 * that a restart on the same directory answers at the same addresses. For tests of what a crash leaves behind.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Path APP = Path.of(System.getProperty("users.app.dir", "target/app"));

    private final Path dataDir;
    private final int httpPort;
    private final int postgresPort;
    private final Process process;
    private final Path log;
    private final long launchedAt;

    private ServiceProcess(Path dataDir, int httpPort, int postgresPort, Process process, Path log, long launchedAt) {
        this.dataDir = dataDir;
        this.httpPort = httpPort;
        this.postgresPort = postgresPort;
        this.process = process;
        this.log = log;
        this.launchedAt = launchedAt;
    }

    /** Launches the service on this data directory; its output goes to {@code log}. */
    public static ServiceProcess launch(Path dataDir, int httpPort, int postgresPort, String bootstrapKey, Path log) {
        return launch(dataDir, httpPort, postgresPort, bootstrapKey, log, List.of());
    }

    /** Like {@link #launch(Path, int, int, String, Path)}, with more settings ({@code --name=value}). */
    public static ServiceProcess launch(Path dataDir, int httpPort, int postgresPort, String bootstrapKey, Path log,
                                        List<String> settings) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:SharedArchiveFile=" + APP.resolve("user-service.jsa"),
                "-Xmx192m", "-XX:+UseSerialGC",
                "-jar", APP.resolve("user-service.jar").toString(),
                "--users.data-dir=" + dataDir,
                "--server.port=" + httpPort,
                "--users.embedded.port=" + postgresPort,
                "--spring.main.banner-mode=off"));
        command.addAll(settings);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("USERS_BOOTSTRAP_API_KEY", bootstrapKey);
        long launchedAt = System.nanoTime();
        try {
            return new ServiceProcess(dataDir, httpPort, postgresPort, builder.start(), log, launchedAt);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot launch " + builder.command(), e);
        }
    }

    /** A port that is free now (the service binds it a moment later). */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Http http(String key) {
        return new Http(httpPort, key);
    }

    public int httpPort() {
        return httpPort;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgresPort + "/postgres";
    }

    /** Waits until the health endpoint answers 200, and returns how long that took from the launch. */
    public Duration awaitReady(Duration limit) {
        return awaitReady(limit, new Http(httpPort, null));
    }

    /** Like {@link #awaitReady(Duration)}, asking through {@code anonymous} (e.g. over HTTPS). */
    public Duration awaitReady(Duration limit, Http anonymous) {
        await().atMost(limit).pollInterval(Duration.ofMillis(50)).ignoreExceptions()
                .failFast("the service exited; its log: " + log, () -> !process.isAlive())
                .until(() -> anonymous.get("/actuator/health").status() == 200);
        return Duration.ofNanos(System.nanoTime() - launchedAt);
    }

    /** Waits for the process to end by itself and returns its exit code. */
    public int awaitExit(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the service did not exit within " + limit + "; its log: " + log);
        }
        return process.exitValue();
    }

    public String output() throws IOException {
        return Files.readString(log);
    }

    /** The service's JVM process id (for reading its threads and memory in /proc). */
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM, as a container runtime or systemd stops a service; returns at once (see {@link #awaitExit}). */
    public void terminate() {
        process.destroy();
    }

    /** SIGKILL for the JVM alone, as the out-of-memory killer does it: its embedded PostgreSQL is left running. */
    public void killJvm() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /**
     * SIGKILL for the JVM and every process of its embedded PostgreSQL, as a power loss ends them. The server's
     * processes are each their own process group (PostgreSQL detaches them), so they are killed one by one.
     */
    public void killJvmAndDatabase() throws InterruptedException {
        List<ProcessHandle> database = postmaster().map(ServiceProcess::withDescendants).orElseThrow(
                () -> new AssertionError("no embedded PostgreSQL is running on " + dataDir));
        process.destroyForcibly();
        database.forEach(ProcessHandle::destroyForcibly);
        process.waitFor();
        await().atMost(Duration.ofSeconds(10)).until(() -> database.stream().noneMatch(ProcessHandle::isAlive));
    }

    /** The live postmaster {@code postmaster.pid} names, if any. */
    public Optional<ProcessHandle> postmaster() {
        return postmasterOf(dataDir);
    }

    private static Optional<ProcessHandle> postmasterOf(Path dataDir) {
        Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty() ? Optional.empty()
                    : ProcessHandle.of(Long.parseLong(lines.get(0).strip())).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Stops the service cleanly if it still runs (its embedded PostgreSQL stops with it). */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
        }
    }

    /**
     * Ends a PostgreSQL server that a killed service of a test left running on this data directory and no later
     * start stopped (the test failed before): called once every service of the test has ended.
     */
    public static void endServerLeftOn(Path dataDir) {
        postmasterOf(dataDir)
                .filter(postmaster -> postmaster.info().arguments().map(List::of).orElse(List.of())
                        .contains(dataDir.resolve("postgres").toString()))
                .map(ServiceProcess::withDescendants)
                .ifPresent(left -> left.forEach(ProcessHandle::destroyForcibly));
    }

    private static List<ProcessHandle> withDescendants(ProcessHandle process) {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process);
        return all;
    }
}
