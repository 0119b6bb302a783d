package dev.users.app.erasure;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * The users whose erasure this node began within {@link DataKeys#CACHE_TTL}: what the node keeps of a user's
 * personal data in memory (data keys, the feed's rendered events) is not kept again for them meanwhile, so that a
 * read that began before the erasure committed cannot put back what the erasure forgot.
 */
@Component
public class RecentErasures {

    private final Cache<UUID, Boolean> users = Caffeine.newBuilder()
            .expireAfterWrite(DataKeys.CACHE_TTL)
            .build();

    public void mark(UUID userId) {
        users.put(userId, true);
    }

    public boolean contains(UUID userId) {
        return users.getIfPresent(userId) != null;
    }
}
