package dev.users.app.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a live process named in {@code postmaster.pid} is, from its command line as the operating system shows it
 * (ProcessHandle: /proc on Linux, sysctl on macOS). The embedded server always runs as {@code postgres -D <dir> …}
 * (zonky starts it so through pg_ctl), so a process is only taken for this directory's server when both match.
 */
enum PostmasterIdentity {

    /** A postgres (or postmaster) process started with {@code -D} this data directory. */
    THIS_DATA_DIRECTORY,
    /** Some other program, or a PostgreSQL server of another directory: the pid was reused. */
    OTHER_PROCESS,
    /** Its command line cannot be read (another user's process): nothing may be concluded. */
    UNKNOWN;

    private static final Set<String> SERVER_PROGRAMS = Set.of("postgres", "postmaster");

    static PostmasterIdentity of(ProcessHandle process, Path pgData) {
        ProcessHandle.Info info = process.info();
        Optional<String> command = info.command();
        Optional<String[]> arguments = info.arguments();
        if (command.isEmpty() || arguments.isEmpty()) {
            return UNKNOWN;
        }
        Path program = Path.of(command.get()).getFileName();
        if (program == null || !SERVER_PROGRAMS.contains(program.toString())) {
            return OTHER_PROCESS;
        }
        return dataDirectoryArgument(Arrays.asList(arguments.get()))
                .filter(dir -> sameDirectory(dir, pgData))
                .map(dir -> THIS_DATA_DIRECTORY)
                .orElse(OTHER_PROCESS);
    }

    private static Optional<Path> dataDirectoryArgument(List<String> arguments) {
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (argument.equals("-D") && i + 1 < arguments.size()) {
                return Optional.of(Path.of(arguments.get(i + 1)));
            }
            if (argument.startsWith("-D") && argument.length() > 2) {
                return Optional.of(Path.of(argument.substring(2)));
            }
        }
        return Optional.empty();
    }

    private static boolean sameDirectory(Path argument, Path pgData) {
        Path normalized = argument.toAbsolutePath().normalize();
        if (normalized.equals(pgData.toAbsolutePath().normalize())) {
            return true;
        }
        try {
            return Files.isSameFile(normalized, pgData);
        } catch (IOException e) {
            return false;
        }
    }
}
