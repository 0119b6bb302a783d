package dev.users.app.feed;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * One open stream: on every wake it sends what came after its cursor (pages of {@link FeedParams#MAX_LIMIT}), and a
 * heartbeat comment when it sent nothing for {@link #HEARTBEAT_NANOS}, so that proxies keep the connection and a
 * client notices a dead one. Runs on {@link FeedWakeups}' readers, one wake at a time per stream.
 */
final class EventStream implements FeedWakeups.Waiter {

    static final long HEARTBEAT_NANOS = TimeUnit.SECONDS.toNanos(10);
    /** The event's JSON, already written, sent as the text it is (in UTF-8, as the rest of the stream). */
    private static final MediaType JSON_TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

    private final EventFeed feed;
    private final SseEmitter emitter;
    private FeedQuery query;
    private long lastSentAt = System.nanoTime();
    private volatile boolean closed;

    EventStream(EventFeed feed, SseEmitter emitter, FeedQuery query) {
        this.feed = feed;
        this.emitter = emitter;
        this.query = new FeedQuery(query.accountId(), query.after(), FeedParams.MAX_LIMIT, query.types(),
                query.subject());
    }

    void close() {
        closed = true;
    }

    /** Ends the stream for the client, which reconnects with {@code Last-Event-ID} (to another node, or later). */
    @Override
    public void ending() {
        closed = true;
        emitter.complete();
    }

    @Override
    public boolean wake() {
        if (closed) {
            return false;
        }
        try {
            EventFeed.Page page;
            do {
                page = feed.read(query);
                for (EventFeed.Shown event : page.events()) {
                    emitter.send(SseEmitter.event().id(Long.toString(event.position())).data(event.json(), JSON_TEXT));
                    lastSentAt = System.nanoTime();
                }
                // a filtered stream moves past what it scanned, so that it does not scan it again
                query = query.after(page.through());
            } while (page.hasMore() && !closed);
            if (System.nanoTime() - lastSentAt >= HEARTBEAT_NANOS) {
                emitter.send(SseEmitter.event().comment("heartbeat"));
                lastSentAt = System.nanoTime();
            }
            return !closed;
        } catch (IOException | IllegalStateException e) {
            // the client went away: the container ends the request itself (completing it with the error here would
            // dispatch a broken response to the error handler, which logs a client's leaving as a server error)
            closed = true;
            return false;
        }
    }
}
