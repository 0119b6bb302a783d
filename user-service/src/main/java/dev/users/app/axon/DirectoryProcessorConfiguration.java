package dev.users.app.axon;

import dev.users.app.deadletters.DirectoryDeadLetters;
import dev.users.app.roles.ServiceRole;
import dev.users.query.directory.UserDirectoryProjection;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;

/**
 * The processor of the read models (the user directory and the sign-in audit): tracking, one thread, one segment,
 * reading the store itself ({@link StoreEventSource}: woken by this node's commits, so it follows each write at
 * once; Axon's pooled coordinator would poll the embedded store every 500 ms, its default). Declared here rather
 * than in {@code axon.eventhandling.processors} because its first token is built here: a processor that starts
 * without one builds its read models in aggregate order ({@link AggregateOrderRebuild}) instead of replaying the
 * store event by event. One segment: a second one, measured, sped replays up a little and slowed concurrent
 * creates down much more.
 */
@Configuration(proxyBeanMethods = false)
public class DirectoryProcessorConfiguration {

    /** The source and the token store are looked up when Axon builds the processor: they depend on Axon's set-up. */
    @Bean
    ConfigurerModule userDirectoryProcessor(ObjectProvider<StoreEventSource> source,
                                            ObjectProvider<TokenStore> tokenStore, DataSource dataSource,
                                            DirectoryDeadLetters deadLetters,
                                            DirectorySettings directory, EventStoreSettings eventStore,
                                            ServiceRole role) {
        String name = UserDirectoryProjection.GROUP;
        return configurer -> configurer.eventProcessing().registerTrackingEventProcessor(name,
                c -> source.getObject(),
                c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andBatchSize(directory.batchSize())
                        .andInitialSegmentsCount(1)
                        // a command-role node leaves the read models to the query nodes
                        .andAutoStart(role.runsProcessors())
                        // another node may have parked users while this one did not hold the segment
                        .andEventTrackerStatusChangeListener(statuses -> {
                            if (statuses.values().stream().anyMatch(EventTrackerStatus::trackerAdded)) {
                                deadLetters.forgetParked();
                            }
                        })
                        .andInitialTrackingToken(store -> firstToken(store, tokenStore.getObject(), c, deadLetters,
                                new AggregateOrderRebuild(dataSource, c.eventSerializer(), c.upcasterChain(),
                                        eventStore.fetchSize()))));
    }

    /**
     * Axon asks for this token when the processor has none (it then stores it, in the same transaction), and again
     * on resetTokens(), which replays event by event as usual: its reset handlers empty the tables after this.
     * A build from nothing handles every stored event again, those parked in the dead-letter queue too: the queue is
     * emptied first (in the same transaction), and what fails again is parked again.
     */
    private static TrackingToken firstToken(StreamableMessageSource<TrackedEventMessage<?>> store, TokenStore tokens,
                                            org.axonframework.config.Configuration axon,
                                            DirectoryDeadLetters deadLetters, AggregateOrderRebuild rebuild) {
        String name = UserDirectoryProjection.GROUP;
        if (tokens.fetchSegments(name).length == 0) {
            try {
                deadLetters.clear();
                TrackingEventProcessor processor = axon.eventProcessingConfiguration()
                        .eventProcessor(name, TrackingEventProcessor.class).orElseThrow();
                TrackingToken built = rebuild.rebuild(name, processor.eventHandlerInvoker(), processor::isRunning);
                if (built != null) {
                    return built;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Read model rebuild interrupted; it starts over next time", e);
            }
        }
        return replayFromTheStart(store);
    }

    /** Axon's own initial token: from the first event, flagged as a replay up to the current head. */
    private static TrackingToken replayFromTheStart(StreamableMessageSource<TrackedEventMessage<?>> store) {
        return ReplayToken.createReplayToken(store.createHeadToken());
    }
}
