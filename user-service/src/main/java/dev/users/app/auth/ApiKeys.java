package dev.users.app.auth;

import dev.users.web.Caller.Scope;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
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
 * The table is on JPA ({@link ApiKeyEntity}): the one lookup on the request path is behind that cache.
 */
@Component
public class ApiKeys {

    /** How long another node may still accept a revoked key (docs/api.md, "API keys"). */
    public static final Duration CACHE_TTL = Duration.ofSeconds(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiKeyRepository repository;
    private final Clock clock;
    private final ApiKeyCertificates certificates;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    ApiKeys(ApiKeyRepository repository, Clock clock, ApiKeyCertificates certificates) {
        this.repository = repository;
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
        Optional<ApiKey> apiKey = repository.live(hash).map(ApiKeyRepository.Authenticated::apiKey);
        cache.put(hash, new Cached(apiKey, now.plus(CACHE_TTL)));
        return apiKey.filter(k -> k.liveAt(now));
    }

    /** Stores {@code key} (or a new random one when null) as an admin key or a write key; the key in clear, once. */
    public String issue(UUID accountId, String label, String key, boolean admin) {
        return issue(accountId, label, key, admin ? Scope.ADMIN : Scope.WRITE, null, false).secret();
    }

    /** Stores {@code key} (or a new random one when null) for the account; its id and the key in clear, once. */
    public Issued issue(UUID accountId, String label, String key, Scope scope, Instant expiresAt, boolean operator) {
        String clear = key != null ? key : newKey();
        UUID id = UUID.randomUUID();
        repository.saveAndFlush(new ApiKeyEntity(id, accountId, hash(clear), label, scope, expiresAt, operator));
        cache.remove(hash(clear));
        return new Issued(id, clear);
    }

    public boolean exists(String key) {
        return repository.existsByKeyHash(hash(key));
    }

    /** Whether {@code id} is a live (unrevoked) key of the account. */
    boolean isLive(UUID accountId, UUID id) {
        return repository.existsByIdAndAccountIdAndRevokedAtIsNull(id, accountId);
    }

    /** The account's live (unrevoked) keys, oldest first. */
    public List<Listed> ofAccount(UUID accountId, int limit, long offset) {
        return repository.liveOfAccount(accountId, limit, offset).stream().map(ApiKeyEntity::toListed).toList();
    }

    public long countOfAccount(UUID accountId) {
        return repository.countByAccountIdAndRevokedAtIsNull(accountId);
    }

    public Optional<Listed> find(UUID accountId, UUID id) {
        return repository.findByAccountIdAndIdAndRevokedAtIsNull(accountId, id).map(ApiKeyEntity::toListed);
    }

    /** Revokes the account's key {@code id}: it stops working on this node now. Whether there was such a live key. */
    public boolean revoke(UUID accountId, UUID id) {
        int revoked = repository.revoke(accountId, id);
        cache.values().removeIf(cached -> cached.apiKey.map(k -> k.id().equals(id)).orElse(false));
        certificates.forgetKey(id);
        return revoked > 0;
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
