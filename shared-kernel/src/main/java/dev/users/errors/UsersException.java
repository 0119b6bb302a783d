package dev.users.errors;

import java.util.Arrays;
import java.util.List;

/**
 * A business error: a code that decides the HTTP status and one problem per thing found wrong. Each problem has its
 * message (the text v4 shows) and, when it is about one request field, that field's name, which v3 keys its
 * errors by (IMCO's clients read {@code {"errors":{"<field>":["…"]}}}).
 */
public class UsersException extends RuntimeException {

    private final ErrorCode code;
    private final List<Problem> problems;

    /**
     * One thing wrong with a request. {@code field} is the request field it is about, as the message names it
     * ({@code first_name}, {@code emails_attributes[0].email}, {@code limit}), or null when it is about no single
     * field; {@code message} is the whole sentence, field name included.
     */
    public record Problem(String field, String message) {

        public Problem {
            if (message == null) {
                throw new IllegalArgumentException("a problem needs a message");
            }
        }

        /** A problem about no single field. */
        public static Problem general(String message) {
            return new Problem(null, message);
        }

        /**
         * The message without the field's name it starts with ("first_name is required" → "is required"), the
         * way Rails keeps the messages of its errors hash; the whole message when it does not start with it.
         */
        public String detail() {
            if (field == null || !message.startsWith(field) || message.length() == field.length()) {
                return message;
            }
            String rest = message.substring(field.length());
            if (rest.startsWith(": ")) {
                rest = rest.substring(2);
            } else if (rest.startsWith(" ")) {
                rest = rest.substring(1);
            } else {
                return message;
            }
            return rest.isBlank() ? message : rest;
        }
    }

    public UsersException(ErrorCode code, List<String> messages) {
        this(code, messages.stream().map(Problem::general).toArray(Problem[]::new));
    }

    public UsersException(ErrorCode code, String message) {
        this(code, List.of(message));
    }

    public UsersException(ErrorCode code, Problem problem) {
        this(code, new Problem[] {problem});
    }

    private UsersException(ErrorCode code, Problem[] problems) {
        super(String.join("; ", Arrays.stream(problems).map(Problem::message).toList()));
        this.code = code;
        this.problems = List.of(problems);
    }

    /** An error with these problems (some of them, or all, about one field each). */
    public static UsersException of(ErrorCode code, List<Problem> problems) {
        return new UsersException(code, problems.toArray(Problem[]::new));
    }

    public ErrorCode code() {
        return code;
    }

    /** The problems' messages, in order: what v4 shows. */
    public List<String> messages() {
        return problems.stream().map(Problem::message).toList();
    }

    public List<Problem> problems() {
        return problems;
    }
}
