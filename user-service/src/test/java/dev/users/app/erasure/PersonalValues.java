package dev.users.app.erasure;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A person's values no other test uses, and every encoding the service could write them in: as they are,
 * lower-cased, JSON-escaped, base64 of their UTF-8, and the hex that PostgreSQL shows a bytea in.
 */
record PersonalValues(String name, String email, String secondEmail, String phone, String meta) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static PersonalValues unique() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        return new PersonalValues("Zoë \"Qx\" Erasable-" + tag, "zoe-" + tag + "@erasure.example",
                "z.q-" + tag + "@work.erasure.example", uniquePhone(), "night owl " + tag);
    }

    List<String> values() {
        return List.of(name, email, secondEmail, phone, meta);
    }

    /** Each value in each encoding, longest first is not needed: any one found is a failure. */
    Set<String> encodings() {
        Set<String> all = new LinkedHashSet<>();
        for (String value : values()) {
            all.add(value);
            all.add(value.toLowerCase(Locale.ROOT));
            String escaped = JSON.writeValueAsString(value);
            all.add(escaped.substring(1, escaped.length() - 1));
            all.add(ascii(value));
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            all.add(Base64.getEncoder().encodeToString(utf8));
            all.add(Base64.getUrlEncoder().withoutPadding().encodeToString(utf8));
            all.add(HexFormat.of().formatHex(utf8));
        }
        all.add(phone.substring(1)); // the digits without the plus
        // the distinctive part on its own, should a value be stored cut or re-joined
        all.add(email.substring(0, email.indexOf('@')));
        all.add(secondEmail.substring(0, secondEmail.indexOf('@')));
        all.add(name.substring(name.indexOf("Erasable-")));
        return all;
    }

    /** JSON with every non-ASCII character escaped, as some writers do. */
    private static String ascii(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            out.append(c < 0x80 ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return out.toString();
    }

    /** A valid US number (E.164) picked at random, so that no other test's data can hold it. */
    private static String uniquePhone() {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        List<String> tried = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            String number = "+1415" + random.nextInt(200, 1000) + String.format("%04d", random.nextInt(10_000));
            tried.add(number);
            try {
                if (util.isValidNumber(util.parse(number, "US")) && !number.contains("555")) {
                    return number;
                }
            } catch (Exception notANumber) {
                // try another
            }
        }
        throw new IllegalStateException("no valid number among " + tried.size());
    }
}
