package dev.users.app.kafka;

import dev.users.app.feed.CloudEvents;
import dev.users.app.feed.FeedEvent;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import org.apache.kafka.clients.producer.ProducerRecord;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * A {@link FeedEvent} as the Kafka record the publisher sends: keyed by the user id (one user's events go to one
 * partition, in order), the value a CloudEvent with the feed's attributes and extensions plus {@code accountid}
 * (the topic holds every account's events). The SDK's Kafka serializer writes it in binary mode ({@code ce_*}
 * headers, the JSON data as the value); the data is written by the service's own Jackson, as the feed writes it.
 */
final class CloudEventRecords {

    static final String ACCOUNT_ID = "accountid";

    private final JsonMapper json;
    private final String topic;

    CloudEventRecords(JsonMapper json, String topic) {
        this.json = json;
        this.topic = topic;
    }

    ProducerRecord<String, CloudEvent> record(FeedEvent event) {
        CloudEvent cloudEvent = CloudEventBuilder.v1()
                .withId(event.id())
                .withSource(URI.create(CloudEvents.source(event.accountId())))
                .withType(event.type())
                .withSubject(event.userId().toString())
                .withTime(event.time().truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC))
                .withDataContentType(CloudEvents.DATA_CONTENT_TYPE)
                .withExtension(CloudEvents.POSITION, Long.toString(event.position()))
                .withExtension(CloudEvents.SEQUENCE, Long.toString(event.sequence()))
                .withExtension(ACCOUNT_ID, event.accountId().toString())
                .withData(json.writeValueAsBytes(event.data()))
                .build();
        return new ProducerRecord<>(topic, event.userId().toString(), cloudEvent);
    }
}
