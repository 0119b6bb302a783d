package dev.users.app.cors;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.cors.CorsConfiguration;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.List;

/**
 * The service's CORS policy, the same for both surfaces. PagerTree documents only that it "supports cross-origin
 * resource sharing"; the rest is chosen for a bearer-token API: any origin by default ({@code users.cors.allowed-
 * origins}: exact origins or patterns such as {@code https://*.example.com}), never credentials (the API uses no
 * cookies, and {@code *} could not be used with them), the methods the API has, the request headers it reads and
 * the response headers a client may need to see.
 */
@Configuration
public class CrossOriginConfiguration {

    /** The API's methods; HEAD because every GET answers it too (a browser sends it without asking first). */
    static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");
    static final List<String> REQUEST_HEADERS = List.of("Authorization", "Content-Type", "Accept", "X-Request-Id",
            "Idempotency-Key", "If-Match", "If-None-Match");
    static final List<String> RESPONSE_HEADERS = List.of("Location", "ETag", "X-Request-Id", "Retry-After",
            "RateLimit", "RateLimit-Policy");
    /** Before every filter that needs a key ({@code ApiKeyFilter} has the lowest precedence), after encoding. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    @Bean
    FilterRegistrationBean<CrossOriginFilter> crossOriginFilter(
            CorsSettings settings, JsonMapper json) {
        FilterRegistrationBean<CrossOriginFilter> registration = new FilterRegistrationBean<>(
                new CrossOriginFilter(policy(settings.allowedOrigins(), settings.maxAge()), json));
        registration.setOrder(ORDER);
        return registration;
    }

    static CorsConfiguration policy(List<String> allowedOrigins, Duration maxAge) {
        List<String> origins = allowedOrigins.stream().map(String::trim).filter(o -> !o.isEmpty()).toList();
        CorsConfiguration policy = new CorsConfiguration();
        if (origins.equals(List.of(CorsConfiguration.ALL))) {
            policy.setAllowedOrigins(origins);
        } else {
            policy.setAllowedOriginPatterns(origins);
        }
        policy.setAllowCredentials(false);
        policy.setAllowedMethods(METHODS);
        policy.setAllowedHeaders(REQUEST_HEADERS);
        policy.setExposedHeaders(RESPONSE_HEADERS);
        policy.setMaxAge(maxAge);
        return policy;
    }
}
