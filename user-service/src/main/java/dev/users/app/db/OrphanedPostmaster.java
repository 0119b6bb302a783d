package dev.users.app.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A PostgreSQL server left running on the data directory by a service that died (SIGKILL, the out-of-memory killer):
 * pg_ctl detaches the server from the JVM, so it outlives it, and its {@code postmaster.pid} makes every new server
 * refuse the directory. Only ever looked for with the {@link DataDirectoryLock} held, which proves its service dead.
 * It is asked to stop as PostgreSQL's own "smart" shutdown (SIGTERM: its clients died with the JVM, so it ends at
 * once); one that does not stop in time is killed with its children, and the next server's crash recovery replays
 * its write-ahead log, as after a power loss.
 */
final class OrphanedPostmaster {

    static final String PID_FILE = "postmaster.pid";
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(15);
    private static final Duration KILL_WAIT = Duration.ofSeconds(5);
    private static final Duration EXIT_WAIT = Duration.ofSeconds(5);

    private OrphanedPostmaster() {
    }

    /** Stops the server that {@code postmaster.pid} names, if it is a live postmaster of this data directory. */
    static void stopIfRunning(Path pgData, RecoveryNotes notes) {
        Path pidFile = pgData.resolve(PID_FILE);
        if (!Files.exists(pidFile)) {
            return; // the last server stopped cleanly, or there never was one
        }
        Optional<Long> pid = pidIn(pidFile);
        if (pid.isEmpty()) {
            // PostgreSQL writes the file whole; an unreadable one is a remnant of a power loss, and it would refuse
            // to start on it ("lock file is empty")
            delete(pidFile);
            notes.add("Removed the unreadable " + pidFile + " of a server that stopped without cleaning up");
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            notes.add("The last PostgreSQL server on " + pgData + " (pid " + pid.get() + ") did not stop cleanly; "
                    + "it recovers from its write-ahead log");
            return;
        }
        switch (PostmasterIdentity.of(process.get(), pgData)) {
            case THIS_DATA_DIRECTORY -> stop(process.get(), pgData, notes);
            case OTHER_PROCESS -> {
                // the server died and its pid now belongs to another process (after a reboot, say): PostgreSQL would
                // take that one for a live server of the directory and refuse to start
                delete(pidFile);
                notes.add("Removed the stale " + pidFile + ": its pid " + pid.get() + " is now "
                        + process.get().info().command().orElse("another process") + ", not a server of this directory");
            }
            case UNKNOWN -> {
                // most often a server that is still exiting (killed along with its service a moment ago): it shows
                // no command line any more
                if (awaitExit(List.of(process.get()), EXIT_WAIT)) {
                    notes.add("The last PostgreSQL server on " + pgData + " (pid " + pid.get() + ") was still "
                            + "exiting; it recovers from its write-ahead log");
                } else {
                    notes.add(pidFile + " names process " + pid.get() + ", which this service cannot inspect; "
                            + "PostgreSQL decides whether it still owns the directory");
                }
            }
        }
    }

    private static void stop(ProcessHandle postmaster, Path pgData, RecoveryNotes notes) {
        String orphan = "the PostgreSQL server (pid " + postmaster.pid() + ") that a service which did not stop "
                + "cleanly left running on " + pgData;
        long began = System.nanoTime();
        // taken now: once the postmaster is gone its children are no longer its descendants
        List<ProcessHandle> children = postmaster.descendants().toList();
        postmaster.destroy();
        if (awaitExit(List.of(postmaster), SHUTDOWN_WAIT)) {
            notes.add("Stopped " + orphan + " in " + Duration.ofNanos(System.nanoTime() - began).toMillis() + " ms");
            return;
        }
        notes.add("Killed " + orphan + ": it did not stop within " + SHUTDOWN_WAIT.toSeconds() + " s; PostgreSQL "
                + "recovers from its write-ahead log");
        postmaster.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        List<ProcessHandle> all = new ArrayList<>(children);
        all.add(postmaster);
        if (!awaitExit(all, KILL_WAIT)) {
            throw new IllegalStateException("PostgreSQL server " + postmaster.pid() + " left running on " + pgData
                    + " cannot be stopped; stop it by hand");
        }
    }

    /** Polled: for a process that is not its child the JDK's onExit() polls too, first after 300 ms. */
    private static boolean awaitExit(List<ProcessHandle> processes, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (processes.stream().anyMatch(ProcessHandle::isAlive)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private static Optional<Long> pidIn(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pidFile, e);
        }
    }

    private static void delete(Path pidFile) {
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the stale " + pidFile, e);
        }
    }
}
