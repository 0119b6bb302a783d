package dev.users.app.cors;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * {@code users.cors.*}: which browsers' pages may call both surfaces.
 *
 * @param allowedOrigins origins or patterns browsers may call both surfaces from; empty: none
 * @param maxAge how long a browser may keep a CORS preflight's answer
 */
@ConfigurationProperties("users.cors")
public record CorsSettings(@DefaultValue("*") List<String> allowedOrigins,
                           @DefaultValue("1h") Duration maxAge) {
}
