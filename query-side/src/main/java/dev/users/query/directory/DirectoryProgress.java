package dev.users.query.directory;

import dev.users.signals.Occurrences;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Tells readers waiting for their write (read-your-writes) the moment a batch of the directory processor commits, and
 * which version of each user it committed, so that a waiter reads its row once, when it is there, instead of
 * re-reading it after every commit (several reads per write under load).
 */
@Configuration(proxyBeanMethods = false)
public class DirectoryProgress {

    private static final String BATCH_VERSIONS = DirectoryProgress.class.getName();
    /**
     * A safety net only: when this node's processor does not report the version (another node's processor applied
     * it, or it was committed before the waiter came and forgotten since), the row is re-read this often.
     */
    private static final long RECHECK = TimeUnit.MILLISECONDS.toNanos(50);
    /** How many users' last committed versions are remembered: enough for every write in flight. */
    private static final int REMEMBERED_USERS = 10_000;

    private final Occurrences commits = new Occurrences();
    /** The last committed version of each recently written user; guarded by itself. */
    private final Map<UUID, Long> committedVersions = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Long> eldest) {
            return size() > REMEMBERED_USERS;
        }
    };

    /**
     * Every batch of the directory's processing group collects the versions of the users it handles and reports them
     * once, after its transaction commits.
     */
    @Bean
    ConfigurerModule reportDirectoryCommits() {
        return configurer -> configurer.eventProcessing().registerHandlerInterceptor(UserDirectoryProjection.GROUP,
                c -> (unitOfWork, chain) -> {
                    UnitOfWork<?> batch = unitOfWork.root();
                    Map<UUID, Long> versions = batch.getOrComputeResource(BATCH_VERSIONS, key -> {
                        Map<UUID, Long> created = new HashMap<>();
                        batch.afterCommit(u -> committed(created));
                        return created;
                    });
                    if (unitOfWork.getMessage() instanceof DomainEventMessage<?> event) {
                        versions.merge(UUID.fromString(event.getAggregateIdentifier()), event.getSequenceNumber(),
                                Math::max);
                    }
                    return chain.proceed();
                });
    }

    /**
     * Checks {@code condition} now and again after every directory commit until it holds (true) or {@code timeout}
     * passes (false). The commit count is read before each check, so a commit between check and wait is not missed.
     */
    public boolean awaitUntil(BooleanSupplier condition, Duration timeout) {
        return await(commits::count, Long.MIN_VALUE, condition, timeout);
    }

    /**
     * Waits until {@code condition} (a read of the user's row) holds, checking it only when this node has committed
     * version {@code minVersion} or later of the user (or {@code RECHECK} passed without word of it): one read per
     * write in the usual case. True when the condition held, false when {@code timeout} passed first.
     */
    public boolean awaitVersion(UUID userId, long minVersion, BooleanSupplier condition, Duration timeout) {
        return await(() -> committedVersion(userId), minVersion, condition, timeout);
    }

    /**
     * Checks {@code condition} whenever {@code progress} has moved to a new value of at least {@code needed} (and every
     * {@code RECHECK} regardless), waking on each directory commit, until it holds or {@code timeout} passes.
     */
    private boolean await(LongSupplier progress, long needed, BooleanSupplier condition, Duration timeout) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        Long checked = null; // the progress last checked at: none yet, so the first round counts as news
        long recheckAt = start + RECHECK;
        while (true) {
            long seen = commits.count();
            long reached = progress.getAsLong();
            long now = System.nanoTime();
            boolean news = (checked == null || reached != checked) && reached >= needed;
            if (news || now - recheckAt >= 0) {
                if (condition.getAsBoolean()) {
                    return true;
                }
                checked = reached;
                recheckAt = now + RECHECK;
            }
            long left = deadline - now;
            if (left <= 0) {
                return false;
            }
            try {
                commits.awaitAfter(seen, Math.min(recheckAt - now, left));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private long committedVersion(UUID userId) {
        synchronized (committedVersions) {
            return committedVersions.getOrDefault(userId, -1L);
        }
    }

    private void committed(Map<UUID, Long> versions) {
        commits.occurred(() -> {
            synchronized (committedVersions) {
                versions.forEach((user, version) -> {
                    committedVersions.remove(user); // re-inserted last: the map forgets the least recently written
                    committedVersions.put(user, version);
                });
            }
        });
    }
}
