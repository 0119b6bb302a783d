package dev.users.query.list;

import java.util.List;
import java.util.Map;

/** Reading query-string parameters that may be given at most once. */
final class QueryParams {

    private QueryParams() {
    }

    /** The parameter's value, null when absent; a repeated parameter is a problem (which value would win?). */
    static String single(Map<String, List<String>> params, String name, List<String> problems) {
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
