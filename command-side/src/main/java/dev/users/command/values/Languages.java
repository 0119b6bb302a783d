package dev.users.command.values;

import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** BCP 47 language tags that Java's {@code Locale} knows: {@code en}, {@code en-US}, {@code pt-BR}. */
public final class Languages {

    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private Languages() {
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
