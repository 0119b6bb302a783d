package dev.users.app.roles;

import dev.users.app.ServiceSettings;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class ServiceRoleConfiguration {

    /** After the request id and CORS (HIGHEST_PRECEDENCE + 10), before the API key filter (the lowest). */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

    @Bean
    ServiceRole serviceRole(ServiceSettings settings) {
        return ServiceRole.parse(settings.role());
    }

    @Bean
    FilterRegistrationBean<ServiceRoleFilter> serviceRoleFilter(ServiceRole role, JsonMapper json) {
        FilterRegistrationBean<ServiceRoleFilter> registration =
                new FilterRegistrationBean<>(new ServiceRoleFilter(role, json));
        registration.setOrder(ORDER);
        registration.setEnabled(role != ServiceRole.ALL);
        return registration;
    }
}
