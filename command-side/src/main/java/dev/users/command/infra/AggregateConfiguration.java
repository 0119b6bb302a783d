package dev.users.command.infra;

import dev.users.command.domain.User;
import dev.users.command.domain.UserLimits;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import java.util.concurrent.Executors;

/**
 * How {@link User} aggregates are loaded: sign-ins make histories long, so a snapshot is taken every
 * {@code users.snapshot-threshold} events (on a background thread, never the caller's), and recently used
 * aggregates stay in a cache that the garbage collector may empty at will. The handlers take the users' limits
 * ({@link UserLimits}, from {@code users.limits.*}) as a parameter, like their other resources.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(UserLimitsSettings.class)
public class AggregateConfiguration {

    @Bean
    UserLimits userLimits(UserLimitsSettings settings) {
        return settings.limits();
    }

    @Bean
    SpringAggregateSnapshotter aggregateSnapshotter(Configuration configuration, HandlerDefinition handlerDefinition,
                                                    ParameterResolverFactory parameterResolverFactory,
                                                    EventStore eventStore, TransactionManager transactionManager) {
        return SpringAggregateSnapshotter.builder()
                .repositoryProvider(configuration::repository)
                .transactionManager(transactionManager)
                .eventStore(eventStore)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .executor(Executors.newSingleThreadExecutor(runnable -> {
                    Thread thread = new Thread(runnable, "user-snapshotter");
                    thread.setDaemon(true);
                    return thread;
                }))
                .build();
    }

    @Bean
    SnapshotTriggerDefinition userSnapshotTrigger(SpringAggregateSnapshotter snapshotter, WriteSettings settings) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, settings.snapshotThreshold());
    }

    @Bean
    Cache userCache() {
        return new WeakReferenceCache();
    }
}
