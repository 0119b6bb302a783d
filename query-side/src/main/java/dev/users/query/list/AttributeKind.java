package dev.users.query.list;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import static dev.users.query.list.Operator.BEGINS_WITH;
import static dev.users.query.list.Operator.BETWEEN;
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
    /** {@code between} is not offered: a text may itself hold {@code ..}, and a range of names surprises. */
    TEXT(EnumSet.complementOf(EnumSet.of(BETWEEN)), "a text"),
    NUMBER(EnumSet.of(EQUALS, NE, LT, LTE, GT, GTE, BETWEEN), "a whole number"),
    TIMESTAMP(EnumSet.of(EQUALS, NE, LT, LTE, GT, GTE, BETWEEN), ClientTimestamp.EXPECTED),
    BOOLEAN(EnumSet.of(EQUALS, NE), "true or false"),
    UUID_ID(EnumSet.of(EQUALS, NE), "an id"),
    /**
     * A set of texts (a user's emails, phones, roles), a column of {@code user_directory_lookup}: equals/ne mean
     * "any of them"/"none of them".
     */
    TEXT_SET(EnumSet.of(EQUALS, NE, BEGINS_WITH, CONTAINS), "a text"),
    /**
     * A set of texts kept in a {@code text[]} column of the directory row itself (team ids): the operators of
     * {@link #TEXT_SET}, without its index.
     */
    TEXT_ARRAY(EnumSet.of(EQUALS, NE, BEGINS_WITH, CONTAINS), "a text"),
    /**
     * One key of a jsonb object of texts (meta), named by the client after the attribute: {@code meta.<key>}. A row
     * without the key is "not equal" and matches nothing else.
     */
    TEXT_MAP(EnumSet.of(EQUALS, NE, BEGINS_WITH, CONTAINS), "a text"),
    /**
     * Whether a {@link #TEXT_SET} holds the key the client names after the attribute, as a hash of booleans shows
     * it: {@code roles.admin=true}.
     */
    SET_FLAG(EnumSet.of(EQUALS, NE), "true or false"),
    /** A text field of the objects of a jsonb array (a phone's country): equals/ne mean any/none of them. */
    ELEMENT_TEXT(EnumSet.of(EQUALS, NE), "a text"),
    /** A boolean field of the objects of a jsonb array (a phone's {@code blocked}), as {@link #ELEMENT_TEXT}. */
    ELEMENT_FLAG(EnumSet.of(EQUALS, NE), "true or false"),
    /** An id field of the objects of a jsonb array (an email's {@code id}), as {@link #ELEMENT_TEXT}. */
    ELEMENT_ID(EnumSet.of(EQUALS, NE), "an id");

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

    /** Whether the client names a key after the attribute's name ({@code meta.<key>}, {@code roles.<name>}). */
    public boolean keyed() {
        return this == TEXT_MAP || this == SET_FLAG;
    }

    /** Whether the attribute is a field of the objects of a jsonb array. */
    public boolean element() {
        return this == ELEMENT_TEXT || this == ELEMENT_FLAG || this == ELEMENT_ID;
    }

    /** The typed SQL parameter for {@code raw}; IllegalArgumentException when it is not a value of this kind. */
    public Object parse(String raw) {
        return switch (this) {
            case TEXT, TEXT_SET, TEXT_ARRAY, TEXT_MAP, ELEMENT_TEXT -> raw;
            case NUMBER -> Long.parseLong(raw.strip());
            case BOOLEAN, SET_FLAG, ELEMENT_FLAG -> parseBoolean(raw.strip());
            case UUID_ID, ELEMENT_ID -> UUID.fromString(raw.strip());
            // bound as OffsetDateTime: the PostgreSQL driver maps it to timestamptz, while it cannot bind an Instant
            case TIMESTAMP -> SqlValues.timestamp(ClientTimestamp.parse(raw));
        };
    }

    /** An example of a {@code between} value of this kind. */
    String rangeExample() {
        return this == TIMESTAMP ? "2026-06-09T00:00:00-07:00..2026-06-10T00:00:00-07:00" : "10..20";
    }

    private static Boolean parseBoolean(String raw) {
        return switch (raw.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException(raw);
        };
    }
}
