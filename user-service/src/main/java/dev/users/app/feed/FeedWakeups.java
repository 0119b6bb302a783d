package dev.users.app.feed;

import dev.users.signals.Occurrences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import dev.users.app.axon.EventStoreSettings;
import dev.users.app.metrics.ServiceMetrics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Wakes the feed's long polls and the streams when there may be new events: at once after this node committed an
 * append ({@code localAppends}), and every {@code users.event-store.poll-interval} for other nodes' appends and the
 * streams' heartbeats. A waiter holds no thread while it waits; one thread watches the appends, and a small pool runs
 * the waiters' reads, each waiter at most once at a time (a waiter still reading when the next wake comes runs once
 * more afterwards, not once per append).
 */
@Component
public class FeedWakeups implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(FeedWakeups.class);
    /** Appends closer together than this wake the waiters once: one read then serves many appends. */
    private static final long COALESCE_MILLIS = 5;

    /** Something waiting for events; {@link #wake} returns false once it waits no more. */
    public interface Waiter {
        boolean wake();

        /**
         * The node is stopping: answer now and wait no more. An open stream or long poll would otherwise hold the web
         * server's graceful shutdown for its whole timeout (it waits for every request in progress).
         */
        void ending();
    }

    private final Occurrences appends;
    private final long pollNanos;
    private final int readerThreads;
    // made at each start: a lifecycle stop (a context stopped and started again) ends the pool for good
    private volatile ExecutorService readers;
    private final Set<Registration> waiters = ConcurrentHashMap.newKeySet();
    private volatile Thread watcher;

    FeedWakeups(@Qualifier("localAppends") Occurrences appends,
                EventStoreSettings eventStore, FeedSettings settings, MeterRegistry registry) {
        this.appends = appends;
        this.pollNanos = eventStore.pollInterval().toNanos();
        this.readerThreads = settings.readerThreads();
        this.readers = newReaders();
        Gauge.builder(ServiceMetrics.FEED_WAITERS, this, FeedWakeups::waiting)
                .description("event streams and long polls open on this node").register(registry);
    }

    private ExecutorService newReaders() {
        return Executors.newFixedThreadPool(readerThreads, runnable -> {
            Thread thread = new Thread(runnable, "feed-reader");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Runs the waiter now (on a reader thread) and after every wake until it returns false. */
    public void register(Waiter waiter) {
        Registration registration = new Registration(waiter);
        waiters.add(registration);
        registration.schedule();
    }

    private final class Registration {
        private final Waiter waiter;
        private final AtomicBoolean scheduled = new AtomicBoolean();
        private final AtomicBoolean again = new AtomicBoolean();

        Registration(Waiter waiter) {
            this.waiter = waiter;
        }

        void schedule() {
            if (!scheduled.compareAndSet(false, true)) {
                again.set(true);
                return;
            }
            readers.execute(this::run);
        }

        private void run() {
            boolean waiting;
            do {
                again.set(false);
                try {
                    waiting = waiter.wake();
                } catch (RuntimeException e) {
                    LOG.warn("an event feed waiter failed and stops waiting", e);
                    waiting = false;
                }
            } while (waiting && again.get());
            if (!waiting) {
                waiters.remove(this);
            }
            scheduled.set(false);
            if (waiting && again.get()) {
                schedule();
            }
        }
    }

    private void watch() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                long seen = appends.count();
                appends.awaitAfter(seen, pollNanos);
                waiters.forEach(Registration::schedule);
                Thread.sleep(COALESCE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** How many waiters there are (the streams and long polls open now). */
    public int waiting() {
        return waiters.size();
    }

    @Override
    public void start() {
        if (readers.isShutdown()) {
            readers = newReaders();
        }
        Thread thread = new Thread(this::watch, "feed-wakeups");
        thread.setDaemon(true);
        watcher = thread;
        thread.start();
    }

    @Override
    public void stop() {
        Thread thread = watcher;
        watcher = null;
        if (thread != null) {
            thread.interrupt();
        }
        readers.shutdownNow();
        for (Registration registration : waiters) {
            waiters.remove(registration);
            try {
                registration.waiter.ending();
            } catch (RuntimeException e) {
                LOG.warn("an event feed waiter failed to end", e);
            }
        }
    }

    @Override
    public boolean isRunning() {
        return watcher != null;
    }
}
