package dev.users.query.list;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the SQL of checked filters and sorts. Column expressions come only from the {@link Attribute} whitelist;
 * every client value travels as a bound parameter, LIKE patterns with their wildcards escaped.
 */
public final class FilterSql {

    private FilterSql() {
    }

    /** {@code " and <condition>"} per filter (empty when none), parameters named {@code f0, f1, …}. */
    public static SqlFragment conditions(List<Filter> filters) {
        StringBuilder sql = new StringBuilder();
        Map<String, Object> params = new HashMap<>();
        for (int i = 0; i < filters.size(); i++) {
            Filter filter = filters.get(i);
            String param = "f" + i;
            sql.append(" and ").append(condition(filter, param));
            params.put(param, value(filter));
        }
        return new SqlFragment(sql.toString(), params);
    }

    /** {@code " order by <attr> <dir>, <tie-breaker> <dir>"}: same direction so one index scan serves both. */
    public static String orderBy(Sort sort, String tieBreaker) {
        String direction = sort.descending() ? " desc" : " asc";
        return " order by " + sort.attribute().sql() + direction + ", " + tieBreaker + direction;
    }

    private static String condition(Filter filter, String param) {
        String column = filter.attribute().sql();
        String p = ":" + param;
        if (filter.attribute().kind() == AttributeKind.TEXT_SET) {
            String contains = column + " @> array[cast(" + p + " as text)]";
            return switch (filter.operator()) {
                case EQUALS -> inLookup(contains);
                case NE -> "not (" + inLookup(contains) + ")";
                case BEGINS_WITH, CONTAINS -> inLookup("exists (select 1 from unnest(" + column
                        + ") as v(x) where lower(x) like " + p + " escape '\\')");
                default -> throw new IllegalStateException(filter.operator() + " on a set of texts");
            };
        }
        return switch (filter.operator()) {
            case EQUALS -> column + " = " + p;
            // nulls count as "not equal": a user without a time zone is not in the time zone filtered out
            case NE -> column + " is distinct from " + p;
            case LT -> column + " < " + p;
            case LTE -> column + " <= " + p;
            case GT -> column + " > " + p;
            case GTE -> column + " >= " + p;
            // lower(attr) so that an index on lower(attr) text_pattern_ops can serve prefixes
            case BEGINS_WITH, CONTAINS -> "lower(" + column + ") like " + p + " escape '\\'";
        };
    }

    /**
     * The users whose lookup row matches {@code condition}: sets of texts (and the search text) are kept in
     * {@code user_directory_lookup}, GIN-indexed, apart from the directory row (see V9).
     */
    public static String inLookup(String condition) {
        return "user_id in (select user_id from user_directory_lookup where " + condition + ")";
    }

    private static Object value(Filter filter) {
        return switch (filter.operator()) {
            case BEGINS_WITH -> escapeLike(lower(filter.value())) + "%";
            case CONTAINS -> "%" + escapeLike(lower(filter.value())) + "%";
            default -> filter.value();
        };
    }

    private static String lower(Object value) {
        return value.toString().toLowerCase(Locale.ROOT);
    }

    /** A client's text matched literally inside a LIKE pattern: its own % and _ are not wildcards. */
    public static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
