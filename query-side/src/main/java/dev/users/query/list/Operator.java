package dev.users.query.list;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The filter operators of PagerTree's list API, by the names clients write in {@code ops=attr:op}. */
public enum Operator {
    EQUALS("equals"),
    NE("ne"),
    LT("lt"),
    LTE("lte"),
    GT("gt"),
    GTE("gte"),
    BEGINS_WITH("beginsWith"),
    CONTAINS("contains"),
    /** {@code attr=from..to}: both ends included, as in Ruby's {@code from..to} ({@link Range}). */
    BETWEEN("between");

    private final String apiName;

    Operator(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }

    /** Exact match: the names are documented camel-case, and guessing at variants would hide client typos. */
    public static Optional<Operator> named(String name) {
        return Arrays.stream(values()).filter(op -> op.apiName.equals(name)).findFirst();
    }

    public static String allNames() {
        return Arrays.stream(values()).map(Operator::apiName).collect(Collectors.joining(", "));
    }
}
