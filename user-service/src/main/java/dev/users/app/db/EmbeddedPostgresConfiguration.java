package dev.users.app.db;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Runs on a real PostgreSQL under {@code users.data-dir} when no {@code spring.datasource.url} is given, so that
 * the service runs (and its tests pass) on a machine with nothing but a JDK. The data directory is kept between
 * starts, so users survive a restart, and a start after a crash first clears what the dead service left running on
 * it ({@link EmbeddedPostgresStarts}).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatasourceUrlCondition.class)
public class EmbeddedPostgresConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgres(Environment environment) {
        return EmbeddedPostgresStarts.obtain(EmbeddedPostgresSettings.from(environment));
    }

    /** Spring Boot's {@code spring.datasource.hikari} settings are bound onto it, as onto the pool Boot would build. */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgresServer postgres) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(postgres.jdbcUrl());
        pool.setUsername("postgres");
        pool.setPoolName("users-embedded");
        return pool;
    }
}
