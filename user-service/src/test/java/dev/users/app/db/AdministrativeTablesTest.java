package dev.users.app.db;

import dev.users.app.support.ApiTest;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.metamodel.EntityType;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * JPA serves the administrative tables only: the context that every HTTP test uses started with Hibernate
 * validating the mapping against the schema Flyway migrated ({@code ddl-auto: validate}, which fails the start on a
 * missing table or column or a wrong type), and Axon's stores stayed the JDBC ones although JPA is on the
 * classpath (Axon's JPA auto-configuration would otherwise bring its own entities and offer JPA stores).
 */
class AdministrativeTablesTest extends ApiTest {

    @Autowired
    EntityManagerFactory entityManagers;

    @Autowired
    ApplicationContext context;

    @Autowired
    Environment environment;

    @Test
    void theMappingIsValidatedAgainstTheMigratedSchema() {
        assertThat(environment.getProperty("spring.jpa.hibernate.ddl-auto")).isEqualTo("validate");
        assertThat(environment.getProperty("spring.jpa.open-in-view")).isEqualTo("false");
        // the start validated already; once more explicitly, so that this test names what it proves
        assertThatCode(() -> entityManagers.getSchemaManager().validate()).doesNotThrowAnyException();
    }

    @Test
    void onlyTheAdministrativeTablesAreEntities() {
        assertThat(entityManagers.getMetamodel().getEntities()).extracting(EntityType::getName)
                .containsExactlyInAnyOrder("AccountEntity", "ApiKeyEntity", "ApiKeyCertificateEntity",
                        "AccountRoleEntity", "IdempotencyRecordEntity", "ParkedEventEntity");
    }

    @Test
    void axonsStoresStayJdbc() {
        assertThat(context.getBean(TokenStore.class)).isInstanceOf(JdbcTokenStore.class);
        assertThat(context.getBean(EventStorageEngine.class)).isInstanceOf(JdbcEventStorageEngine.class);
        // Axon's JPA auto-configuration (entity manager provider, JPA token and saga stores, JPA dead-letter queues
        // for processors) did not run
        assertThat(context.getBeanNamesForType(org.axonframework.springboot.autoconfig.JpaAutoConfiguration.class))
                .isEmpty();
        assertThat(context.getBeanNamesForType(
                org.axonframework.springboot.autoconfig.JpaEventStoreAutoConfiguration.class)).isEmpty();
        assertThat(context.getBeanNamesForType(org.axonframework.common.jpa.EntityManagerProvider.class)).isEmpty();
        assertThat(context.getBeansOfType(org.axonframework.modelling.saga.repository.SagaStore.class).values())
                .noneMatch(org.axonframework.modelling.saga.repository.jpa.JpaSagaStore.class::isInstance);
        // one transaction manager for JPA and JDBC alike, so a command's JDBC statements and any repository call
        // made within it commit together (TransactionBoundariesTest)
        assertThat(context.getBean(PlatformTransactionManager.class)).isInstanceOf(JpaTransactionManager.class);
    }
}
