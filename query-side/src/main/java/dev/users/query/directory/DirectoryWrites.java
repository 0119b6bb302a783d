package dev.users.query.directory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static dev.users.query.list.SqlValues.timestamp;

/**
 * The one way the directory projection changes an existing row: a single UPDATE that applies the event only when
 * the row has not seen it yet ({@code version < sequence}), so redelivered batches change nothing. Each change is
 * one statement with no read first: the jsonb children are rewritten inside PostgreSQL (see {@link Children}).
 */
@Component
class DirectoryWrites {

    private final JdbcClient jdbc;

    DirectoryWrites(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param set a constant SET list written in code (never from input), with named parameters bound from
     *            {@code params}; {@code version} and {@code updated_at} are set here
     */
    void update(UUID userId, long sequence, Instant at, String set, Map<String, ?> params) {
        jdbc.sql("update user_directory set " + set + ", version = :sequence, updated_at = :at"
                        + " where user_id = :userId and version < :sequence")
                .params(params)
                .param("userId", userId)
                .param("sequence", sequence)
                .param("at", timestamp(at))
                .update();
    }

    /** Named parameters from name/value pairs; unlike {@code Map.of}, values may be null (a cleared attribute). */
    static Map<String, Object> params(Object... namesAndValues) {
        Map<String, Object> params = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            params.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return params;
    }

    /**
     * A text[] from the named parameter, bound as a JSON array: Spring would expand a Java array or collection
     * parameter into a list of parameters.
     */
    static String textArray(String param) {
        return "array(select jsonb_array_elements_text(cast(:" + param + " as jsonb)))";
    }

    JdbcClient jdbc() {
        return jdbc;
    }

    /** SQL that rewrites a jsonb array of children in place, keeping the order in which they were added. */
    static final class Children {

        private Children() {
        }

        /** Each element {@code e} of {@code column} replaced by {@code element} (an expression over {@code e}). */
        static String map(String column, String element) {
            return "(select coalesce(jsonb_agg(" + element + " order by i), '[]'::jsonb)"
                    + " from jsonb_array_elements(" + column + ") with ordinality as x(e, i))";
        }

        /** The elements of {@code column} for which {@code condition} (over {@code e}) holds. */
        static String keep(String column, String condition) {
            return "(select coalesce(jsonb_agg(e order by i), '[]'::jsonb)"
                    + " from jsonb_array_elements(" + column + ") with ordinality as x(e, i) where " + condition + ")";
        }

        /** Only the element whose id is {@code :childId} has {@code key} true: a new primary demotes the old one. */
        static String onlyPrimary(String column) {
            return map(column, "jsonb_set(e, '{primary}', to_jsonb(e->>'id' = :childId))");
        }

        /** Appends {@code :child} (a jsonb object); when it is primary every earlier element stops being primary. */
        static String append(String column) {
            return "case when cast(:primary as boolean) then " + map(column, "jsonb_set(e, '{primary}', 'false'::jsonb)")
                    + " else " + column + " end || jsonb_build_array(cast(:child as jsonb))";
        }
    }
}
