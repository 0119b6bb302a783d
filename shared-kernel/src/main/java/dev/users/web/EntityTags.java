package dev.users.web;

/**
 * A user's version on the wire: its entity tag is the aggregate version (the sequence number of its last event) in
 * quotes, {@code "7"}, the same on both surfaces. {@code If-Match} and {@code If-None-Match} are read leniently: a
 * list of tags, weak ({@code W/"7"}) or strong, or {@code *}; a tag that is not a version matches nothing.
 */
public final class EntityTags {

    /** Longer headers are not read at all: no client needs that many tags, and they match nothing. */
    static final int MAX_HEADER = 1024;

    private EntityTags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** Whether the {@code If-Match} header {@code header} names {@code version} (or is {@code *}). */
    public static boolean matches(String header, long version) {
        if (header == null || header.length() > MAX_HEADER) {
            return false;
        }
        for (String part : header.split(",", -1)) {
            String tag = part.strip();
            if (tag.equals("*")) {
                return true;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.length() > 2 && tag.startsWith("\"") && tag.endsWith("\"")
                    && tag.substring(1, tag.length() - 1).equals(Long.toString(version))) {
                return true;
            }
        }
        return false;
    }
}
