package dev.users.query.list;

import java.util.function.UnaryOperator;

/**
 * One whitelisted list attribute: the name clients use, the SQL expression it stands for (a constant written in
 * code, never taken from a request), its kind, whether it may be sorted on, and how a client's value is cleaned
 * before parsing (lower-casing emails, accepting prefix ids).
 */
public record Attribute(String name, String sql, AttributeKind kind, boolean sortable, UnaryOperator<String> clean) {

    public static Attribute filter(String name, String sql, AttributeKind kind) {
        return new Attribute(name, sql, kind, false, UnaryOperator.identity());
    }

    public static Attribute sortable(String name, String sql, AttributeKind kind) {
        return new Attribute(name, sql, kind, true, UnaryOperator.identity());
    }

    public Attribute cleanedBy(UnaryOperator<String> cleaner) {
        return new Attribute(name, sql, kind, sortable, cleaner);
    }

    /** The SQL parameter for a client's value; IllegalArgumentException when it is not valid for this attribute. */
    public Object parse(String raw) {
        return kind.parse(clean.apply(raw));
    }
}
