package dev.users.events;

/**
 * The metadata keys every event the service stores carries beside its payload, part of the published contract: who
 * caused it (the API key's id) and in which request (the client's {@code X-Request-Id}, or one the service made up).
 */
public final class EventMetadata {

    public static final String API_KEY_ID = "apiKeyId";
    public static final String REQUEST_ID = "requestId";

    private EventMetadata() {
    }
}
