package dev.users.app.auth;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per API key on this node (Bucket4j's lock-free bucket, so the limit holds across the node's
 * threads): {@code users.rate-limit.burst} requests at once, refilled at {@code users.rate-limit.per-second}. Nodes
 * count apart: behind a balancer over n nodes a key may make up to n times the limit.
 */
@Component
public class RateLimits {

    private final Limit defaults;
    private final Map<UUID, KeyBucket> buckets = new ConcurrentHashMap<>();

    @Autowired
    RateLimits(RateLimitSettings settings) {
        this(settings.burst(), settings.perSecond());
    }

    public RateLimits(long burst, long perSecond) {
        this.defaults = new Limit(burst, perSecond);
    }

    /** A bucket's size and refill rate. */
    public record Limit(long burst, long perSecond) {

        public Limit {
            if (burst < 1 || perSecond < 1) {
                throw new IllegalArgumentException("users.rate-limit.burst and per-second must be at least 1");
            }
        }

        /** The seconds an empty bucket takes to fill: the window of the {@code RateLimit-Policy} header. */
        public long windowSeconds() {
            return Math.max(1, (burst + perSecond - 1) / perSecond);
        }
    }

    /** Whether one request of the key may go, and what the headers tell the client. */
    public record Decision(boolean allowed, Limit limit, long remaining, long resetSeconds, long retryAfterSeconds) {
    }

    public Decision take(UUID apiKeyId) {
        KeyBucket bucket = buckets.computeIfAbsent(apiKeyId, id -> new KeyBucket(defaults));
        ConsumptionProbe probe = bucket.bucket.tryConsumeAndReturnRemaining(1);
        return new Decision(probe.isConsumed(), bucket.limit, probe.getRemainingTokens(),
                ceilSeconds(probe.getNanosToWaitForReset()), Math.max(1, ceilSeconds(probe.getNanosToWaitForRefill())));
    }

    /** Gives the key a bucket of its own size (tests; a per-key limit later). */
    void limit(UUID apiKeyId, Limit limit) {
        buckets.put(apiKeyId, new KeyBucket(limit));
    }

    private static long ceilSeconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }

    private static final class KeyBucket {
        final Limit limit;
        final Bucket bucket;

        KeyBucket(Limit limit) {
            this.limit = limit;
            this.bucket = Bucket.builder()
                    .addLimit(l -> l.capacity(limit.burst()).refillGreedy(limit.perSecond(), Duration.ofSeconds(1)))
                    .build();
        }
    }
}
