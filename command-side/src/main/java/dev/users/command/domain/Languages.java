package dev.users.command.domain;

import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The one rule for languages, used by the request readers; commands carry the canonical tag. BCP 47 language tags
 * that Java's {@code Locale} knows: {@code en}, {@code en-US}, {@code pt-BR}.
 */
public final class Languages {

    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private Languages() {
    }

    /** What is wrong with {@code raw}, said of {@code subject} (a field name). */
    public static String problem(String subject, String raw) {
        return subject + " '" + raw + "' is not a known language tag";
    }

    /** The tag in its canonical form ({@code en-us} → {@code en-US}), or empty when it is not a known language. */
    public static Optional<String> canonical(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        Locale locale;
        try {
            locale = new Locale.Builder().setLanguageTag(tag.replace('_', '-')).build();
        } catch (IllformedLocaleException e) {
            return Optional.empty();
        }
        if (!LANGUAGES.contains(locale.getLanguage())) {
            return Optional.empty();
        }
        if (!locale.getCountry().isEmpty() && !COUNTRIES.contains(locale.getCountry())) {
            return Optional.empty();
        }
        return Optional.of(locale.toLanguageTag());
    }
}
