package dev.users.app.db;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/** As soon as the settings are known (after application.yml is read), the embedded server starts booting. */
public class StartEmbeddedPostgresEarly implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (EmbeddedPostgresSettings.wanted(environment)) {
            // pin the data directory: a value such as ${random.uuid} would otherwise differ at every lookup
            String dataDir = EmbeddedPostgresSettings.serviceDir(environment);
            environment.getPropertySources().addFirst(new MapPropertySource("users-embedded-postgres",
                    Map.of(EmbeddedPostgresSettings.DATA_DIR, dataDir)));
            EmbeddedPostgresStarts.begin(EmbeddedPostgresSettings.from(environment));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
