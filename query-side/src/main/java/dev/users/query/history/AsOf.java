package dev.users.query.history;

import dev.users.errors.ErrorCode;
import dev.users.errors.UsersException;
import dev.users.errors.UsersException.Problem;
import dev.users.query.list.ClientTimestamp;
import dev.users.query.list.QueryParams;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The instant a past state is asked for: {@code as_of} (a timestamp: every event stored at or before it) or
 * {@code as_of_version} (an aggregate sequence number: every event up to it). One of the two, once; a malformed
 * value is a 422 naming its parameter, keyed by it so that v3's error body names the field.
 */
record AsOf(Instant instant, Long version) {

    static final String AS_OF = "as_of";
    static final String AS_OF_VERSION = "as_of_version";

    static AsOf parse(Map<String, List<String>> params) {
        QueryParams.checkText(params);
        List<Problem> problems = new ArrayList<>();
        if (params.containsKey(AS_OF) && params.containsKey(AS_OF_VERSION)) {
            problems.add(new Problem(AS_OF, AS_OF + " and " + AS_OF_VERSION + " cannot be given together"));
        }
        String at = single(params, AS_OF, problems);
        String version = single(params, AS_OF_VERSION, problems);
        Instant instant = null;
        Long sequence = null;
        if (at != null && problems.isEmpty()) {
            try {
                instant = ClientTimestamp.parse(at);
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(AS_OF, AS_OF + " must be " + ClientTimestamp.EXPECTED));
            }
        }
        if (version != null && problems.isEmpty()) {
            sequence = wholeNumber(version);
            if (sequence == null) {
                problems.add(new Problem(AS_OF_VERSION, AS_OF_VERSION + " must be a whole number of at least 0"));
            }
        }
        if (!problems.isEmpty()) {
            throw UsersException.of(ErrorCode.INVALID, problems);
        }
        return new AsOf(instant, sequence);
    }

    private static String single(Map<String, List<String>> params, String name, List<Problem> problems) {
        List<String> values = params.get(name);
        if (values == null) {
            return null;
        }
        if (values.size() != 1 || values.get(0).isBlank()) {
            problems.add(new Problem(name, name + " must be given once, with a value"));
            return null;
        }
        return values.get(0);
    }

    private static Long wholeNumber(String raw) {
        try {
            long parsed = Long.parseLong(raw.strip());
            return parsed < 0 ? null : parsed;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
