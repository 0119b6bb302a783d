package dev.users.query.list;

import tools.jackson.databind.json.JsonMapper;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the SQL of checked filters and sorts. Column expressions come only from the {@link Attribute} whitelist;
 * every client value travels as a bound parameter (keys of keyed attributes included, and jsonb documents written
 * by Jackson from typed values), LIKE patterns with their wildcards escaped.
 */
public final class FilterSql {

    private FilterSql() {
    }

    /**
     * {@code " and <condition>"} per filter (empty when none), parameters named {@code f0, f1, …}; a filter that
     * needs a second one adds a suffix ({@code f0_to} for a range's end, {@code f0_key} for a key).
     */
    public static SqlFragment conditions(List<Filter> filters) {
        return conditions(filters, ListedRows.DIRECTORY);
    }

    /** The same conditions on {@code rows}: the bound parameters are the same for every kind of rows. */
    public static SqlFragment conditions(List<Filter> filters, ListedRows rows) {
        StringBuilder sql = new StringBuilder();
        Map<String, Object> params = new HashMap<>();
        for (int i = 0; i < filters.size(); i++) {
            sql.append(" and ").append(condition(filters.get(i), "f" + i, params, rows));
        }
        return new SqlFragment(sql.toString(), params);
    }

    /** {@code " order by <attr> <dir>, <tie-breaker> <dir>"}: same direction so one index scan serves both. */
    public static String orderBy(Sort sort, String tieBreaker) {
        String direction = sort.descending() ? " desc" : " asc";
        return " order by " + sort.attribute().sql() + direction + ", " + tieBreaker + direction;
    }

    private static String condition(Filter filter, String param, Map<String, Object> params, ListedRows rows) {
        String column = rows.column(filter.attribute().sql());
        String p = ":" + param;
        Operator operator = filter.operator();
        switch (filter.attribute().kind()) {
            case TEXT_SET, TEXT_ARRAY -> {
                params.put(param, value(filter));
                return anyElement(filter, column, p, rows);
            }
            case SET_FLAG -> {
                // the key is the element looked for; the value only says whether it must be there
                params.put(param, filter.attribute().key());
                String holds = rows.lookup(column + " @> array[cast(" + p + " as text)]");
                boolean wanted = (Boolean) filter.value() ^ operator == Operator.NE;
                return wanted ? holds : "not (" + holds + ")";
            }
            case TEXT_MAP -> {
                if (operator == Operator.EQUALS || operator == Operator.NE) {
                    params.put(param, json(Map.of(filter.attribute().key(), filter.value())));
                    return contains(column, p, operator);
                }
                params.put(param + "_key", filter.attribute().key());
                params.put(param, value(filter));
                return "lower(" + column + " ->> cast(" + p + "_key as text)) like " + p + " escape '\\'";
            }
            case ELEMENT_TEXT, ELEMENT_FLAG, ELEMENT_ID -> {
                // [{"<field>": value}]: some object of the array has that value (ids as their text)
                Object value = filter.value() instanceof Boolean ? filter.value() : filter.value().toString();
                params.put(param, json(List.of(Map.of(filter.attribute().key(), value))));
                return contains(column, p, operator);
            }
            default -> {
                if (operator == Operator.BETWEEN) {
                    Range range = (Range) filter.value();
                    params.put(param, range.from());
                    params.put(param + "_to", range.to());
                    return column + " between " + p + " and " + p + "_to";
                }
                params.put(param, value(filter));
                return scalar(column, p, operator);
            }
        }
    }

    private static String scalar(String column, String p, Operator operator) {
        return switch (operator) {
            case EQUALS -> column + " = " + p;
            // nulls count as "not equal": a user without a time zone is not in the time zone filtered out
            case NE -> column + " is distinct from " + p;
            case LT -> column + " < " + p;
            case LTE -> column + " <= " + p;
            case GT -> column + " > " + p;
            case GTE -> column + " >= " + p;
            // lower(attr) so that an index on lower(attr) text_pattern_ops can serve prefixes
            case BEGINS_WITH, CONTAINS -> "lower(" + column + ") like " + p + " escape '\\'";
            case BETWEEN -> throw new IllegalStateException("a range is written apart");
        };
    }

    /**
     * Any element of a set of texts: in the lookup row ({@link AttributeKind#TEXT_SET}) or the directory row's own
     * array ({@link AttributeKind#TEXT_ARRAY}); ne is "none of them".
     */
    private static String anyElement(Filter filter, String column, String p, ListedRows rows) {
        boolean lookup = filter.attribute().kind() == AttributeKind.TEXT_SET;
        String any = switch (filter.operator()) {
            case EQUALS, NE -> column + " @> array[cast(" + p + " as text)]";
            case BEGINS_WITH, CONTAINS -> "exists (select 1 from unnest(" + column + ") as v(x) where lower(x) like "
                    + p + " escape '\\')";
            default -> throw new IllegalStateException(filter.operator() + " on a set of texts");
        };
        String condition = lookup ? rows.lookup(any) : any;
        return filter.operator() == Operator.NE ? "not (" + condition + ")" : condition;
    }

    /** jsonb containment of the document bound as {@code p}; ne is "not contained". */
    private static String contains(String column, String p, Operator operator) {
        String contains = column + " @> cast(" + p + " as jsonb)";
        return operator == Operator.NE ? "not (" + contains + ")" : contains;
    }

    private static Object value(Filter filter) {
        return switch (filter.operator()) {
            case BEGINS_WITH -> escapeLike(lower(filter.value())) + "%";
            case CONTAINS -> "%" + escapeLike(lower(filter.value())) + "%";
            default -> filter.value();
        };
    }

    private static String json(Object document) {
        return JsonMapper.shared().writeValueAsString(document);
    }

    private static String lower(Object value) {
        return value.toString().toLowerCase(Locale.ROOT);
    }

    /** A client's text matched literally inside a LIKE pattern: its own % and _ are not wildcards. */
    public static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
