package dev.users.web;

import dev.users.errors.ErrorCode;
import dev.users.errors.UsersException;

import java.util.Optional;
import java.util.UUID;

/**
 * PagerTree-style prefixed ids ({@code usr_…}, {@code phn_…}): the prefix plus the UUID's 32 hex digits, so that a
 * prefixed id converts back to the UUID without a lookup. Both the plain UUID and the prefixed form are accepted
 * wherever a path takes an id.
 */
public final class PrefixIds {

    public static final String USER = "usr_";
    public static final String PHONE = "phn_";
    public static final String ACCOUNT_USER = "acu_";

    private PrefixIds() {
    }

    public static String of(String prefix, UUID id) {
        return prefix + id.toString().replace("-", "");
    }

    /**
     * The UUID behind {@code value} (a UUID, or {@code prefix} + 32 hex digits); empty when it is neither. A value
     * holding a character no id may hold ({@link ClientText.Kind#LINE}) is not a mistyped id but a bad request:
     * INVALID (422) naming the id, never a lookup.
     */
    public static Optional<UUID> parse(String prefix, String value) {
        if (value == null) {
            return Optional.empty();
        }
        String refusal = ClientText.refusal(value, ClientText.Kind.LINE);
        if (refusal != null) {
            throw new UsersException(ErrorCode.INVALID, new UsersException.Problem("id", "id " + refusal));
        }
        String hex = value.startsWith(prefix) ? value.substring(prefix.length()) : null;
        try {
            if (hex != null && hex.length() == 32) {
                String dashed = hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                        + hex.substring(16, 20) + "-" + hex.substring(20);
                return Optional.of(UUID.fromString(dashed));
            }
            if (value.length() == 36) {
                return Optional.of(UUID.fromString(value));
            }
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
