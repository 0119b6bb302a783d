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

    private final Path directory;
    private final FileChannel channel;

    private DataDirectoryLock(Path directory, FileChannel channel) {
        this.directory = directory;
        this.channel = channel;
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
            if (lock == null) {
                String owner = contents(channel);
                channel.close();
                throw new DataDirectoryInUse(directory, owner.isEmpty() ? "another process" : owner);
            }
            // for the message of a start refused while this one runs
            byte[] owner = ("users service, pid " + ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8);
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(owner), 0);
            return new DataDirectoryLock(directory, channel);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot lock the data directory " + directory, e);
        }
    }

    /** Releases the lock: only once this service's PostgreSQL has stopped. */
    @Override
    public void close() {
        try {
            channel.close();
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
