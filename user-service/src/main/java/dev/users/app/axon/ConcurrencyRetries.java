package dev.users.app.axon;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command again when its append lost a race: another node (or another request on this one) appended the
 * user's next event first, and the unique (aggregate, sequence number) of the event store refused this one (Axon's
 * {@link ConcurrencyException}). With several nodes the loser often worked on a stale cached aggregate; the failed
 * unit of work evicted it, so the retry loads the user's current events and applies the command to them, as the
 * client meant (a command with {@code If-Match} is then checked against the real version). After
 * {@link #MAX_RETRIES} lost races the client gets the 409. Nothing else is retried: a database outage answers 503
 * at once, a rule's refusal is final.
 */
final class ConcurrencyRetries implements RetryScheduler {

    static final int MAX_RETRIES = 3;

    private final ScheduledExecutorService retries = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "command-retry");
        thread.setDaemon(true);
        return thread;
    });

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable dispatchTask) {
        if (failures.size() > MAX_RETRIES || !lostARace(lastFailure)) {
            return false;
        }
        // a few milliseconds apart, at random: two nodes that collided once do not collide again in step
        long delay = ThreadLocalRandom.current().nextLong(1, 10L * failures.size());
        retries.schedule(dispatchTask, delay, TimeUnit.MILLISECONDS);
        return true;
    }

    private static boolean lostARace(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }
}
