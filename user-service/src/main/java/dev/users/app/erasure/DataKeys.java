package dev.users.app.erasure;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The users' data keys ({@code user_keys}, V45), wrapped by the {@link MasterKey}. A key is made by the first event
 * of its user that carries a personal value, in that event's transaction (the serializer runs inside the command's
 * transaction, and JdbcTemplate joins it; a creation's key is inserted by the append's own statement, see
 * {@link #appending}), so key and events commit or roll back together. Reads are cached per node
 * for {@link #CACHE_TTL}, the known absence of a key too (a reader asks once per erased user): an erasure forgets the
 * key on its own node at once, and other nodes decrypt an erased user's events for at most that long.
 */
@Component
public class DataKeys {

    public static final Duration CACHE_TTL = Duration.ofSeconds(30);

    private final JdbcTemplate jdbc;
    private final MasterKey master;
    private final Cache<UUID, Key> cache = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(CACHE_TTL)
            // its upkeep after a write (nearly every create's) done by the writer: handed to the common pool, each
            // woke a thread of its own for a few entries' work
            .executor(Runnable::run)
            .build();

    /**
     * A write's lookup that read a key just before the erasure committed must not keep it after the erasure forgot
     * it ({@link #forReading} loads inside the cache's own lock instead), nor may a batch read use it.
     */
    private final RecentErasures recentErasures;
    /** The append this thread is building, if any ({@link #appending}). */
    private final ThreadLocal<Appending> appending = new ThreadLocal<>();

    /** A user's row: their key, or none (no row yet, or {@code erased}). */
    private record Key(SecretKey key, boolean erased) {
        static final Key NONE = new Key(null, false);
    }

    DataKeys(JdbcTemplate jdbc, MasterKey master, RecentErasures recentErasures) {
        this.jdbc = jdbc;
        this.master = master;
        this.recentErasures = recentErasures;
    }

    /**
     * The user's key, made now if the user has none; empty once the user is erased. {@code creating}: the event
     * creates the user, whose key is then made without looking for one first (inside an append, no statement of its
     * own).
     */
    Optional<SecretKey> forWriting(UUID userId, boolean creating) {
        Appending append = appending.get();
        SecretKey madeInAppend = append == null ? null : append.made.get(userId);
        if (madeInAppend != null) {
            return Optional.of(madeInAppend); // its row is not inserted yet: neither cache nor table may hold it
        }
        Key known = cache.getIfPresent(userId);
        if (known == null || known.key() == null && !known.erased()) {
            if (creating && append != null) {
                return Optional.of(makeInAppend(userId, append));
            }
            known = creating ? Key.NONE : load(userId);
            if (known.key() == null && !known.erased()) {
                known = make(userId);
            }
            keep(userId, known);
        }
        return Optional.ofNullable(known.key());
    }

    /**
     * The append of events this thread is about to build ({@link KeyedEventAppends}): a key made while one of its
     * events is serialized, for a user that event creates, is handed to the append's statement to insert with that
     * event's row instead of in a statement (and round trip) of its own. Only for a user's creation: its race (the
     * same id created twice) fails on the event's own row anyway, so the key's insert needs no fallback to a key
     * another writer made first; a plain insert, it fails the append with a unique violation if one did.
     */
    Appending appending() {
        Appending append = new Appending();
        appending.set(append);
        return append;
    }

    /** A user's new data key, wrapped, for an append's statement to insert ({@link #appending}). */
    record MadeKey(UUID userId, byte[] wrapped) {
    }

    /** The keys made during one append; closing it ends the append on this thread. */
    final class Appending implements AutoCloseable {
        private final Map<UUID, SecretKey> made = new HashMap<>();
        private MadeKey lastMade;

        /** The key made since the last call (by the event serialized in between); null when none was. */
        MadeKey takeMade() {
            MadeKey key = lastMade;
            lastMade = null;
            return key;
        }

        @Override
        public void close() {
            appending.remove();
        }
    }

    /**
     * A created user's new key, for the append to insert, and kept for the readers of its events: with a plain put,
     * not {@link #keep}'s compute, as a user who does not exist yet cannot have been erased.
     */
    private SecretKey makeInAppend(UUID userId, Appending append) {
        byte[] fresh = MasterKey.randomKey();
        SecretKey key = new SecretKeySpec(fresh, "AES");
        append.made.put(userId, key);
        append.lastMade = new MadeKey(userId, Aes.encrypt(master.key(), userId, fresh));
        cache.put(userId, new Key(key, false));
        invalidateUnlessCommitted(userId);
        return key;
    }

    private Key make(UUID userId) {
        byte[] fresh = MasterKey.randomKey();
        boolean inserted = !jdbc.queryForList("insert into user_keys (user_id, wrapped_key) values (?, ?)"
                + " on conflict (user_id) do nothing returning 1", Integer.class, userId,
                Aes.encrypt(master.key(), userId, fresh)).isEmpty();
        invalidateUnlessCommitted(userId);
        // not inserted: a concurrent writer's key came first, or the user is erased already
        return inserted ? new Key(new SecretKeySpec(fresh, "AES"), false) : load(userId);
    }

    private void invalidateUnlessCommitted(UUID userId) {
        afterCompletion(committed -> {
            if (!committed) {
                cache.invalidate(userId); // the key went back with its events
            }
        });
    }

    /** The user's key; empty once the user is erased (or when they never had a personal value). */
    Optional<SecretKey> forReading(UUID userId) {
        return Optional.ofNullable(cache.get(userId, this::load).key());
    }

    /**
     * The keys of a batch's users (an absent value: the user has none, or is erased), read in one query for those not
     * in the cache, as {@link #forReading} would one by one: a rebuild reads thousands of users' events in a chunk.
     * For the caller to use while it reads that batch, and not kept here: a rebuild reads each user once, and
     * keeping every user's key would only push the ones in use out of the cache. A user whose erasure this node
     * began recently is left out (the caller asks {@link #forReading}, which reads the row as it is now).
     */
    Map<UUID, Optional<SecretKey>> forBatch(Collection<UUID> userIds) {
        Map<UUID, Optional<SecretKey>> batch = new HashMap<>();
        List<UUID> missing = new ArrayList<>();
        for (UUID userId : userIds) {
            Key known = cache.getIfPresent(userId);
            if (known != null) {
                batch.put(userId, Optional.ofNullable(known.key()));
            } else if (!recentErasures.contains(userId)) {
                missing.add(userId);
            }
        }
        if (missing.isEmpty()) {
            return batch;
        }
        jdbc.query("select user_id, wrapped_key from user_keys where user_id = any(?)",
                statement -> statement.setArray(1, statement.getConnection().createArrayOf("uuid",
                        missing.toArray())),
                (ResultSet rs) -> {
                    UUID userId = rs.getObject(1, UUID.class);
                    batch.put(userId, Optional.ofNullable(unwrapped(userId, rs.getBytes(2)).key()));
                });
        for (UUID userId : missing) {
            batch.putIfAbsent(userId, Optional.empty()); // no row: the user never had a personal value
        }
        return batch;
    }

    /**
     * Keeps a key read outside the cache's own loading (a write's lookup): beside the erasure's
     * invalidation, never after it (one key's compute and invalidate take turns), and not at all while this node's
     * erasure of the user is recent, as the key may have been read just before the erasure committed.
     */
    private void keep(UUID userId, Key key) {
        cache.asMap().compute(userId, (id, kept) -> recentErasures.contains(id) ? kept : key);
    }

    /** Whether this node has the user's key, or its known absence, at hand (for tests). */
    boolean cached(UUID userId) {
        return cache.getIfPresent(userId) != null;
    }

    /**
     * Deletes the user's key in the current transaction, keeping the row as the mark that the user is erased; this
     * node forgets the key now and again once that transaction ends.
     */
    public void delete(UUID userId) {
        recentErasures.mark(userId);
        jdbc.update("insert into user_keys (user_id, wrapped_key, erased_at) values (?, null, now())"
                + " on conflict (user_id) do update set wrapped_key = null, erased_at = excluded.erased_at", userId);
        cache.invalidate(userId);
        afterCompletion(committed -> cache.invalidate(userId)); // a reader may have cached it again meanwhile
    }

    private static void afterCompletion(Consumer<Boolean> committed) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    committed.accept(status == STATUS_COMMITTED);
                }
            });
        }
    }

    private Key load(UUID userId) {
        List<byte[]> wrapped = jdbc.query("select wrapped_key from user_keys where user_id = ?",
                (rs, n) -> rs.getBytes(1), userId);
        if (wrapped.isEmpty()) {
            return Key.NONE;
        }
        return unwrapped(userId, wrapped.get(0));
    }

    /** A user's row as its key: none if it is erased (no wrapped key left). */
    private Key unwrapped(UUID userId, byte[] wrapped) {
        if (wrapped == null) {
            return new Key(null, true);
        }
        byte[] key = Aes.decrypt(master.key(), userId, wrapped).orElseThrow(() -> new IllegalStateException(
                "the data key of user " + userId + " does not unwrap with the master key"));
        return new Key(new SecretKeySpec(key, "AES"), false);
    }
}
