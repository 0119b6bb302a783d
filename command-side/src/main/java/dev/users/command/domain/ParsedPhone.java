package dev.users.command.domain;

/** A phone number as libphonenumber understood it: E.164 form and ISO 3166 alpha-2 region (e.g. {@code GB}). */
public record ParsedPhone(String e164, String country) {
}
