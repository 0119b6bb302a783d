package dev.users.query.list;

public record Sort(Attribute attribute, boolean descending) {
}
