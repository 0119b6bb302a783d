package dev.users.app.axon;

import dev.users.signals.Occurrences;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.AppendEventsStatementBuilder;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;

/**
 * Axon's JDBC event and token store, declared here rather than left to Axon's JDBC auto-configuration, which only
 * applies when a DataSource bean exists before it is evaluated: true for the embedded PostgreSQL, not for a
 * {@code spring.datasource.url} one, where the service then failed to start. The event store is built as Axon's
 * auto-configuration builds it (same schema, serializers, upcasters and duplicate-key resolver, so a duplicate
 * (aggregate, sequence) stays a concurrency conflict), but reading {@code users.event-store.fetch-size} events per
 * query: a replay or a busy processor then needs a fraction of the round trips of Axon's default of 100. Its appends
 * are built by the {@code eventAppends} bean (ErasureConfiguration), which inserts a created user's data key too.
 */
@Configuration(proxyBeanMethods = false)
public class EventStoreConfiguration {

    @Bean
    ConnectionProvider connectionProvider(DataSource dataSource) {
        return new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource));
    }

    /** Makes a duplicate (aggregate, sequence number) a ConcurrencyException: retried, then answered with 409. */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new UniqueViolations();
    }

    @Bean
    TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer, NodeName nodeName,
                          EventStoreSettings settings) {
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .schema(new TokenSchema())
                .serializer(serializer)
                .nodeId(nodeName.value())
                .claimTimeout(settings.claimTimeout())
                .build();
    }

    /**
     * The event appends of this node, each counted once it has committed, so that a {@link StoreEventStream} reads the
     * store right after a write instead of on a timer.
     */
    @Bean
    Occurrences localAppends() {
        return new Occurrences();
    }

    /** Axon's event store as its auto-configuration declares it, and counting committed appends in localAppends. */
    @Qualifier("eventStore")
    @Bean(name = "eventBus")
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine,
                                  org.axonframework.config.Configuration configuration,
                                  @Qualifier("localAppends") Occurrences appends) {
        return new AppendSignallingEventStore(EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class)), appends);
    }

    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider,
                                          EventStoreSettings settings,
                                          AppendEventsStatementBuilder eventAppends) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                // Its own reads need no transaction: a processor's read of new events is one statement (two when it
                // comes back empty), and wrapping it cost a COMMIT round trip per read, which under load is nearly
                // one per write. Appends and aggregate loads run inside the command's Spring transaction, snapshots
                // inside the snapshotter's, and the provider hands out that transaction's connection, so they still
                // commit with everything else of theirs (TransactionBoundariesTest, SnapshotTest).
                .transactionManager(NoTransactionManager.INSTANCE)
                .schema(new EventSchema())
                .appendEvents(eventAppends)
                .batchSize(settings.fetchSize())
                .build();
    }
}
