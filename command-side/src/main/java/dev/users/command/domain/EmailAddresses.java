package dev.users.command.domain;

import dev.users.errors.ErrorCode;
import dev.users.errors.UsersException;

import java.util.Locale;
import java.util.Optional;

/**
 * The one rule for email addresses, used by the request readers (to name the field) and by the aggregate (for
 * commands built anywhere). Addresses are kept trimmed and lower-cased. The rule is deliberately simple (real
 * deliverability is not knowable here): at most 254 characters, no whitespace, exactly one {@code @}, a non-empty
 * local part, and a domain that contains a dot and has no empty labels (so no leading, trailing or doubled dot).
 */
public final class EmailAddresses {

    public static final int MAX_LENGTH = 254;

    private EmailAddresses() {
    }

    /** The address as the service keeps it, or empty when {@code raw} breaks the rule. */
    public static Optional<String> parse(String raw) {
        String address = normalise(raw);
        return isValid(address) ? Optional.of(address) : Optional.empty();
    }

    /** What is wrong with {@code raw}, said of {@code subject} (a field name, or "email"). */
    public static String problem(String subject, String raw) {
        return subject + " '" + raw + "' is not a valid email address";
    }

    /** The address as the service keeps it, or INVALID. */
    static String require(String raw) {
        return parse(raw).orElseThrow(() -> new UsersException(ErrorCode.INVALID, problem("email", raw)));
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
