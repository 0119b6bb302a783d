package dev.users.app.kafka;

import dev.users.app.feed.FeedEvents;
import io.cloudevents.CloudEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Publishes every stored event to Kafka, on a tracking processor of its own ({@link KafkaPublisherConfiguration}).
 * The processor hands over a batch in one unit of work; the handler only collects it, and before the unit of work
 * commits (the processor's token is stored in that commit) the batch is sent, in store order, and every send
 * awaited. So the token passes an event only once Kafka acknowledged it: delivery is at least once, and a restart,
 * a crash or a failed batch sends again from the last acknowledged batch, with the same CloudEvent ids.
 * <p>
 * A failed batch (Kafka down, a timeout) fails the unit of work: the token stays, the processor releases its claim
 * and tries the batch again after a pause that doubles from one second up to a minute (Axon's tracking processor).
 * The producer is dropped and made anew for the next try, so that a producer left in a fatal state (a fenced or
 * unknown producer id after a broker was replaced) never keeps the publisher down.
 */
@ProcessingGroup(KafkaPublisherConfiguration.GROUP)
class EventPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(EventPublisher.class);
    private static final String BATCH = EventPublisher.class.getName() + ".batch";
    private static final long UNKNOWN = PublisherLag.UNKNOWN;

    private final KafkaTemplate<String, CloudEvent> kafka;
    private final ProducerFactory<String, CloudEvent> producers;
    private final PublishedTopic topic;
    private final EventOrigins origins;
    private final FeedEvents feedEvents;
    private final CloudEventRecords records;
    private final PublisherLag lag;
    private final Duration ackTimeout;

    EventPublisher(ProducerFactory<String, CloudEvent> producers, PublishedTopic topic, EventOrigins origins,
                   FeedEvents feedEvents, CloudEventRecords records, PublisherLag lag, Duration sendTimeout) {
        this.kafka = new KafkaTemplate<>(producers);
        this.producers = producers;
        this.topic = topic;
        this.origins = origins;
        this.feedEvents = feedEvents;
        this.records = records;
        this.lag = lag;
        // the producer fails a send by itself after delivery.timeout.ms (the send timeout); this is a backstop
        this.ackTimeout = sendTimeout.plusSeconds(10);
    }

    @EventHandler
    public void on(EventMessage<?> event) {
        if (!(event instanceof DomainEventMessage<?> message)) {
            throw new IllegalStateException("not an event of an aggregate: " + event.getIdentifier());
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        Batch batch = unitOfWork.getOrComputeResource(BATCH, key -> {
            Batch pending = new Batch();
            unitOfWork.onPrepareCommit(u -> publish(pending));
            unitOfWork.afterCommit(u -> lag.acknowledged(pending.lastPosition));
            return pending;
        });
        batch.events.add(message);
    }

    /** The events of one unit of work, and the position of the last once they are sent. */
    private static final class Batch {
        final List<DomainEventMessage<?>> events = new ArrayList<>();
        long lastPosition = UNKNOWN;
    }

    private void publish(Batch pending) {
        List<DomainEventMessage<?>> batch = pending.events;
        long last = UNKNOWN;
        try {
            topic.ensure();
            Map<String, EventOrigins.Origin> known = origins.of(batch.stream().map(EventMessage::getIdentifier).toList());
            List<CompletableFuture<?>> sends = new ArrayList<>(batch.size());
            for (DomainEventMessage<?> message : batch) {
                EventOrigins.Origin origin = known.get(message.getIdentifier());
                if (origin == null) {
                    throw new IllegalStateException("no event_index row for event " + message.getIdentifier());
                }
                if (last == UNKNOWN) {
                    lag.resumingAfter(origin.position() - 1);
                }
                last = origin.position();
                sends.add(kafka.send(records.record(feedEvents.of(origin.entry(), origin.position(), origin.accountId()))));
            }
            // the whole batch is handed over: send what the producer still holds now rather than after linger.ms
            kafka.flush();
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
            pending.lastPosition = last;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed(batch, e);
        } catch (Exception e) {
            throw failed(batch, e);
        }
    }

    private PublishFailedException failed(List<DomainEventMessage<?>> batch, Exception cause) {
        producers.reset();
        topic.forget();
        // Axon logs the first failure of a series with its stack trace, the later ones without a cause
        LOG.warn("Kafka did not take a batch of {} events: {}", batch.size(), rootMessage(cause));
        return new PublishFailedException("Kafka did not take a batch of " + batch.size() + " events from event "
                + batch.get(0).getIdentifier() + " on; the batch is sent again", cause);
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    static final class PublishFailedException extends RuntimeException {
        PublishFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
