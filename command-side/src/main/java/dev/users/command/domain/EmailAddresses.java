package dev.users.command.domain;

import java.util.Locale;

/**
 * How email addresses are cleaned and checked. The rule is deliberately simple (real deliverability is not
 * knowable here): at most 254 characters, no whitespace, exactly one {@code @}, a non-empty local part, and a domain
 * that contains a dot and has no empty labels (so no leading, trailing or doubled dot).
 */
public final class EmailAddresses {

    public static final int MAX_LENGTH = 254;

    private EmailAddresses() {
    }

    /** Trims and lower-cases (Locale.ROOT); null stays null. */
    public static String normalise(String raw) {
        return raw == null ? null : raw.trim().toLowerCase(Locale.ROOT);
    }

    /** Whether {@code address} follows the rule in the class comment. */
    public static boolean isValid(String address) {
        if (address == null || address.isEmpty() || address.length() > MAX_LENGTH) {
            return false;
        }
        if (address.chars().anyMatch(Character::isWhitespace)) {
            return false;
        }
        int at = address.indexOf('@');
        if (at <= 0 || at != address.lastIndexOf('@')) {
            return false;
        }
        String domain = address.substring(at + 1);
        return domain.contains(".") && !domain.startsWith(".") && !domain.endsWith(".") && !domain.contains("..");
    }
}
