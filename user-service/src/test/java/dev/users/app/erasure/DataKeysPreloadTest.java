package dev.users.app.erasure;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import javax.crypto.SecretKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rebuild loads a chunk's data keys in one query ({@link DataKeys#forBatch}): on a node that has none of them at
 * hand yet (a fresh instance, as after a restart), it gives each user's key, an erased user's absence and an unknown
 * user's absence, keeps none of them in the node's cache, and never gives a key while this node's erasure of that
 * user is under way; nor does a write's lookup of a key ({@link DataKeys#forWriting}) keep it then.
 */
class DataKeysPreloadTest extends ErasureFixture {

    @Autowired
    DataKeys keys;

    @Autowired
    MasterKey master;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void aBatchGetsEveryKeyAndEveryAbsenceOfTheChunkWithoutKeepingThem() {
        Person person = person();
        Person erased = person();
        assertThat(erase(erased).status()).isEqualTo(200);
        UUID unknown = UUID.randomUUID();
        DataKeys fresh = new DataKeys(jdbc, master, new RecentErasures());

        Map<UUID, Optional<SecretKey>> batch = fresh.forBatch(List.of(person.id(), erased.id(), unknown));

        assertThat(batch).containsOnlyKeys(person.id(), erased.id(), unknown);
        assertThat(batch.get(person.id()).orElseThrow().getEncoded())
                .isEqualTo(keys.forReading(person.id()).orElseThrow().getEncoded());
        assertThat(batch.get(erased.id())).isEmpty();
        assertThat(batch.get(unknown)).isEmpty();
        assertThat(fresh.cached(person.id())).isFalse();
        assertThat(fresh.cached(erased.id())).isFalse();
        assertThat(fresh.cached(unknown)).isFalse();
    }

    @Test
    void aBatchReadWhileItsUsersErasureIsUnderWayGetsNoKeyOfTheUser() {
        Person person = person();
        DataKeys node = new DataKeys(jdbc, master, new RecentErasures());
        transactions.executeWithoutResult(status -> {
            node.delete(person.id()); // not committed: another connection still reads the key
            assertThat(CompletableFuture.supplyAsync(() -> node.forBatch(List.of(person.id()))).join())
                    .doesNotContainKey(person.id());
            assertThat(node.cached(person.id())).isFalse();
            status.setRollbackOnly();
        });
        assertThat(node.forReading(person.id())).isPresent(); // rolled back: the key is still there
    }

    /** The same for a write racing the erasure (an update's event encrypted just before the erasure commits). */
    @Test
    void aKeyLookedUpForAWriteWhileItsErasureIsUnderWayIsNotKept() {
        Person person = person();
        DataKeys node = new DataKeys(jdbc, master, new RecentErasures());
        transactions.executeWithoutResult(status -> {
            node.delete(person.id());
            CompletableFuture.runAsync(() -> assertThat(node.forWriting(person.id(), false)).isPresent()).join();
            assertThat(node.cached(person.id())).isFalse();
            status.setRollbackOnly();
        });
    }
}
