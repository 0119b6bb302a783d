package dev.users.app.feed;

import dev.users.errors.ErrorCode;
import dev.users.errors.UsersException;
import dev.users.errors.UsersException.Problem;
import dev.users.events.EventTypes;
import dev.users.query.list.QueryParams;
import dev.users.web.ClientText;
import dev.users.web.PrefixIds;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * The feed's and the stream's parameters, every problem collected into one 422. Messages never repeat a client's
 * value: it may hold any character.
 */
public final class FeedParams {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;
    public static final int MAX_WAIT_SECONDS = 30;
    private static final int MAX_DIGITS = 19;

    private FeedParams() {
    }

    /** What {@code after} takes for "from the events still to come": the head of the feed when the request came. */
    public static final String NOW = "now";

    /**
     * A request's query: {@code after}, {@code limit}, {@code type} (repeatable), {@code subject}; {@code fromNow}:
     * {@code after=now} was asked, and the query's {@code after} is still to be set to the head ({@link #startingAt}).
     */
    public record Request(FeedQuery query, int waitSeconds, boolean fromNow) {

        /** The query, starting at {@code head} when it asked to start from now. */
        public FeedQuery startingAt(LongSupplier head) {
            return fromNow ? query.after(head.getAsLong()) : query;
        }
    }

    /**
     * Reads the parameters; {@code lastEventId} (the stream's resume header, or null) stands in for {@code after}
     * when given.
     */
    public static Request read(UUID accountId, Map<String, List<String>> params, String lastEventId) {
        QueryParams.checkText(params);
        List<Problem> problems = new ArrayList<>();
        String afterText = single(params, "after", problems);
        boolean fromNow = lastEventId == null && afterText != null && afterText.strip().equals(NOW);
        long after = lastEventId != null
                ? number(lastEventId, "Last-Event-ID", 0, Long.MAX_VALUE, 0, problems)
                : fromNow ? 0 : number(afterText, "after", 0, Long.MAX_VALUE, 0, problems);
        int limit = (int) number(single(params, "limit", problems), "limit", 1, MAX_LIMIT, DEFAULT_LIMIT, problems);
        int wait = (int) number(single(params, "wait", problems), "wait", 0, MAX_WAIT_SECONDS, 0, problems);
        List<String> types = new ArrayList<>();
        for (String type : params.getOrDefault("type", List.of())) {
            for (String one : type.split(",", -1)) {
                if (!EventTypes.isCurrent(one.strip())) {
                    problems.add(new Problem("type", "type must be a documented event type, such as "
                            + EventTypes.of("UserCreated", "1")));
                } else {
                    types.add(one.strip());
                }
            }
        }
        String subjectText = single(params, "subject", problems);
        UUID subject = null;
        if (subjectText != null) {
            subject = ClientText.refusal(subjectText, ClientText.Kind.LINE) != null ? null
                    : PrefixIds.parse(PrefixIds.USER, subjectText.strip()).orElse(null);
            if (subject == null) {
                problems.add(new Problem("subject", "subject must be a user id"));
            }
        }
        if (!problems.isEmpty()) {
            throw UsersException.of(ErrorCode.INVALID, problems.stream().distinct().toList());
        }
        return new Request(new FeedQuery(accountId, after, limit, types, subject), wait, fromNow);
    }

    private static String single(Map<String, List<String>> params, String name, List<Problem> problems) {
        List<String> values = params.getOrDefault(name, List.of());
        if (values.size() > 1) {
            problems.add(new Problem(name, name + " must be given once"));
            return null;
        }
        return values.isEmpty() ? null : values.get(0);
    }

    private static long number(String text, String name, long min, long max, long absent, List<Problem> problems) {
        if (text == null) {
            return absent;
        }
        String value = text.strip();
        if (value.isEmpty() || value.length() > MAX_DIGITS || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            problems.add(outOfRange(name, min, max));
            return absent;
        }
        long number = Long.parseLong(value);
        if (number < min || number > max) {
            problems.add(outOfRange(name, min, max));
            return absent;
        }
        return number;
    }

    private static Problem outOfRange(String name, long min, long max) {
        return new Problem(name, name + " must be a whole number from " + min + " to " + max
                + (name.equals("after") ? ", or " + NOW : ""));
    }
}
