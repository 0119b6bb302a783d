package dev.users.app.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * springdoc serves the description at {@code /openapi.json} and the Swagger UI at {@code /docs}
 * ({@code springdoc.*} in application.yml); what it describes is {@link ApiDescription}'s. springdoc scans no
 * controller ({@code springdoc.packages-to-scan} names this package, which has none), so the document holds exactly
 * the described routes. It is built on the first request for it and kept; the API's own requests never meet it.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenApiCustomizer apiDescription() {
        return generated -> {
            OpenAPI described = ApiDescription.load();
            generated.info(described.getInfo())
                    .servers(described.getServers())
                    .tags(described.getTags())
                    .security(described.getSecurity())
                    .components(described.getComponents())
                    .paths(described.getPaths());
        };
    }
}
