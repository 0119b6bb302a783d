package dev.users.query.directory;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Tells readers waiting for their write (read-your-writes) the moment a batch of the directory processor commits,
 * so that a waiter re-reads its row right then instead of polling on a timer.
 */
@Configuration(proxyBeanMethods = false)
public class DirectoryProgress {

    private static final String REGISTERED = DirectoryProgress.class.getName();
    /** A safety net only: commits wake waiters at once; this bounds a wait should a wake-up ever be missed. */
    private static final long MAX_WAIT = TimeUnit.MILLISECONDS.toNanos(50);

    private final Object monitor = new Object();
    private long commits;

    /** Every batch of the directory's processing group wakes the waiters once, after its transaction commits. */
    @Bean
    ConfigurerModule wakeWaitersAfterDirectoryCommits() {
        return configurer -> configurer.eventProcessing().registerHandlerInterceptor(UserDirectoryProjection.GROUP,
                c -> (unitOfWork, chain) -> {
                    UnitOfWork<?> batch = unitOfWork.root();
                    if (batch.resources().putIfAbsent(REGISTERED, Boolean.TRUE) == null) {
                        batch.afterCommit(u -> wake());
                    }
                    return chain.proceed();
                });
    }

    /**
     * Checks {@code condition} now and again after every directory commit until it holds (true) or {@code timeout}
     * passes (false). The commit count is read before each check, so a commit between check and wait is not missed.
     */
    public boolean awaitUntil(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long seen = commits();
            if (condition.getAsBoolean()) {
                return true;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            try {
                awaitCommitAfter(seen, Math.min(MAX_WAIT, left));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private long commits() {
        synchronized (monitor) {
            return commits;
        }
    }

    private void awaitCommitAfter(long seen, long nanos) throws InterruptedException {
        long deadline = System.nanoTime() + nanos;
        synchronized (monitor) {
            long left = nanos;
            while (commits == seen && left > 0) {
                TimeUnit.NANOSECONDS.timedWait(monitor, left);
                left = deadline - System.nanoTime();
            }
        }
    }

    private void wake() {
        synchronized (monitor) {
            commits++;
            monitor.notifyAll();
        }
    }
}
