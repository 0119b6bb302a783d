package dev.users.app.feed;

import dev.users.web.Timestamps;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * An event in the CloudEvents 1.0 JSON format (one member of a {@code application/cloudevents-batch+json} array).
 * Written with the service's own Jackson: the CloudEvents SDK's JSON format module is built on Jackson 2, which would
 * put a second JSON stack next to Spring Boot's Jackson 3 for eleven attributes (Kafka's binary mode needs no JSON
 * format: {@code dev.users.app.kafka.CloudEventRecords} uses the SDK's Kafka binding with data written here). The extensions {@code position} and
 * {@code sequence} are strings: a CloudEvents integer is 32 bits, and positions outgrow it.
 */
public final class CloudEvents {

    public static final String BATCH_MEDIA_TYPE = "application/cloudevents-batch+json";
    public static final String SPEC_VERSION = "1.0";
    public static final String DATA_CONTENT_TYPE = "application/json";
    /** The extension attributes every rendering carries (the feed's JSON, the stream, Kafka's headers). */
    public static final String POSITION = "position";
    public static final String SEQUENCE = "sequence";

    private CloudEvents() {
    }

    /** The source of an account's events: one per account, so that (source, id) is unique as the spec asks. */
    public static String source(UUID accountId) {
        return "/api/v4/accounts/" + accountId;
    }

    /** The time attribute: UTC, millisecond precision, as every other time of v4. */
    public static String time(FeedEvent event) {
        return Timestamps.of(event.time());
    }

    public static Map<String, Object> json(FeedEvent event) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("specversion", SPEC_VERSION);
        json.put("id", event.id());
        json.put("source", source(event.accountId()));
        json.put("type", event.type());
        json.put("subject", event.userId().toString());
        json.put("time", time(event));
        json.put("datacontenttype", DATA_CONTENT_TYPE);
        json.put(POSITION, Long.toString(event.position()));
        json.put(SEQUENCE, Long.toString(event.sequence()));
        json.put("data", event.data());
        return json;
    }
}
