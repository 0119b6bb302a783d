package dev.users.app.idempotency;

/**
 * The {@code Idempotency-Key} header's value. The draft makes it a Structured Field string ({@code "abc"}); the bare
 * form ({@code abc}) that most clients send is taken too. At most 255 characters, printable ASCII only: anything
 * else (control characters, NUL, non-ASCII, an empty key) is refused with a 400 rather than stored.
 */
record IdempotencyKey(String value) {

    static final String HEADER = "Idempotency-Key";
    static final int MAX_LENGTH = 255;

    /** The key, or null with {@code problem} set when the header cannot be one. */
    static IdempotencyKey parse(String header) throws InvalidKey {
        String text = header.strip();
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            text = text.substring(1, text.length() - 1);
        }
        if (text.isEmpty()) {
            throw new InvalidKey("Idempotency-Key must not be empty");
        }
        if (text.length() > MAX_LENGTH) {
            throw new InvalidKey("Idempotency-Key must be at most " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                throw new InvalidKey("Idempotency-Key may hold printable ASCII characters only (no quotes or "
                        + "backslashes), such as a UUID");
            }
        }
        return new IdempotencyKey(text);
    }

    static final class InvalidKey extends Exception {
        InvalidKey(String message) {
            super(message);
        }
    }
}
