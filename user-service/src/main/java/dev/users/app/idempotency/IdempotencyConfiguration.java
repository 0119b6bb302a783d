package dev.users.app.idempotency;

import dev.users.command.infra.WriteSettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;

/**
 * {@code Idempotency-Key} on every {@code POST} of both surfaces, beside the controllers: a filter keeps bodies and
 * answers, an MVC interceptor decides once the API key is known (it runs after every filter, whatever their order).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdempotencySettings.class)
public class IdempotencyConfiguration implements WebMvcConfigurer {

    private final IdempotencyKeys keys;
    private final JsonMapper json;

    IdempotencyConfiguration(JdbcClient jdbc, IdempotencyRecordRepository records, IdempotencySettings settings,
                             JsonMapper json, Clock clock) {
        this.keys = new IdempotencyKeys(jdbc, records, settings, clock);
        this.json = json;
    }

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(WriteSettings settings) {
        FilterRegistrationBean<IdempotencyFilter> registration =
                new FilterRegistrationBean<>(new IdempotencyFilter(keys, json, settings.maxBodySize().toBytes()));
        // after CORS (which answers preflights), before or after the API-key filter: the interceptor decides
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new IdempotencyInterceptor(keys, json));
    }
}
