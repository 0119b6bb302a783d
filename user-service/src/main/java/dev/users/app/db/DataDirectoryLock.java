package dev.users.app.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;

/**
 * An operating-system lock on {@code <data-dir>/service.lock}, held for as long as this service uses the data
 * directory. The kernel releases it when the process ends, however it ends (SIGKILL, the out-of-memory killer), so
 * holding it proves that no other live service uses the directory: a PostgreSQL server still running on it was left
 * behind by a dead one ({@link OrphanedPostmaster}), and token claims in its store belong to dead nodes
 * ({@link AbandonedTokenClaims}). A start that cannot take it refuses: it must never touch a live sibling's database.
 */
final class DataDirectoryLock implements AutoCloseable {

    static final String FILE_NAME = "service.lock";

    // The kernel's record locks belong to the process, and closing any channel of the file drops them all: a second
    // start in this JVM on the same directory is refused from this set, without opening the file.
    private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

    private static final String RUNNING = " (running)";
    private static final String STOPPED = " (stopped cleanly)";

    private final Path directory;
    private final FileChannel channel;
    private final String holder;
    private final boolean previousStoppedCleanly;

    private DataDirectoryLock(Path directory, FileChannel channel, String holder, boolean previousStoppedCleanly) {
        this.directory = directory;
        this.channel = channel;
        this.holder = holder;
        this.previousStoppedCleanly = previousStoppedCleanly;
    }

    /**
     * Whether the service that held the lock before released it by stopping cleanly: false after a crash (and on a
     * directory without a lock file, where nothing is known), when whatever it left behind must be cleared away.
     */
    boolean previousStoppedCleanly() {
        return previousStoppedCleanly;
    }

    /** Takes the lock of this data directory (creating the directory), or throws {@link DataDirectoryInUse}. */
    static DataDirectoryLock acquire(Path dataDir) {
        Path directory = realDirectory(dataDir);
        if (!HELD_HERE.add(directory)) {
            throw new DataDirectoryInUse(directory, "another service in this process");
        }
        try {
            return lock(directory);
        } catch (RuntimeException e) {
            HELD_HERE.remove(directory);
            throw e;
        }
    }

    private static DataDirectoryLock lock(Path directory) {
        FileChannel channel = null;
        try {
            channel = FileChannel.open(directory.resolve(FILE_NAME), CREATE, READ, WRITE);
            FileLock lock = channel.tryLock();
            String previous = contents(channel);
            if (lock == null) {
                channel.close();
                throw new DataDirectoryInUse(directory,
                        previous.isEmpty() ? "another process" : previous.replace(RUNNING, ""));
            }
            // who holds it, for the message of a start refused meanwhile; on a clean stop, that it stopped cleanly
            String holder = "users service, pid " + ProcessHandle.current().pid();
            write(channel, holder + RUNNING);
            return new DataDirectoryLock(directory, channel, holder, previous.endsWith(STOPPED));
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot lock the data directory " + directory, e);
        }
    }

    /** Releases the lock, noting a clean stop: only once this service's PostgreSQL has stopped. */
    @Override
    public void close() {
        release(true);
    }

    /** Releases the lock after a start that failed: what a crash before it left is still to be cleared away. */
    void releaseAfterFailedStart() {
        release(previousStoppedCleanly);
    }

    private void release(boolean stoppedCleanly) {
        try (channel) {
            if (stoppedCleanly) {
                write(channel, holder + STOPPED);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release the lock of " + directory, e);
        } finally {
            HELD_HERE.remove(directory);
        }
    }

    private static Path realDirectory(Path dataDir) {
        try {
            return Files.createDirectories(dataDir.toAbsolutePath().normalize()).toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dataDir, e);
        }
    }

    private static String contents(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(200);
        channel.read(buffer, 0);
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
    }

    private static void write(FileChannel channel, String contents) throws IOException {
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(contents.getBytes(StandardCharsets.UTF_8)), 0);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the lock was not taken; nothing to release
            }
        }
    }

    /** Another live service owns the data directory. */
    static final class DataDirectoryInUse extends IllegalStateException {
        DataDirectoryInUse(Path directory, String owner) {
            super("The data directory " + directory + " is in use by " + owner + ". Two services never share one "
                    + "data directory: stop that one, or start this one with another users.data-dir.");
        }
    }
}
