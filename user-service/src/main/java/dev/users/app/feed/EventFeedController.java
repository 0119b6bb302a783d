package dev.users.app.feed;

import dev.users.web.Caller;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;
import tools.jackson.databind.util.RawValue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The account's events in store order ({@code GET /api/v4/events}), as a CloudEvents JSON batch or, asked for with
 * {@code Accept: application/json}, in v4's envelope. {@code wait} long-polls without holding a thread: the request
 * is answered from a {@link FeedWakeups} reader once an event is there, or empty when the wait is over.
 */
@RestController
@RequestMapping("/api/v4/events")
public class EventFeedController {

    private static final MediaType BATCH = MediaType.parseMediaType(CloudEvents.BATCH_MEDIA_TYPE);
    public static final String NEXT_AFTER = "Next-After";

    private final EventFeed feed;
    private final FeedWakeups wakeups;

    public EventFeedController(EventFeed feed, FeedWakeups wakeups) {
        this.feed = feed;
        this.wakeups = wakeups;
    }

    @GetMapping
    public DeferredResult<ResponseEntity<Object>> list(Caller caller,
                                                       @RequestParam MultiValueMap<String, String> params,
                                                       @RequestHeader(value = HttpHeaders.ACCEPT, required = false)
                                                       String accept) {
        FeedParams.Request read = FeedParams.read(caller.accountId(), params, null);
        FeedQuery query = read.startingAt(feed::head);
        boolean envelope = wantsEnvelope(accept);
        long waitMillis = TimeUnit.SECONDS.toMillis(read.waitSeconds());
        DeferredResult<ResponseEntity<Object>> result = new DeferredResult<>(waitMillis + 1000L);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
        EventFeed.Page first = feed.read(query);
        if (!first.events().isEmpty() || waitMillis == 0) {
            result.setResult(response(first, envelope));
            return result;
        }
        result.onTimeout(() -> result.setResult(response(first, envelope)));
        wakeups.register(new FeedWakeups.Waiter() {
            @Override
            public boolean wake() {
                if (result.isSetOrExpired()) {
                    return false;
                }
                EventFeed.Page page = feed.read(query);
                if (!page.events().isEmpty() || System.nanoTime() - deadline >= 0) {
                    result.setResult(response(page, envelope));
                    return false;
                }
                return true;
            }

            @Override
            public void ending() {
                // what the wait's end would have answered: nothing new yet, and where to ask again
                result.setResult(response(first, envelope));
            }
        });
        return result;
    }

    private static ResponseEntity<Object> response(EventFeed.Page page, boolean envelope) {
        // each event's JSON as the feed rendered it (and may have kept it), written as it is
        List<RawValue> events = page.events().stream().map(shown -> new RawValue(shown.json())).toList();
        ResponseEntity.BodyBuilder response = ResponseEntity.ok()
                .header(NEXT_AFTER, Long.toString(page.through()));
        if (!envelope) {
            return response.contentType(BATCH).body(events);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", events);
        body.put("has_more", page.hasMore());
        body.put("next_after", page.through());
        return response.contentType(MediaType.APPLICATION_JSON).body(body);
    }

    /** The envelope when the client accepts plain JSON and not the batch format; the batch otherwise. */
    private static boolean wantsEnvelope(String accept) {
        if (accept == null) {
            return false;
        }
        try {
            List<MediaType> types = MediaType.parseMediaTypes(accept);
            return types.stream().noneMatch(type -> type.isCompatibleWith(BATCH) && !type.isWildcardSubtype()
                    || type.isWildcardType())
                    && types.stream().anyMatch(type -> type.isCompatibleWith(MediaType.APPLICATION_JSON));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
