package dev.users.app.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's own meters for the command bus, the query bus and the event store ({@code commandBus_*}, {@code queryBus_*},
 * {@code eventStore_*}, dimensional: tagged by payload type), in place of axon-micrometer's auto-configuration
 * ({@code axon.metrics.auto-configuration.enabled: false}), which also puts four monitors on every event each
 * processor handles. The processors' lag is {@link ProcessorLagMeters}' gauges, read when Prometheus scrapes, so the
 * read models' batches pay nothing per event for metrics.
 */
@Configuration(proxyBeanMethods = false)
class AxonMessageMeters {

    @Bean
    ConfigurerModule busAndStoreMonitors(MeterRegistry registry) {
        GlobalMetricRegistry meters = new GlobalMetricRegistry(registry);
        return configurer -> configurer.configureMessageMonitor(configuration -> (componentType, componentName) ->
                EventProcessor.class.isAssignableFrom(componentType)
                        ? NoOpMessageMonitor.instance()
                        : monitor(meters, componentType, componentName));
    }

    @SuppressWarnings("unchecked")
    private static MessageMonitor<org.axonframework.messaging.Message<?>> monitor(GlobalMetricRegistry meters,
                                                                                 Class<?> type, String name) {
        return (MessageMonitor<org.axonframework.messaging.Message<?>>) meters.registerComponentWithDefaultTags(type, name);
    }
}
