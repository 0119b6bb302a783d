package dev.users.app.erasure;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rebuild loads a chunk's data keys in one query ({@link DataKeys#preload}): on a node that has none of them at
 * hand yet (a fresh instance, as after a restart), it keeps each user's key, an erased user's absence and an
 * unknown user's absence, and never keeps a key it read while this node's erasure of that user was under way; nor
 * does a write's lookup of a key ({@link DataKeys#forWriting}).
 */
class DataKeysPreloadTest extends ErasureFixture {

    @Autowired
    DataKeys keys;

    @Autowired
    MasterKey master;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void aPreloadKeepsEveryKeyAndEveryAbsenceOfTheChunk() {
        Person person = person();
        Person erased = person();
        assertThat(erase(erased).status()).isEqualTo(200);
        UUID unknown = UUID.randomUUID();
        DataKeys fresh = new DataKeys(jdbc, master, new RecentErasures());

        fresh.preload(List.of(person.id(), erased.id(), unknown));

        assertThat(fresh.cached(person.id())).isTrue();
        assertThat(fresh.cached(erased.id())).isTrue();
        assertThat(fresh.cached(unknown)).isTrue();
        assertThat(fresh.forReading(person.id()).orElseThrow().getEncoded())
                .isEqualTo(keys.forReading(person.id()).orElseThrow().getEncoded());
        assertThat(fresh.forReading(erased.id())).isEmpty();
        assertThat(fresh.forReading(unknown)).isEmpty();
    }

    @Test
    void aKeyReadWhileItsErasureIsUnderWayIsNotKept() {
        Person person = person();
        DataKeys node = new DataKeys(jdbc, master, new RecentErasures());
        transactions.executeWithoutResult(status -> {
            node.delete(person.id()); // not committed: another connection still reads the key
            CompletableFuture.runAsync(() -> node.preload(List.of(person.id()))).join();
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
