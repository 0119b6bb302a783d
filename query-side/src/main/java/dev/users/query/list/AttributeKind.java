package dev.users.query.list;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import static dev.users.query.list.Operator.BEGINS_WITH;
import static dev.users.query.list.Operator.CONTAINS;
import static dev.users.query.list.Operator.EQUALS;
import static dev.users.query.list.Operator.GT;
import static dev.users.query.list.Operator.GTE;
import static dev.users.query.list.Operator.LT;
import static dev.users.query.list.Operator.LTE;
import static dev.users.query.list.Operator.NE;

/**
 * What a filterable attribute holds, which decides the operators that make sense on it, how a query-string value is
 * parsed into a typed SQL parameter, and which SQL {@link FilterSql} writes for it.
 */
public enum AttributeKind {
    TEXT(EnumSet.allOf(Operator.class), "a text"),
    NUMBER(EnumSet.of(EQUALS, NE, LT, LTE, GT, GTE), "a whole number"),
    TIMESTAMP(EnumSet.of(EQUALS, NE, LT, LTE, GT, GTE),
            "an ISO-8601 timestamp such as 2024-05-01T12:00:00Z, from year 0001 to 9999"),
    BOOLEAN(EnumSet.of(EQUALS, NE), "true or false"),
    UUID_ID(EnumSet.of(EQUALS, NE), "an id"),
    /**
     * A set of texts (a user's emails, phones, roles), a column of {@code user_directory_lookup}: equals/ne mean
     * "any of them"/"none of them".
     */
    TEXT_SET(EnumSet.of(EQUALS, NE, BEGINS_WITH, CONTAINS), "a text");

    private final Set<Operator> operators;
    private final String expected;

    AttributeKind(Set<Operator> operators, String expected) {
        this.operators = operators;
        this.expected = expected;
    }

    public boolean allows(Operator operator) {
        return operators.contains(operator);
    }

    /** What a valid value looks like, for error messages. */
    public String expected() {
        return expected;
    }

    /** The typed SQL parameter for {@code raw}; IllegalArgumentException when it is not a value of this kind. */
    public Object parse(String raw) {
        return switch (this) {
            case TEXT, TEXT_SET -> raw;
            case NUMBER -> Long.parseLong(raw.strip());
            case BOOLEAN -> parseBoolean(raw.strip());
            case UUID_ID -> UUID.fromString(raw.strip());
            // bound as OffsetDateTime: the PostgreSQL driver maps it to timestamptz, while it cannot bind an Instant
            case TIMESTAMP -> SqlValues.timestamp(SqlValues.parseInstant(raw));
        };
    }

    private static Boolean parseBoolean(String raw) {
        return switch (raw.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException(raw);
        };
    }
}
