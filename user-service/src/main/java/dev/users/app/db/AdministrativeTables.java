package dev.users.app.db;

import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * The administrative tables (accounts, API keys and certificates, the role catalog, idempotency records, the dead
 * letters' view) are JPA entities with Spring Data repositories, in the packages that use them; Flyway owns their
 * schema and Hibernate only validates its mapping against it at start ({@code spring.jpa.hibernate.ddl-auto:
 * validate}). The hot paths (the event store, the read models, lists, the per-request look-ups that no cache
 * spares) stay on JDBC. Axon's own JPA auto-configuration is excluded in application.yml: its event store, token
 * store and dead-letter queue stay the JDBC ones of {@code app/axon}.
 */
@Configuration(proxyBeanMethods = false)
@EntityScan(basePackages = {"dev.users.app", "dev.users.command.infra"})
@EnableJpaRepositories(basePackages = {"dev.users.app", "dev.users.command.infra"})
public class AdministrativeTables {
}
