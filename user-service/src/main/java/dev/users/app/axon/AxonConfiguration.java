package dev.users.app.axon;

import dev.users.command.infra.AggregateJson;
import dev.users.events.EventMetadata;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.queryhandling.LoggingQueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryBusSpanFactory;
import org.axonframework.queryhandling.QueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import tools.jackson.databind.module.SimpleModule;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Clock;
import java.time.Instant;

@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Axon's transactions are Spring's. Declared here because Axon's auto-configuration of it looks for Spring's
     * transaction manager before Spring Boot 4 has made one (its auto-configuration moved and was renamed) and then
     * falls back to no transactions at all: every statement of a command or of a projection batch committed on its
     * own. With this, a command's events and its email claims commit together, and a processor batch's read-model
     * writes commit together with its token (TransactionBoundariesTest).
     */
    @Bean
    TransactionManager axonTransactionManager(PlatformTransactionManager transactions) {
        return new SpringTransactionManager(transactions);
    }

    /**
     * Axon's query bus as its auto-configuration builds it, but without a transaction per query. The read-your-writes
     * queries wait for the projection; in a transaction each waiter held a pooled connection for the whole wait, and
     * as many waiters as the pool has connections starved the very processor they waited for, so that under more
     * concurrent creates than connections nothing completed. The queries only read, one statement each, so they need
     * no transaction.
     */
    @Bean
    SimpleQueryBus queryBus(org.axonframework.config.Configuration axon) {
        return SimpleQueryBus.builder()
                .messageMonitor(axon.messageMonitor(QueryBus.class, "queryBus"))
                .errorHandler(axon.getComponent(QueryInvocationErrorHandler.class,
                        () -> LoggingQueryInvocationErrorHandler.builder().build()))
                .queryUpdateEmitter(axon.getComponent(QueryUpdateEmitter.class))
                .spanFactory(axon.getComponent(QueryBusSpanFactory.class))
                .build();
    }

    /**
     * Axon's gateway as its auto-configuration builds it, with lost append races retried ({@link ConcurrencyRetries}).
     * The dispatch interceptors below are registered on it by Axon's interceptor auto-configuration as before.
     */
    @Bean
    CommandGateway commandGateway(CommandBus commandBus) {
        return DefaultCommandGateway.builder().commandBus(commandBus).retryScheduler(new ConcurrencyRetries()).build();
    }

    /** Registered on the command gateway by Axon's interceptor auto-configuration. */
    @Bean
    CallerMetadataInterceptor callerMetadataInterceptor() {
        return new CallerMetadataInterceptor();
    }

    /**
     * How Axon's serializer (events, snapshots, tokens, dead letters) reads and writes JSON. Axon takes the first
     * customizer bean only, so this one does everything:
     * <ul>
     *   <li>A reset stores a ReplayToken whose context is typed {@code Object}; Jackson 3 refuses to read such
     *   polymorphic values back unless told which types are allowed, and the processor would then stall for good
     *   after a replay. Only Axon's own and JDK types may appear there.</li>
     *   <li>User snapshots hold the aggregate's fields ({@link AggregateJson}).</li>
     *   <li>Instants in the form Jackson writes them are read by {@link StoredInstants}.</li>
     * </ul>
     */
    @Bean
    Jackson3SerializerCustomizer axonJson() {
        return builder -> AggregateJson.fieldsOnly(builder)
                .addModule(new SimpleModule("stored-instants").addDeserializer(Instant.class, new StoredInstants()))
                .polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder()
                        .allowIfSubType("org.axonframework.")
                        .allowIfSubType("java.")
                        .build());
    }

    /** Correlation and causation ids, as Axon does by default. */
    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    /** Who and which request: copied from the command to every event it causes. */
    @Bean
    CorrelationDataProvider callerCorrelationProvider() {
        return new SimpleCorrelationDataProvider(EventMetadata.API_KEY_ID, EventMetadata.REQUEST_ID);
    }

    /**
     * Axon's default only logs a failing event handler and moves on, which silently loses read-model data.
     * Propagating makes the processor retry the batch (with back-off) until the handler succeeds. The read models'
     * group has a dead-letter queue instead (DeadLetterConfiguration): a failing event parks its user.
     */
    @Bean
    ConfigurerModule propagateProjectionErrors() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
    }
}
