package dev.users.app.idempotency;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;

/**
 * {@code Idempotency-Key} on every {@code POST} of both surfaces, beside the controllers: a filter keeps bodies and
 * answers, an MVC interceptor decides once the API key is known (it runs after every filter, whatever their order).
 */
@Configuration(proxyBeanMethods = false)
public class IdempotencyConfiguration implements WebMvcConfigurer {

    private final IdempotencyKeys keys;
    private final JsonMapper json;

    public IdempotencyConfiguration(JdbcClient jdbc, JsonMapper json, Clock clock,
                                    @Value("${users.idempotency.ttl:24h}") Duration ttl,
                                    @Value("${users.idempotency.in-flight-timeout:1m}") Duration inFlightTimeout,
                                    @Value("${users.idempotency.sweep-interval:10m}") Duration sweepInterval) {
        this.keys = new IdempotencyKeys(jdbc, ttl, inFlightTimeout, sweepInterval, clock);
        this.json = json;
    }

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(
            @Value("${users.max-body-size:1MB}") DataSize maxBodySize) {
        FilterRegistrationBean<IdempotencyFilter> registration =
                new FilterRegistrationBean<>(new IdempotencyFilter(keys, json, maxBodySize.toBytes()));
        // after CORS (which answers preflights), before or after the API-key filter: the interceptor decides
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new IdempotencyInterceptor(keys, json));
    }
}
