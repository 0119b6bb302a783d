package dev.users.web;

/**
 * Which characters a client's text may hold: the one check that both sides' request readers (bodies, query
 * parameters, path ids) run on every value before anything is stored or queried with it. A single linear scan, no
 * regex: ASCII letters, digits and punctuation cost one comparison each.
 * <p>
 * Never allowed anywhere: NUL (PostgreSQL's text and JSON(B) cannot hold it) and unpaired surrogates (no UTF-8 form
 * exists for them). Beyond that a field is one of two kinds:
 * <ul>
 *   <li>{@link Kind#LINE} — names, emails, phones, roles, time zones, languages, ids, team ids, meta keys, query
 *   parameters and filters: also refuses the C0 controls U+0001–U+001F (tab and newline included), DEL U+007F, the
 *   C1 controls U+0080–U+009F, the line and paragraph separators U+2028/U+2029 and the bidirectional embedding,
 *   override and isolate controls U+202A–U+202E and U+2066–U+2069, which can make a value display as another.
 *   The marks U+200E/U+200F/U+061C and joiners (U+200C/U+200D) stay allowed: names in mixed scripts and emoji
 *   need them.</li>
 *   <li>{@link Kind#TEXT} — free text (meta values, role descriptions): keeps tab, line feed and carriage return,
 *   and the separators and bidirectional controls that right-to-left prose uses; refuses the other C0 controls, DEL
 *   and the C1 controls.</li>
 * </ul>
 */
public final class ClientText {

    /** What a field holds, which decides the characters refused in it. */
    public enum Kind {
        LINE, TEXT
    }

    private ClientText() {
    }

    /**
     * Why {@code value} cannot be taken, as the end of a message that starts with the field's name ("must not
     * contain U+0000 (a control character)"); null when every character is allowed (and for null).
     */
    public static String refusal(String value, Kind kind) {
        if (value == null) {
            return null;
        }
        int length = value.length();
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
                continue;
            }
            String what = refused(c, kind);
            if (what != null) {
                return "must not contain " + codePoint(c) + " (" + what + ")";
            }
        }
        return null;
    }

    /** Why the character {@code c} (not part of a surrogate pair) is refused in a {@code kind} field, or null. */
    private static String refused(char c, Kind kind) {
        if (Character.isSurrogate(c)) {
            return "an unpaired surrogate";
        }
        if (c == 0) {
            return "a control character";
        }
        boolean text = kind == Kind.TEXT;
        if (c < 0x20) {
            return text && (c == '\t' || c == '\n' || c == '\r') ? null : "a control character";
        }
        if (c >= 0x7f && c <= 0x9f) {
            return "a control character";
        }
        if (text) {
            return null;
        }
        if (c == 0x2028 || c == 0x2029) {
            return "a line or paragraph separator";
        }
        if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) {
            return "a bidirectional formatting character";
        }
        return null;
    }

    private static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }
}
