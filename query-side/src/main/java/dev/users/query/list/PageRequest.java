package dev.users.query.list;

import dev.users.errors.ErrorCode;
import dev.users.errors.UsersException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * PagerTree pagination: {@code limit} 1–100 (default 10) with either {@code offset} (from 0) or {@code page} (from
 * 1). When a client sends both, {@code offset} wins: it is the more precise of the two.
 */
public record PageRequest(int limit, long offset) {

    public static final int DEFAULT_LIMIT = 10;
    public static final int MAX_LIMIT = 100;

    /**
     * The page of a list that takes no parameter but paging (the administrative lists): every parameter's characters
     * checked ({@link QueryParams#checkText}), then the paging read; INVALID (422) naming every problem.
     */
    public static PageRequest ofPagingOnly(Map<String, List<String>> params) {
        QueryParams.checkText(params);
        List<String> problems = new ArrayList<>();
        PageRequest page = parse(params, problems);
        if (!problems.isEmpty()) {
            throw new UsersException(ErrorCode.INVALID, problems);
        }
        return page;
    }

    /** Reads the paging parameters, adding one message per bad parameter to {@code problems}. */
    public static PageRequest parse(Map<String, List<String>> params, List<String> problems) {
        int limit = DEFAULT_LIMIT;
        String rawLimit = QueryParams.single(params, "limit", problems);
        if (rawLimit != null) {
            Long parsed = wholeNumber(rawLimit);
            if (parsed == null || parsed < 1 || parsed > MAX_LIMIT) {
                problems.add("limit must be between 1 and " + MAX_LIMIT);
            } else {
                limit = parsed.intValue();
            }
        }
        long offset = 0;
        String rawOffset = QueryParams.single(params, "offset", problems);
        String rawPage = QueryParams.single(params, "page", problems);
        if (rawOffset != null) {
            Long parsed = wholeNumber(rawOffset);
            if (parsed == null || parsed < 0) {
                problems.add("offset must be a whole number of at least 0");
            } else {
                offset = parsed;
            }
        } else if (rawPage != null) {
            Long parsed = wholeNumber(rawPage);
            if (parsed == null || parsed < 1 || parsed > Long.MAX_VALUE / MAX_LIMIT) {
                problems.add("page must be a whole number of at least 1");
            } else {
                offset = (parsed - 1) * limit;
            }
        }
        return new PageRequest(limit, offset);
    }

    private static Long wholeNumber(String raw) {
        try {
            return Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
