package dev.users.command.domain;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import dev.users.errors.ErrorCode;
import dev.users.errors.UsersException;

import java.util.Locale;
import java.util.Optional;

/**
 * The one rule for phone numbers (libphonenumber's idea of a valid number), used by the request readers, which
 * parse what clients dial, and by the aggregate, which takes only the E.164 form commands carry. Thread-safe.
 */
public final class PhoneNumbers {

    public static final String DEFAULT_REGION = "US";

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    /**
     * {@code raw} as dialled in {@code defaultRegion} (ISO alpha-2; {@code US} when null or blank), or empty when it
     * is not a valid number. A number starting with {@code +} carries its own country code and ignores the region.
     */
    public static Optional<ParsedPhone> find(String raw, String defaultRegion) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String region = defaultRegion == null || defaultRegion.isBlank()
                ? DEFAULT_REGION : defaultRegion.trim().toUpperCase(Locale.ROOT);
        PhoneNumber number;
        try {
            number = UTIL.parse(raw.trim(), region);
        } catch (NumberParseException e) {
            return Optional.empty();
        }
        if (!UTIL.isValidNumber(number)) {
            return Optional.empty();
        }
        return Optional.of(new ParsedPhone(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164),
                UTIL.getRegionCodeForNumber(number)));
    }

    /** What is wrong with {@code raw}. */
    public static String problem(String raw) {
        return "phone '" + raw + "' is not a valid phone number";
    }

    /** {@link #parse(String, String)} in the {@link #DEFAULT_REGION}. */
    public static ParsedPhone parse(String raw) {
        return parse(raw, DEFAULT_REGION);
    }

    /** Like {@link #find}, but INVALID when {@code raw} is not a valid number. */
    public static ParsedPhone parse(String raw, String defaultRegion) {
        return find(raw, defaultRegion).orElseThrow(() -> invalid(raw));
    }

    /**
     * A number as commands carry it, which must already be E.164 (start with {@code +}) and valid; its canonical
     * form and region, or INVALID.
     */
    public static ParsedPhone parseE164(String number) {
        if (number == null || !number.trim().startsWith("+")) {
            throw invalid(number);
        }
        return parse(number, DEFAULT_REGION);
    }

    private static UsersException invalid(String raw) {
        return new UsersException(ErrorCode.INVALID, problem(raw));
    }
}
