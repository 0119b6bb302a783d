package dev.users.query.list;

/** One checked filter: a whitelisted attribute, an operator it allows, and its already typed value. */
public record Filter(Attribute attribute, Operator operator, Object value) {
}
