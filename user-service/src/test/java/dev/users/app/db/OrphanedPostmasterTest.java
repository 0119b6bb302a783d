package dev.users.app.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a start does with a {@code postmaster.pid} that names no server of the directory. A live server left running
 * is stopped in CrashRecoveryIT, with the built service.
 */
class OrphanedPostmasterTest {

    @TempDir
    Path pgData;

    @Test
    void aPidFileNamingAnotherLiveProcessIsRemovedAndThatProcessLeftAlone() throws Exception {
        // this JVM: alive, and no PostgreSQL server (a pid reused after a reboot)
        Path pidFile = pidFile(ProcessHandle.current().pid() + "\n" + pgData + "\n");
        RecoveryNotes notes = new RecoveryNotes();

        OrphanedPostmaster.stopIfRunning(pgData, notes);

        assertThat(pidFile).doesNotExist();
        assertThat(ProcessHandle.current().isAlive()).isTrue();
    }

    @Test
    void anUnreadablePidFileIsRemoved() throws Exception {
        Path pidFile = pidFile("");

        OrphanedPostmaster.stopIfRunning(pgData, new RecoveryNotes());

        assertThat(pidFile).doesNotExist();
    }

    @Test
    void aPidFileOfADeadServerIsLeftToPostgreSqlsOwnRecovery() throws Exception {
        Process exited = new ProcessBuilder("true").start();
        exited.waitFor();
        Path pidFile = pidFile(exited.pid() + "\n" + pgData + "\n");

        OrphanedPostmaster.stopIfRunning(pgData, new RecoveryNotes());

        assertThat(pidFile).exists();
    }

    @Test
    void thisJvmIsNoPostmaster() {
        assertThat(PostmasterIdentity.of(ProcessHandle.current(), pgData)).isEqualTo(PostmasterIdentity.OTHER_PROCESS);
    }

    private Path pidFile(String contents) throws Exception {
        return Files.writeString(pgData.resolve(OrphanedPostmaster.PID_FILE), contents);
    }
}
