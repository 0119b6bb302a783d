package dev.users.app.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code users.rate-limit.*}: the token bucket per API key and node ({@link RateLimits}).
 *
 * @param burst requests one API key may make at once on a node
 * @param perSecond the bucket's refill rate per key and node
 */
@ConfigurationProperties("users.rate-limit")
public record RateLimitSettings(@DefaultValue("20000") long burst,
                                @DefaultValue("10000") long perSecond) {
}
