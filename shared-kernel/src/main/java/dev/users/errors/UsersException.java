package dev.users.errors;

import java.util.List;

/** A business error: a code that decides the HTTP status and one message per problem found. */
public class UsersException extends RuntimeException {

    private final ErrorCode code;
    private final List<String> messages;

    public UsersException(ErrorCode code, List<String> messages) {
        super(String.join("; ", messages));
        this.code = code;
        this.messages = List.copyOf(messages);
    }

    public UsersException(ErrorCode code, String message) {
        this(code, List.of(message));
    }

    public ErrorCode code() {
        return code;
    }

    public List<String> messages() {
        return messages;
    }
}
