package dev.users.query.list;

import java.util.function.UnaryOperator;

/**
 * One whitelisted list attribute: the name clients use, the SQL expression it stands for (a constant written in
 * code, never taken from a request), its kind, whether it may be sorted on, how a client's value is cleaned before
 * parsing (lower-casing emails, accepting prefix ids), and what a valid value looks like (for messages).
 * <p>
 * {@code key} is the key inside the column that the attribute addresses, for the kinds that have one: a constant
 * field for {@link AttributeKind#element() element} attributes ({@code phones.country} → {@code country}), and for a
 * {@link AttributeKind#keyed() keyed} family such as {@code meta} the key the client wrote after the family's name
 * ({@code meta.team} → {@code team}; see {@link #withKey}). It only ever reaches SQL as a bound parameter.
 */
public record Attribute(String name, String sql, AttributeKind kind, boolean sortable, UnaryOperator<String> clean,
                        String key, String expected) {

    public static Attribute filter(String name, String sql, AttributeKind kind) {
        return new Attribute(name, sql, kind, false, UnaryOperator.identity(), null, kind.expected());
    }

    public static Attribute sortable(String name, String sql, AttributeKind kind) {
        return new Attribute(name, sql, kind, true, UnaryOperator.identity(), null, kind.expected());
    }

    /** {@code field} of any of the objects in the jsonb array {@code sql} (a phone's {@code country}). */
    public static Attribute element(String name, String sql, String field, AttributeKind kind) {
        if (!kind.element()) {
            throw new IllegalArgumentException(kind + " is not a kind of element field");
        }
        return new Attribute(name, sql, kind, false, UnaryOperator.identity(), field, kind.expected());
    }

    /** A family {@code <name>.<key>} on {@code sql}, any key ({@code meta.<key>}); see {@link #withKey}. */
    public static Attribute keyed(String name, String sql, AttributeKind kind) {
        if (!kind.keyed()) {
            throw new IllegalArgumentException(kind + " is not a keyed kind");
        }
        return new Attribute(name, sql, kind, false, UnaryOperator.identity(), null, kind.expected());
    }

    public Attribute cleanedBy(UnaryOperator<String> cleaner) {
        return new Attribute(name, sql, kind, sortable, cleaner, key, expected);
    }

    /** The same attribute with its own description of a valid value, for messages. */
    public Attribute expecting(String description) {
        return new Attribute(name, sql, kind, sortable, clean, key, description);
    }

    /** The member {@code <name>.<key>} of this keyed family, for a key the client wrote. */
    Attribute withKey(String clientKey) {
        return new Attribute(name + "." + clientKey, sql, kind, sortable, clean, clientKey, expected);
    }

    /** How the catalog lists it: a keyed family as {@code meta.<key>}. */
    String displayName() {
        return kind.keyed() && key == null ? name + ".<key>" : name;
    }

    /** The SQL parameter for a client's value; IllegalArgumentException when it is not valid for this attribute. */
    public Object parse(String raw) {
        return kind.parse(clean.apply(raw));
    }
}
