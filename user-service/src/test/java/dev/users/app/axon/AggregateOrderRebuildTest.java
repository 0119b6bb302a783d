package dev.users.app.axon;

import dev.users.app.support.ApiTest;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A build from nothing that is told to stop gives up before its next chunk, reader thread included, instead of
 * holding the processor's shutdown (Axon waits a second for a starting processor) until every event is read.
 */
class AggregateOrderRebuildTest extends ApiTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    Configuration axon;
    @Autowired
    EventStore eventStore;

    @Test
    void aStoppedProcessorsBuildGivesUpBeforeHandlingAnything() {
        // more chunks than the reader may hold: it is blocked handing over the next one when the build stops
        List<EventMessage<?>> probes = new ArrayList<>();
        for (int n = 0; n < 1_500; n++) {
            probes.add(new GenericDomainEventMessage<>("Probe", "probe-" + UUID.randomUUID(), 0, "probe"));
        }
        eventStore.publish(probes);
        AggregateOrderRebuild rebuild = new AggregateOrderRebuild(dataSource, axon.eventSerializer(),
                axon.upcasterChain(), 100);
        AtomicInteger handled = new AtomicInteger();
        EventHandlerInvoker counting = new EventHandlerInvoker() {
            @Override
            public boolean canHandle(EventMessage<?> event, Segment segment) {
                return true;
            }

            @Override
            public boolean canHandleType(Class<?> payloadType) {
                return true;
            }

            @Override
            public void handle(EventMessage<?> message, Segment segment) {
                handled.incrementAndGet();
            }
        };

        assertTimeoutPreemptively(Duration.ofSeconds(30), () ->
                assertThatThrownBy(() -> rebuild.rebuild("probe", counting, () -> false))
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("stopped"));

        assertThat(handled).hasValue(0);
        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(thread -> thread.getName().equals("probe-rebuild-reader"));
    }
}
