package dev.users.app.feed;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.users.app.erasure.RecentErasures;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.UUID;

/**
 * The feed's and the stream's events as the CloudEvent JSON they hand out, by position, kept per node: consumers that
 * follow the head, and many consumers of one page, read the same events again, and a stored event never changes,
 * so only its first reader pays for loading, decrypting and writing it. Until its user's personal data is erased:
 * an erasure forgets the user's events on its own node at once ({@link #forget}), and no event is kept longer than
 * {@link #TTL}, as long as another node may still decrypt an erased user's events. An event rendered while an
 * erasure commits is not kept either: from the erasure's start and for 30 s after it ({@link RecentErasures}), the
 * user's events are rendered on every read.
 */
@Component
public class RenderedEvents {

    static final Duration TTL = Duration.ofSeconds(30);
    /** The JSON kept at most, in characters (about as many bytes: the JSON is ASCII but for personal texts). */
    static final long MAX_CHARS = 8L * 1024 * 1024;
    private static final int ENTRY_OVERHEAD = 64;

    /** One event's JSON and its user, who may be erased. */
    record Rendered(UUID userId, String json) {
    }

    private final Cache<Long, Rendered> byPosition = Caffeine.newBuilder()
            .maximumWeight(MAX_CHARS)
            .weigher((Long position, Rendered rendered) -> rendered.json().length() + ENTRY_OVERHEAD)
            .expireAfterWrite(TTL)
            .build();
    private final RecentErasures recentErasures;

    public RenderedEvents(RecentErasures recentErasures) {
        this.recentErasures = recentErasures;
    }

    Rendered get(long position) {
        return byPosition.getIfPresent(position);
    }

    void keep(long position, Rendered rendered) {
        if (!recentErasures.contains(rendered.userId())) {
            byPosition.put(position, rendered);
            if (recentErasures.contains(rendered.userId())) {
                byPosition.invalidate(position); // an erasure came between the check and the put
            }
        }
    }

    /** Forgets the user's events (they hold its personal data) and keeps none of them for {@link #TTL}. */
    public void forget(UUID userId) {
        recentErasures.mark(userId);
        byPosition.asMap().values().removeIf(rendered -> rendered.userId().equals(userId));
    }
}
