package dev.users.app.property;

import dev.users.query.list.ClientTimestamp;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The one parser of client timestamps (list filters, {@code between} ends, the sign-in audit's {@code from}/{@code
 * to}): every documented form of any instant reads back as that instant, a zone-less one as UTC, a form-decoded
 * {@code +} (a space) as {@code +}; years outside 0001–9999 and anything else are an IllegalArgumentException, never
 * another exception.
 */
class ClientTimestampPropertyTest {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd");
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS");

    /** One way of writing a local date-time (and maybe an offset), and the instant it names. */
    record Written(String text, Instant instant) {
    }

    @Example
    void pagerTreesDocumentedFormsAndRailsOwn() {
        Instant sevenUtc = Instant.parse("2022-10-12T07:00:00Z");
        assertThat(ClientTimestamp.parse("2022-10-12 07:00:00")).isEqualTo(sevenUtc);
        assertThat(ClientTimestamp.parse("2022-10-12 07:00")).isEqualTo(sevenUtc);
        assertThat(ClientTimestamp.parse("2022-10-12")).isEqualTo(Instant.parse("2022-10-12T00:00:00Z"));
        assertThat(ClientTimestamp.parse("2022-10-12T07:00:00")).isEqualTo(sevenUtc);
        assertThat(ClientTimestamp.parse("2022-10-12T07:00:00Z")).isEqualTo(sevenUtc);
        assertThat(ClientTimestamp.parse("2022-10-12t07:00:00z")).isEqualTo(sevenUtc);
        assertThat(ClientTimestamp.parse("2022-10-12 07:00:00 UTC")).isEqualTo(sevenUtc);
        assertThat(ClientTimestamp.parse("2022-10-12T00:00:00-07:00")).isEqualTo(sevenUtc);
        assertThat(ClientTimestamp.parse("2022-10-12 00:00:00 -0700")).isEqualTo(sevenUtc);
        assertThat(ClientTimestamp.parse("2022-11-01T00:00:00.000-07:00"))
                .isEqualTo(Instant.parse("2022-11-01T07:00:00Z"));
        assertThat(ClientTimestamp.parse("2026-06-09T00:00:00-07:00")).isEqualTo(Instant.parse("2026-06-09T07:00:00Z"));
        // +09:00 typed raw into a URL: the + arrives as a space
        assertThat(ClientTimestamp.parse("2022-10-12T16:00:00 09:00")).isEqualTo(sevenUtc);
        assertThat(ClientTimestamp.parse("2022-10-12 16:00:00  0900")).isEqualTo(sevenUtc);
        assertThat(ClientTimestamp.parse("  2022-10-12T07:00:00.123456789Z "))
                .isEqualTo(Instant.parse("2022-10-12T07:00:00.123456789Z"));
    }

    @Example
    void impossibleFieldsAndForeignFormsAreRefused() {
        for (String bad : List.of("2022-02-30", "2022-13-01", "2022-10-12 24:00:00", "2022-10-12T07:60",
                "2022-10-12T07:00:61Z", "2022-10-12T07:00:00+19:00", "2022-10-12T07", "2022-10-12 07:00:00 PST",
                "22-10-12", "2022-10-12T07:00:00.1234567890Z", "12/10/2022", "1665558000", "yesterday", "", " ",
                "2022-10-12 07:00:00 UTC+1", "2022-10-1207:00", "2022-10-12T07:00:00ZZ", "+2022-10-12")) {
            assertThatThrownBy(() -> ClientTimestamp.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Property(tries = 400)
    void everyFormOfAnInstantReadsBackAsThatInstant(@ForAll("written") Written written) {
        boolean inRange = !written.instant().isBefore(ClientTimestamp.EARLIEST)
                && !written.instant().isAfter(ClientTimestamp.LATEST);
        if (inRange) {
            assertThat(ClientTimestamp.parse(written.text())).as(written.text()).isEqualTo(written.instant());
        } else {
            assertThatThrownBy(() -> ClientTimestamp.parse(written.text())).as(written.text())
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Property(tries = 300)
    void yearsOutsideOneToNineThousandNineHundredNinetyNineAreRefused(
            @ForAll @IntRange(min = 10_000, max = 999_999) int late, @ForAll("offsets") ZoneOffset offset) {
        assertThatThrownBy(() -> ClientTimestamp.parse(late + "-01-01T00:00:00Z"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClientTimestamp.parse("0000-12-31 23:59:59"))
                .isInstanceOf(IllegalArgumentException.class);
        // an offset that moves the first or last moment out of range
        String first = "0001-01-01T00:00:00" + offset;
        String last = "9999-12-31T23:59:59.999999" + offset;
        assertThat(accepted(first)).isEqualTo(offset.getTotalSeconds() <= 0);
        assertThat(accepted(last)).isEqualTo(offset.getTotalSeconds() >= 0);
    }

    @Property(tries = 1000)
    void garbageIsAnIllegalArgumentOrAValidInstantNeverAnotherFailure(@ForAll("garbage") String text) {
        Throwable thrown = catchThrowable(() -> {
            Instant instant = ClientTimestamp.parse(text);
            assertThat(instant).isBetween(ClientTimestamp.EARLIEST, ClientTimestamp.LATEST);
        });
        if (thrown != null) {
            assertThat(thrown).as(text).isExactlyInstanceOf(IllegalArgumentException.class);
        }
    }

    @Provide
    Arbitrary<Written> written() {
        Arbitrary<LocalDateTime> local = Combinators.combine(
                Arbitraries.integers().between(1, 9999), Arbitraries.integers().between(1, 365),
                Arbitraries.longs().between(0, 86_399_999_999L)).as((year, day, micros) ->
                LocalDateTime.of(year, 1, 1, 0, 0).plusDays(day - 1).plusNanos(micros * 1000));
        Arbitrary<Integer> form = Arbitraries.integers().between(0, 10);
        return Combinators.combine(local, offsets(), form).as(ClientTimestampPropertyTest::write);
    }

    @Provide
    Arbitrary<ZoneOffset> offsets() {
        return Arbitraries.integers().between(-18 * 4, 18 * 4).map(quarters -> ZoneOffset.ofTotalSeconds(quarters * 900));
    }

    @Provide
    Arbitrary<String> garbage() {
        Arbitrary<String> valid = Arbitraries.of("2022-10-12 07:00:00", "2026-06-09T00:00:00-07:00", "2022-10-12",
                "2022-11-01T00:00:00.000-07:00", "2022-10-12T07:00:00 09:00", "0001-01-01T00:00:00Z",
                "9999-12-31T23:59:59Z");
        Arbitrary<String> noise = Arbitraries.strings().withChars("0123456789-:+ .TZtzUC\u00a0\u0660\uff10")
                .ofMaxLength(40);
        Arbitrary<String> anything = Arbitraries.strings().all().ofMaxLength(60);
        Arbitrary<String> mutated = Combinators.combine(valid, Arbitraries.strings().all().ofMaxLength(3),
                Arbitraries.integers().between(0, 40), Arbitraries.integers().between(0, 3)).as((base, extra, at, cut) -> {
                    int from = Math.min(at, base.length());
                    return base.substring(0, from) + extra + base.substring(Math.min(base.length(), from + cut));
                });
        return Arbitraries.frequencyOf(Tuple.of(4, mutated), Tuple.of(3, noise), Tuple.of(2, anything),
                Tuple.of(1, valid));
    }

    private static Written write(LocalDateTime local, ZoneOffset offset, int form) {
        String date = DATE.format(local);
        Instant utc = local.toInstant(ZoneOffset.UTC);
        Instant zoned = local.toInstant(offset);
        String hhmm = offset.getId().equals("Z") ? "+00:00" : offset.getId();
        return switch (form) {
            // zone-less: UTC
            case 0 -> new Written(date, local.toLocalDate().atStartOfDay().toInstant(ZoneOffset.UTC));
            case 1 -> new Written(date + " " + MINUTES.format(local), truncated(local, 60).toInstant(ZoneOffset.UTC));
            case 2 -> new Written(date + " " + SECONDS.format(local), truncated(local, 1).toInstant(ZoneOffset.UTC));
            case 3 -> new Written(date + "T" + MICROS.format(local), utc);
            case 4 -> new Written(date + "T" + MICROS.format(local) + "Z", utc);
            // with an offset, as ISO-8601 writes it, as it arrives when its + was not encoded, and as Rails prints it
            case 5 -> new Written(date + "T" + MICROS.format(local) + hhmm, zoned);
            case 6 -> new Written(date + "T" + MICROS.format(local) + hhmm.replace('+', ' '), zoned);
            case 7 -> new Written(date + " " + SECONDS.format(local) + " " + hhmm.replace(":", ""),
                    truncated(local, 1).toInstant(offset));
            case 8 -> new Written(date + " " + SECONDS.format(local) + " " + hhmm.replace(":", "").replace('+', ' '),
                    truncated(local, 1).toInstant(offset));
            case 9 -> new Written(date + "T" + SECONDS.format(local) + ".000" + hhmm,
                    truncated(local, 1).toInstant(offset));
            default -> new Written(date + " " + MINUTES.format(local) + " UTC", truncated(local, 60).toInstant(ZoneOffset.UTC));
        };
    }

    private static LocalDateTime truncated(LocalDateTime local, int seconds) {
        LocalDateTime whole = local.withNano(0);
        return whole.minusSeconds(whole.getSecond() % seconds);
    }

    private static boolean accepted(String text) {
        try {
            ClientTimestamp.parse(text);
            return true;
        } catch (IllegalArgumentException refused) {
            return false;
        }
    }
}
