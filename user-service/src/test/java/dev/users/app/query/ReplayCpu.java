package dev.users.app.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * CPU time of this JVM (per thread name) and of the embedded PostgreSQL (postmaster and children), from /proc: on a
 * shared machine wall time measures the neighbours as much as the replay, CPU time much less so. Linux only.
 */
final class ReplayCpu {

    private static final double TICK = 0.01; // USER_HZ is 100 on Linux

    private final Map<String, Long> jvmThreads;
    private final long jvmNanos;
    private final long postgresTicks;
    private final Path postmasterPid;

    private ReplayCpu(Path postmasterPid) {
        this.postmasterPid = postmasterPid;
        this.jvmThreads = jvmThreadTicks();
        this.jvmNanos = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        this.postgresTicks = postgresTicks(postmasterPid);
    }

    /** @param dataDirectory the embedded server's data directory ({@code show data_directory}) */
    static ReplayCpu now(String dataDirectory) {
        return new ReplayCpu(Path.of(dataDirectory).resolve("postmaster.pid"));
    }

    ReplayCpu next() {
        return new ReplayCpu(postmasterPid);
    }

    double jvmSecondsSince(ReplayCpu before) {
        return (jvmNanos - before.jvmNanos) / 1e9;
    }

    double postgresSecondsSince(ReplayCpu before) {
        return (postgresTicks - before.postgresTicks) * TICK;
    }

    /** Threads that used more than 0.2 s since {@code before}, by name (pool numbers folded to N). */
    void busyThreadsSince(ReplayCpu before, BiConsumer<String, Double> seconds) {
        jvmThreads.forEach((name, ticks) -> {
            long used = ticks - before.jvmThreads.getOrDefault(name, 0L);
            if (used > 20) {
                seconds.accept(name, used * TICK);
            }
        });
    }

    private static Map<String, Long> jvmThreadTicks() {
        Map<String, Long> ticks = new TreeMap<>();
        forEachStat(Path.of("/proc/self/task"), (name, fields) ->
                ticks.merge(name.replaceAll("\\d+", "N"), cpuTicks(fields), Long::sum));
        return ticks;
    }

    private static long postgresTicks(Path postmasterPid) {
        try {
            String postmaster = Files.readAllLines(postmasterPid).get(0).strip();
            long[] ticks = {0};
            forEachStat(Path.of("/proc"), (pid, fields) -> {
                if (pid.equals(postmaster) || fields[1].equals(postmaster)) {
                    ticks[0] += cpuTicks(fields);
                }
            });
            return ticks[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * For each numbered entry of {@code dir}: the thread's name (for tasks) or the pid (for processes), and the stat
     * fields after the name (state, ppid, …).
     */
    private static void forEachStat(Path dir, BiConsumer<String, String[]> action) {
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path entry : entries.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String stat = Files.readString(entry.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    boolean task = dir.endsWith("task");
                    action.accept(task ? stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
                            : entry.getFileName().toString(), fields);
                } catch (IOException gone) {
                    // ended meanwhile
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** utime + stime: fields 14 and 15 of stat, i.e. 11 and 12 after the name. */
    private static long cpuTicks(String[] fields) {
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
