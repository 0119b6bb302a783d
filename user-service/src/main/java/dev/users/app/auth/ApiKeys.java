package dev.users.app.auth;

import dev.users.web.Caller.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * API keys: issued as 256-bit random strings, stored only as SHA-256 hashes. Lookups are cached briefly so that
 * authentication costs no database round trip on most requests: a key revoked on this node stops working at once
 * (the node forgets it), on other nodes within {@link #CACHE_TTL}. Expiry is checked on every request, cached or not.
 */
@Component
public class ApiKeys {

    /** How long another node may still accept a revoked key (docs/api.md, "API keys"). */
    public static final Duration CACHE_TTL = Duration.ofSeconds(30);
    /** The columns {@link #authenticated} reads, of {@code api_keys k join accounts a}. */
    static final String AUTH_COLUMNS = "k.id, k.account_id, a.default_region, k.scope, k.operator, k.expires_at";
    private static final String COLUMNS = "id, scope, label, operator, expires_at, created_at";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApiKeyCertificates certificates;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public ApiKeys(JdbcClient jdbc, Clock clock, ApiKeyCertificates certificates) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.certificates = certificates;
    }

    /** A key as its account's admins see it (never its secret, which only {@link Issued} carries, once). */
    public record Listed(UUID id, Scope scope, String label, boolean operator, Instant expiresAt, Instant createdAt) {
    }

    /** A key just issued: its id and its secret in clear, shown once. */
    public record Issued(UUID id, String secret) {
    }

    public Optional<ApiKey> authenticate(String key) {
        String hash = hash(key);
        Instant now = clock.instant();
        Cached cached = cache.get(hash);
        if (cached != null && cached.expires.isAfter(now)) {
            return cached.apiKey.filter(k -> k.liveAt(now));
        }
        Optional<ApiKey> apiKey = jdbc.sql("select " + AUTH_COLUMNS
                        + " from api_keys k join accounts a on a.id = k.account_id"
                        + " where k.key_hash = ? and k.revoked_at is null")
                .param(hash)
                .query(ApiKeys::authenticated)
                .optional();
        cache.put(hash, new Cached(apiKey, now.plus(CACHE_TTL)));
        return apiKey.filter(k -> k.liveAt(now));
    }

    static ApiKey authenticated(ResultSet rs, int row) throws SQLException {
        Timestamp expires = rs.getTimestamp(6);
        return new ApiKey(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                Scope.of(rs.getString(4)), rs.getBoolean(5), expires == null ? null : expires.toInstant());
    }

    /** Stores {@code key} (or a new random one when null) as an admin key or a write key; the key in clear, once. */
    public String issue(UUID accountId, String label, String key, boolean admin) {
        return issue(accountId, label, key, admin ? Scope.ADMIN : Scope.WRITE, null, false).secret();
    }

    /** Stores {@code key} (or a new random one when null) for the account; its id and the key in clear, once. */
    public Issued issue(UUID accountId, String label, String key, Scope scope, Instant expiresAt, boolean operator) {
        String clear = key != null ? key : newKey();
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into api_keys (id, account_id, key_hash, label, scope, expires_at, operator)"
                        + " values (?, ?, ?, ?, ?, ?, ?)")
                .params(id, accountId, hash(clear), label, scope.json(),
                        expiresAt == null ? null : Timestamp.from(expiresAt), operator)
                .update();
        cache.remove(hash(clear));
        return new Issued(id, clear);
    }

    public boolean exists(String key) {
        return jdbc.sql("select count(*) from api_keys where key_hash = ?").param(hash(key))
                .query(Long.class).single() > 0;
    }

    /** The account's live (unrevoked) keys, oldest first. */
    public List<Listed> ofAccount(UUID accountId, int limit, long offset) {
        return jdbc.sql("select " + COLUMNS + " from api_keys where account_id = ? and revoked_at is null"
                        + " order by created_at, id limit ? offset ?")
                .params(accountId, limit, offset).query(ApiKeys::listed).list();
    }

    public long countOfAccount(UUID accountId) {
        return jdbc.sql("select count(*) from api_keys where account_id = ? and revoked_at is null")
                .param(accountId).query(Long.class).single();
    }

    public Optional<Listed> find(UUID accountId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from api_keys where account_id = ? and id = ? and revoked_at is null")
                .params(accountId, id).query(ApiKeys::listed).optional();
    }

    /** Revokes the account's key {@code id}: it stops working on this node now. Whether there was such a live key. */
    public boolean revoke(UUID accountId, UUID id) {
        int revoked = jdbc.sql("update api_keys set revoked_at = now()"
                        + " where account_id = ? and id = ? and revoked_at is null")
                .params(accountId, id).update();
        cache.values().removeIf(cached -> cached.apiKey.map(k -> k.id().equals(id)).orElse(false));
        certificates.forgetKey(id);
        return revoked > 0;
    }

    private static Listed listed(ResultSet rs, int row) throws SQLException {
        Timestamp expires = rs.getTimestamp(5);
        return new Listed(rs.getObject(1, UUID.class), Scope.of(rs.getString(2)), rs.getString(3), rs.getBoolean(4),
                expires == null ? null : expires.toInstant(), rs.getTimestamp(6).toInstant());
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
