package dev.users.app.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import javax.sql.DataSource;

/**
 * Runs on a real PostgreSQL under {@code users.data-dir} when no {@code spring.datasource.url} is given, so that
 * the service runs (and its tests pass) on a machine with nothing but a JDK. The data directory is kept between
 * starts, so users survive a restart. The pool takes the same {@code spring.datasource.hikari} settings as one that
 * Spring Boot would build for a given URL.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatasourceUrlCondition.class)
public class EmbeddedPostgresConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(Environment environment) {
        return EmbeddedPostgresStarts.obtain(EmbeddedPostgresSettings.from(environment));
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres,
                          @Value("${spring.datasource.hikari.maximum-pool-size:20}") int poolSize,
                          @Value("${spring.datasource.hikari.connection-init-sql:}") String connectionInitSql) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("users-embedded");
        if (!connectionInitSql.isBlank()) {
            config.setConnectionInitSql(connectionInitSql);
        }
        return new HikariDataSource(config);
    }
}
