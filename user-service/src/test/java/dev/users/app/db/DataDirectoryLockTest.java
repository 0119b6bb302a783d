package dev.users.app.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The lock between services of this JVM (CrashRecoveryIT checks it between processes, with the built service). */
class DataDirectoryLockTest {

    @TempDir
    Path dataDir;

    @Test
    void aSecondLockOfTheDirectoryIsRefusedUntilTheFirstIsReleased() throws Exception {
        DataDirectoryLock first = DataDirectoryLock.acquire(dataDir);
        assertThat(Files.readString(dataDir.resolve(DataDirectoryLock.FILE_NAME)))
                .isEqualTo("users service, pid " + ProcessHandle.current().pid() + " (running)");

        assertThatThrownBy(() -> DataDirectoryLock.acquire(dataDir.resolve("..").resolve(dataDir.getFileName())))
                .isInstanceOf(DataDirectoryLock.DataDirectoryInUse.class)
                .hasMessageContaining("is in use by another service in this process");

        first.close();
        DataDirectoryLock.acquire(dataDir).close();
    }

    @Test
    void aCleanStopIsKnownToTheNextHolderAndACrashIsNot() throws Exception {
        try (DataDirectoryLock first = DataDirectoryLock.acquire(dataDir)) {
            assertThat(first.previousStoppedCleanly()).as("nothing is known of a directory's first holder").isFalse();
        }
        try (DataDirectoryLock second = DataDirectoryLock.acquire(dataDir)) {
            assertThat(second.previousStoppedCleanly()).isTrue();
        }
        // what a holder killed while it ran leaves in the file
        Files.writeString(dataDir.resolve(DataDirectoryLock.FILE_NAME), "users service, pid 4242 (running)");
        DataDirectoryLock afterCrash = DataDirectoryLock.acquire(dataDir);
        assertThat(afterCrash.previousStoppedCleanly()).isFalse();
        afterCrash.releaseAfterFailedStart();
        try (DataDirectoryLock afterFailedStart = DataDirectoryLock.acquire(dataDir)) {
            assertThat(afterFailedStart.previousStoppedCleanly()).as("a failed start cleared nothing away").isFalse();
        }
    }

    @Test
    void aMissingDirectoryIsCreated() {
        Path missing = dataDir.resolve("new").resolve("data");
        try (DataDirectoryLock lock = DataDirectoryLock.acquire(missing)) {
            assertThat(missing.resolve(DataDirectoryLock.FILE_NAME)).exists();
        }
    }
}
