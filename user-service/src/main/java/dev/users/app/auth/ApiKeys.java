package dev.users.app.auth;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * API keys: issued as 256-bit random strings, stored only as SHA-256 hashes. Lookups are cached briefly so that
 * authentication costs no database round trip on most requests; a revoked key stops working within the TTL.
 */
@Component
public class ApiKeys {

    private static final Duration CACHE_TTL = Duration.ofSeconds(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public ApiKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ApiKey> authenticate(String key) {
        String hash = hash(key);
        Cached cached = cache.get(hash);
        if (cached != null && cached.expires.isAfter(Instant.now())) {
            return cached.apiKey;
        }
        Optional<ApiKey> apiKey = jdbc.sql("""
                        select k.id, k.account_id, a.default_region, k.admin from api_keys k join accounts a on a.id = k.account_id
                        where k.key_hash = ? and k.revoked_at is null""")
                .param(hash)
                .query((rs, n) -> new ApiKey(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getBoolean(4)))
                .optional();
        cache.put(hash, new Cached(apiKey, Instant.now().plus(CACHE_TTL)));
        return apiKey;
    }

    /** Stores {@code key} (or a new random one when null) for the account and returns the key in clear, once. */
    public String issue(UUID accountId, String label, String key, boolean admin) {
        String clear = key != null ? key : newKey();
        jdbc.sql("insert into api_keys (id, account_id, key_hash, label, admin) values (?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), accountId, hash(clear), label, admin)
                .update();
        return clear;
    }

    public boolean exists(String key) {
        return jdbc.sql("select count(*) from api_keys where key_hash = ?").param(hash(key))
                .query(Long.class).single() > 0;
    }

    static String newKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "usk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private record Cached(Optional<ApiKey> apiKey, Instant expires) {
    }
}
