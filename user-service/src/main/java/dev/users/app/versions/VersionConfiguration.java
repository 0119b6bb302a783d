package dev.users.app.versions;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Versions on the wire: {@code If-Match} reaches the aggregate (ETags are set where users are rendered). */
@Configuration(proxyBeanMethods = false)
public class VersionConfiguration {

    /** Registered on the command gateway by Axon's interceptor auto-configuration, as the caller's metadata is. */
    @Bean
    IfMatchMetadataInterceptor ifMatchMetadataInterceptor() {
        return new IfMatchMetadataInterceptor();
    }
}
