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
                .isEqualTo("users service, pid " + ProcessHandle.current().pid());

        assertThatThrownBy(() -> DataDirectoryLock.acquire(dataDir.resolve("..").resolve(dataDir.getFileName())))
                .isInstanceOf(DataDirectoryLock.DataDirectoryInUse.class)
                .hasMessageContaining("is in use by another service in this process");

        first.close();
        DataDirectoryLock.acquire(dataDir).close();
    }

    @Test
    void aMissingDirectoryIsCreated() {
        Path missing = dataDir.resolve("new").resolve("data");
        try (DataDirectoryLock lock = DataDirectoryLock.acquire(missing)) {
            assertThat(missing.resolve(DataDirectoryLock.FILE_NAME)).exists();
        }
    }
}
