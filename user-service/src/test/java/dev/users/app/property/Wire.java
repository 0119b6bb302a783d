package dev.users.app.property;

import java.nio.charset.StandardCharsets;

/**
 * Puts any Java string on the wire exactly: as a JSON string literal (escapes carry unpaired surrogates and controls,
 * which no UTF-8 byte sequence can) and %-encoded for paths, query strings and form bodies (an unpaired surrogate
 * becomes its three-byte generalised UTF-8 form, which is not UTF-8: the server must refuse it, not choke on it).
 */
final class Wire {

    private Wire() {
    }

    /** {@code text} as a JSON string literal; with {@code rawUnicode}, valid non-ASCII characters go unescaped. */
    static String json(String text, boolean rawUnicode) {
        StringBuilder out = new StringBuilder(text.length() + 8).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c >= 0x20 && c < 0x7f) {
                out.append(c);
            } else if (rawUnicode && pair) {
                out.append(c).append(text.charAt(++i));
            } else if (rawUnicode && !Character.isSurrogate(c) && c > 0x9f) {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.append('"').toString();
    }

    /** {@code text} %-encoded byte by byte, only RFC 3986's unreserved characters left as they are. */
    static String percent(String text) {
        StringBuilder out = new StringBuilder(text.length() * 3);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.append(c);
                continue;
            }
            byte[] bytes;
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes = text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                i++;
            } else if (Character.isSurrogate(c)) {
                bytes = new byte[]{(byte) (0xe0 | (c >> 12)), (byte) (0x80 | ((c >> 6) & 0x3f)), (byte) (0x80 | (c & 0x3f))};
            } else {
                bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
            }
            for (byte b : bytes) {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
