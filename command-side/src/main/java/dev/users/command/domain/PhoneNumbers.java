package dev.users.command.domain;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import dev.users.errors.ErrorCode;
import dev.users.errors.UsersException;

import java.util.Locale;

/** Parses and validates phone numbers with libphonenumber. Stateless and thread-safe. */
public final class PhoneNumbers {

    public static final String DEFAULT_REGION = "US";

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    /** {@link #parse(String, String)} in the {@link #DEFAULT_REGION}. */
    public static ParsedPhone parse(String raw) {
        return parse(raw, DEFAULT_REGION);
    }

    /**
     * Parses {@code raw} as dialled in {@code defaultRegion} (ISO alpha-2; {@code US} when null or blank). A number
     * starting with {@code +} carries its own country code and ignores the default region.
     *
     * @throws UsersException with {@code INVALID} when the number cannot be parsed or is not a valid number
     */
    public static ParsedPhone parse(String raw, String defaultRegion) {
        if (raw == null || raw.isBlank()) {
            throw invalid(raw);
        }
        String region = defaultRegion == null || defaultRegion.isBlank()
                ? DEFAULT_REGION : defaultRegion.trim().toUpperCase(Locale.ROOT);
        PhoneNumber number;
        try {
            number = UTIL.parse(raw.trim(), region);
        } catch (NumberParseException e) {
            throw invalid(raw);
        }
        if (!UTIL.isValidNumber(number)) {
            throw invalid(raw);
        }
        return new ParsedPhone(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164),
                UTIL.getRegionCodeForNumber(number));
    }

    /**
     * Re-checks a number that should already be E.164 (as commands carry them): it must start with {@code +} and be
     * valid; returns its canonical form and region.
     */
    public static ParsedPhone parseE164(String number) {
        if (number == null || !number.trim().startsWith("+")) {
            throw invalid(number);
        }
        return parse(number, DEFAULT_REGION);
    }

    private static UsersException invalid(String raw) {
        return new UsersException(ErrorCode.INVALID, "phone '" + raw + "' is not a valid phone number");
    }
}
