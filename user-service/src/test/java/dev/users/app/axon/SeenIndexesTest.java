package dev.users.app.axon;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The token a rebuild continues from: after the highest index read, with the unread ones near it as gaps. */
class SeenIndexesTest {

    @Test
    void indexesReadInAnyOrderGiveTheHighestWithTheMissingOnesNearItAsGaps() {
        List<Long> indexes = new ArrayList<>();
        for (long i = 1; i <= 30_000; i++) {
            if (i != 7 && i != 29_990 && i != 29_999) { // 7 is too far behind the head to wait for
                indexes.add(i);
            }
        }
        Collections.shuffle(indexes, new Random(42));
        SeenIndexes seen = new SeenIndexes();
        indexes.forEach(seen::add);

        GapAwareTrackingToken token = seen.token();
        assertThat(seen.count()).isEqualTo(29_997);
        assertThat(token.getIndex()).isEqualTo(30_000);
        assertThat(token.getGaps()).containsExactly(29_990L, 29_999L);
    }

    @Test
    void aSmallStoreHasNoGapsBelowItsFirstEvent() {
        SeenIndexes seen = new SeenIndexes();
        seen.add(12);
        seen.add(10);
        assertThat(seen.token().getIndex()).isEqualTo(12);
        assertThat(seen.token().getGaps()).containsExactly(11L);
    }

    @Test
    void anEmptyStoreGivesNoToken() {
        assertThat(new SeenIndexes().token()).isNull();
    }
}
