package dev.users.app.feed;

import dev.users.web.Caller;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live tail of the account's events ({@code GET /api/v4/events/stream}, Server-Sent Events): each event one
 * message, {@code id:} its position and {@code data:} the CloudEvent; resumed after {@code Last-Event-ID} (or
 * {@code after}; {@code after=now}: only the events still to come). The parameters are checked before the stream starts, so a bad one is a plain 422.
 */
@RestController
@RequestMapping("/api/v4/events/stream")
public class EventStreamController {

    private final EventFeed feed;
    private final FeedWakeups wakeups;

    public EventStreamController(EventFeed feed, FeedWakeups wakeups) {
        this.feed = feed;
        this.wakeups = wakeups;
    }

    @GetMapping(produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter stream(Caller caller,
                             @RequestParam MultiValueMap<String, String> params,
                             @RequestHeader(value = "Last-Event-ID", required = false) String lastEventId) {
        FeedParams.Request request = FeedParams.read(caller.accountId(), params, lastEventId);
        SseEmitter emitter = new SseEmitter(0L); // no time limit: the client ends it, or a failed send does
        EventStream stream = new EventStream(feed, emitter, request.startingAt(feed::head));
        emitter.onCompletion(stream::close);
        emitter.onError(error -> stream.close());
        emitter.onTimeout(stream::close);
        wakeups.register(stream);
        return emitter;
    }
}
