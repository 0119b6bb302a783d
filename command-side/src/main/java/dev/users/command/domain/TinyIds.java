package dev.users.command.domain;

/** Hands out the short numeric ids users get at creation (unique across all accounts). */
public interface TinyIds {

    long next();
}
