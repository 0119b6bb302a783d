package dev.users.query.list;

import dev.users.errors.ErrorCode;
import dev.users.errors.UsersException;
import dev.users.errors.UsersException.Problem;
import dev.users.web.ClientText;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reading query-string parameters: their characters, and those that may be given at most once. */
public final class QueryParams {

    private QueryParams() {
    }

    /**
     * INVALID (422) naming every parameter whose name or value holds a character {@link ClientText} refuses in a
     * single line (every parameter is an id, a number, a timestamp, a name or a filter), each problem about its
     * parameter. The readers call this before parsing anything, so no refused text reaches a query or an error
     * message.
     */
    public static void checkText(Map<String, List<String>> params) {
        List<Problem> problems = new ArrayList<>();
        params.forEach((name, values) -> {
            String refusal = ClientText.refusal(name, ClientText.Kind.LINE);
            if (refusal != null) {
                problems.add(Problem.general("query parameter names " + refusal));
                return;
            }
            for (String value : values) {
                refusal = ClientText.refusal(value, ClientText.Kind.LINE);
                if (refusal != null) {
                    problems.add(new Problem(name, "query parameter " + name + " " + refusal));
                    return;
                }
            }
        });
        if (!problems.isEmpty()) {
            throw UsersException.of(ErrorCode.INVALID, problems);
        }
    }

    /** The parameter's value, null when absent; a repeated parameter is a problem (which value would win?). */
    public static String single(Map<String, List<String>> params, String name, List<String> problems) {
        List<String> values = params.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            problems.add("parameter " + name + " is given more than once");
            return null;
        }
        return values.get(0);
    }
}
