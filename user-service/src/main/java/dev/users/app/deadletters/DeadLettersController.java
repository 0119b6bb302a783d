package dev.users.app.deadletters;

import dev.users.app.deadletters.DeadLetterReports.ParkedUser;
import dev.users.app.deadletters.DeadLetterRetries.Outcome;
import dev.users.errors.ErrorCode;
import dev.users.errors.UsersException;
import dev.users.query.list.ListPage;
import dev.users.query.list.PageRequest;
import dev.users.web.Caller;
import dev.users.web.PrefixIds;
import dev.users.web.Timestamps;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The read models' dead letters of the caller's account, for admin keys only: which users have events parked (and
 * why), and retrying them once the cause is fixed, all of the account's or one user's.
 */
@RestController
@RequestMapping("/api/v4/dead_letters")
public class DeadLettersController {

    private final DeadLetterReports reports;
    private final DeadLetterRetries retries;

    public DeadLettersController(DeadLetterReports reports, DeadLetterRetries retries) {
        this.reports = reports;
        this.retries = retries;
    }

    /** The account's parked users, the longest parked first, in the v4 list envelope (limit, offset or page). */
    @GetMapping
    public Map<String, Object> list(Caller caller,
                                    @RequestParam MultiValueMap<String, String> params) {
        requireAdmin(caller.admin());
        PageRequest page = PageRequest.ofPagingOnly(params);
        List<ParkedUser> parked = reports.ofAccount(caller.accountId());
        int from = (int) Math.min(page.offset(), parked.size());
        int to = (int) Math.min(page.offset() + page.limit() + 1, parked.size());
        List<Map<String, Object>> rows = parked.subList(from, to).stream().map(DeadLettersController::render)
                .toList();
        return ListPage.of(rows, page, parked.size()).toJson();
    }

    /** Retries every parked user of the account. */
    @PostMapping("/retry")
    public Map<String, Object> retryAll(Caller caller) {
        requireAdmin(caller.admin());
        return render(retries.retry(caller.accountId(), reports.ofAccount(caller.accountId())));
    }

    /** Retries one user's parked events; 404 when the account has no such parked user. */
    @PostMapping("/{userId}/retry")
    public Map<String, Object> retryOne(Caller caller,
                                        @PathVariable("userId") String userId) {
        requireAdmin(caller.admin());
        UsersException none = new UsersException(ErrorCode.NOT_FOUND, "user " + userId + " has no dead letters");
        String id = PrefixIds.parse(PrefixIds.USER, userId).orElseThrow(() -> none).toString();
        List<ParkedUser> user = reports.ofAccount(caller.accountId()).stream().filter(p -> p.userId().equals(id)).toList();
        if (user.isEmpty()) {
            throw none;
        }
        return render(retries.retry(caller.accountId(), user));
    }

    private static void requireAdmin(Boolean admin) {
        if (!Boolean.TRUE.equals(admin)) {
            throw new UsersException(ErrorCode.FORBIDDEN, "only an admin API key can see or retry dead letters");
        }
    }

    private static Map<String, Object> render(Outcome outcome) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("processed", outcome.processed().stream().map(done -> {
            Map<String, Object> user = ids(done.userId());
            user.put("events", done.events());
            return user;
        }).toList());
        json.put("still_parked", outcome.stillParked().stream().map(DeadLettersController::render).toList());
        return json;
    }

    private static Map<String, Object> render(ParkedUser user) {
        Map<String, Object> json = ids(user.userId());
        json.put("event_type", user.eventType());
        json.put("sequence_number", user.sequenceNumber());
        json.put("global_position", user.globalPosition());
        json.put("enqueued_at", Timestamps.of(user.enqueuedAt()));
        json.put("last_touched", Timestamps.of(user.lastTouched()));
        Map<String, Object> cause = new LinkedHashMap<>();
        cause.put("type", user.causeType());
        cause.put("message", user.causeMessage());
        json.put("cause", cause);
        json.put("parked_events", user.parkedEvents());
        return json;
    }

    /** The user's id and prefix id (a sequence of the queue is a user id; anything else is shown as it is). */
    private static Map<String, Object> ids(String userId) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("user_id", userId);
        json.put("prefix_id", PrefixIds.parse(PrefixIds.USER, userId).map(id -> PrefixIds.of(PrefixIds.USER, id))
                .orElse(null));
        return json;
    }
}
