package dev.users.query.list;

import dev.users.errors.ErrorCode;
import dev.users.errors.UsersException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a list request's query parameters into a {@link ListQuery} checked against an {@link AttributeCatalog}.
 * Every parameter that is not paging, sorting, {@code ops} or {@code q} is a filter {@code attr=value}; {@code q} is
 * a free-text search that combines with the filters. All problems are collected so that a client fixes its request
 * in one round trip (422 with one message each).
 */
public final class ListQueryParser {

    /** Parameters that steer the list rather than filter it. */
    public static final Set<String> RESERVED = Set.of("limit", "offset", "page", "sort", "direction", "ops", "q");

    /** A search text longer than any name, address or number it could match is a mistake, not a search. */
    public static final int MAX_SEARCH_LENGTH = 200;

    private final AttributeCatalog catalog;

    public ListQueryParser(AttributeCatalog catalog) {
        this.catalog = catalog;
    }

    public ListQuery parse(Map<String, List<String>> params) {
        QueryParams.checkText(params);
        List<String> problems = new ArrayList<>();
        PageRequest page = PageRequest.parse(params, problems);
        Map<String, Operator> operators = operators(QueryParams.single(params, "ops", problems), problems);
        List<Filter> filters = new ArrayList<>();
        params.forEach((name, values) -> {
            if (!RESERVED.contains(name)) {
                filter(name, values, operators, problems).ifPresent(filters::add);
            }
        });
        Sort sort = sort(params, problems);
        String search = search(QueryParams.single(params, "q", problems), problems);
        if (!problems.isEmpty()) {
            throw new UsersException(ErrorCode.INVALID, problems);
        }
        return new ListQuery(filters, sort, page, search);
    }

    /**
     * {@code q}, stripped (an unencoded {@code +} of a phone number arrives as a space); blank means no search.
     * It holds no control characters ({@link QueryParams#checkText}), which matters beyond storage: the searched
     * values are stored joined by newlines, so a search without them can never match across two values.
     */
    private static String search(String raw, List<String> problems) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String q = raw.strip();
        if (q.length() > MAX_SEARCH_LENGTH) {
            problems.add("q must be at most " + MAX_SEARCH_LENGTH + " characters");
            return null;
        }
        return q;
    }

    private Optional<Filter> filter(String name, List<String> values, Map<String, Operator> operators,
                                    List<String> problems) {
        Optional<Attribute> attribute = catalog.find(name);
        if (attribute.isEmpty()) {
            problems.add("unknown filter attribute " + name + "; filter on one of " + catalog.filterableNames());
            return Optional.empty();
        }
        String raw = QueryParams.single(Map.of(name, values), name, problems);
        if (raw == null) {
            return Optional.empty();
        }
        Operator operator = operators.getOrDefault(name, Operator.EQUALS);
        if (!attribute.get().kind().allows(operator)) {
            problems.add("operator " + operator.apiName() + " cannot be used on " + name);
            return Optional.empty();
        }
        if (operator == Operator.BETWEEN) {
            return Optional.ofNullable(Range.parse(name, attribute.get(), raw, problems))
                    .map(range -> new Filter(attribute.get(), operator, range));
        }
        try {
            return Optional.of(new Filter(attribute.get(), operator, attribute.get().parse(raw)));
        } catch (IllegalArgumentException e) {
            problems.add("invalid value for " + name + ": expected " + attribute.get().expected());
            return Optional.empty();
        }
    }

    /** {@code ops=attr:op[,attr:op]}: the operator of each attribute's filter (equals when not named). */
    private Map<String, Operator> operators(String ops, List<String> problems) {
        Map<String, Operator> operators = new LinkedHashMap<>();
        if (ops == null || ops.isBlank()) {
            return operators;
        }
        for (String entry : ops.split(",")) {
            // the last colon: a meta key may hold one (meta.a:b:contains)
            int colon = entry.lastIndexOf(':');
            String name = colon < 0 ? "" : entry.substring(0, colon).strip();
            if (name.isEmpty()) {
                problems.add("ops entry '" + entry.strip() + "' must be attribute:operator");
                continue;
            }
            if (catalog.find(name).isEmpty()) {
                problems.add("ops names unknown filter attribute " + name);
            }
            String op = entry.substring(colon + 1).strip();
            Optional<Operator> operator = Operator.named(op);
            if (operator.isEmpty()) {
                problems.add("unknown operator '" + op + "' for " + name + " in ops; use one of "
                        + Operator.allNames());
            } else {
                operators.put(name, operator.get());
            }
        }
        return operators;
    }

    private Sort sort(Map<String, List<String>> params, List<String> problems) {
        String rawSort = QueryParams.single(params, "sort", problems);
        String rawDirection = QueryParams.single(params, "direction", problems);
        Attribute attribute = catalog.defaultSort().attribute();
        if (rawSort != null) {
            Optional<Attribute> chosen = catalog.sortable(rawSort.strip());
            if (chosen.isEmpty()) {
                problems.add("sort must be one of " + catalog.sortableNames());
            } else {
                attribute = chosen.get();
            }
        }
        boolean descending = false;
        if (rawDirection != null) {
            switch (rawDirection.strip().toLowerCase(Locale.ROOT)) {
                case "asc" -> descending = false;
                case "desc" -> descending = true;
                default -> problems.add("direction must be asc or desc");
            }
        }
        return new Sort(attribute, descending);
    }
}
