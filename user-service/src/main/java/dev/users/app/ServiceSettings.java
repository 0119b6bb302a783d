package dev.users.app;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The service's own {@code users.*} settings (README, "Settings").
 *
 * @param role what this process serves: all, command or query (ServiceRole)
 * @param dataDir where the embedded PostgreSQL keeps its files ({@code <data-dir>/postgres}) and the service its lock
 * @param defaultRegion region of the default account created at first start
 * @param exitWhenReady stop, cleanly, as soon as the service is ready (the build's class-data-sharing run)
 */
@ConfigurationProperties("users")
public record ServiceSettings(@DefaultValue("all") String role,
                              @DefaultValue("./data") String dataDir,
                              @DefaultValue("US") String defaultRegion,
                              @DefaultValue("false") boolean exitWhenReady) {
}
