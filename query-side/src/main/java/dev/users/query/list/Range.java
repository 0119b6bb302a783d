package dev.users.query.list;

import java.util.List;

/**
 * The value of a {@code between} filter, {@code from..to} as PagerTree writes it
 * ({@code created_at=2026-06-09T00:00:00-07:00..2026-06-10T00:00:00-07:00}): both ends included, as in Ruby's
 * {@code from..to}, each end a value of the attribute's kind.
 */
public record Range(Object from, Object to) {

    static final String SEPARATOR = "..";

    /**
     * The range {@code raw} names for {@code attribute}, or null with a problem naming {@code name} when it is not
     * two values joined by {@code ..}, either end is not a value of the attribute, or it ends before it starts.
     */
    static Range parse(String name, Attribute attribute, String raw, List<String> problems) {
        int at = raw.indexOf(SEPARATOR);
        String from = at < 0 ? "" : raw.substring(0, at).strip();
        String to = at < 0 ? "" : raw.substring(at + SEPARATOR.length()).strip();
        if (from.isEmpty() || to.isEmpty()) {
            problems.add(name + " with between must be two values joined by .., both included, such as "
                    + attribute.kind().rangeExample());
            return null;
        }
        Range range;
        try {
            range = new Range(attribute.parse(from), attribute.parse(to));
        } catch (IllegalArgumentException e) {
            problems.add("invalid value for " + name + ": expected " + attribute.expected() + " at each end of ..");
            return null;
        }
        if (range.endsBeforeItStarts()) {
            problems.add(name + " with between must not end before it starts");
            return null;
        }
        return range;
    }

    @SuppressWarnings("unchecked")
    private boolean endsBeforeItStarts() {
        return ((Comparable<Object>) from).compareTo(to) > 0;
    }
}
