package dev.users.app.property;

import dev.users.web.Timestamps;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Timestamps#of} writes its form by hand; for any instant it must be exactly what the general formatter
 * writes for {@code uuuu-MM-dd'T'HH:mm:ss.SSS'Z'} in UTC: the millisecond cut (not rounded), before 1970 too.
 */
class TimestampsPropertyTest {

    private static final DateTimeFormatter GENERAL = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    @Property(tries = 5000)
    void sameAsTheGeneralFormatter(@ForAll @LongRange(min = -62_167_219_200L, max = 253_402_300_799L) long seconds,
                                   @ForAll @LongRange(min = 0, max = 999_999_999) long nanos) {
        Instant instant = Instant.ofEpochSecond(seconds, nanos);
        assertThat(Timestamps.of(instant)).isEqualTo(GENERAL.format(instant));
    }

    @Property(tries = 200)
    void yearsOutsideFourDigitsToo(@ForAll @LongRange(min = -300_000_000_000L, max = 300_000_000_000L) long seconds) {
        Instant instant = Instant.ofEpochSecond(seconds, 999_999_999);
        assertThat(Timestamps.of(instant)).isEqualTo(GENERAL.format(instant));
    }
}
