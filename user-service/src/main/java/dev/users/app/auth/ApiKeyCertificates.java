package dev.users.app.auth;

import dev.users.errors.ErrorCode;
import dev.users.errors.UsersException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Client certificates registered to API keys, by the SHA-256 fingerprint of the DER certificate. A registered
 * certificate authenticates as its key while the key lives and the certificate has not expired. Lookups are cached
 * like {@link ApiKeys}' (a request over a kept TLS connection costs no database round trip); this node forgets a
 * fingerprint at once when it registers or deletes it, other nodes within the cache's lifetime. On JPA
 * ({@link ApiKeyCertificateEntity}), as the keys are.
 */
@Component
public class ApiKeyCertificates {

    private static final Duration CACHE_TTL = Duration.ofSeconds(30);

    private final ApiKeyCertificateRepository repository;
    private final ApiKeyRepository keys;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    ApiKeyCertificates(ApiKeyCertificateRepository repository, ApiKeyRepository keys) {
        this.repository = repository;
        this.keys = keys;
    }

    /** A registration as listed: the fingerprint is its id. */
    public record Registration(String fingerprint, UUID apiKeyId, String subject, String issuer, Instant notAfter,
                               Instant createdAt) {
    }

    /** The key {@code certificate} is registered to, if it is, the key lives and the certificate has not expired. */
    public Optional<ApiKey> authenticate(X509Certificate certificate, Instant now) {
        if (certificate.getNotAfter().toInstant().isBefore(now)) {
            return Optional.empty();
        }
        String fingerprint = fingerprint(certificate);
        Cached cached = cache.get(fingerprint);
        if (cached != null && cached.expires.isAfter(now)) {
            return cached.apiKey.filter(key -> key.liveAt(now));
        }
        Optional<ApiKey> apiKey = keys.liveByCertificate(fingerprint).map(ApiKeyRepository.Authenticated::apiKey);
        cache.put(fingerprint, new Cached(apiKey, now.plus(CACHE_TTL)));
        return apiKey.filter(key -> key.liveAt(now));
    }

    /**
     * Registers {@code certificate} to the key {@code apiKeyId} if that is a live key of the account (empty when it
     * is not); CONFLICT when the certificate is registered already.
     */
    public Optional<Registration> register(UUID accountId, UUID apiKeyId, X509Certificate certificate) {
        String fingerprint = fingerprint(certificate);
        if (!keys.existsByIdAndAccountIdAndRevokedAtIsNull(apiKeyId, accountId)) {
            return Optional.empty();
        }
        try {
            ApiKeyCertificateEntity registered = repository.saveAndFlush(new ApiKeyCertificateEntity(fingerprint,
                    apiKeyId, certificate.getSubjectX500Principal().getName(),
                    certificate.getIssuerX500Principal().getName(), certificate.getNotAfter().toInstant()));
            cache.remove(fingerprint);
            return Optional.of(registered.toRegistration());
        } catch (DataIntegrityViolationException e) {
            throw new UsersException(ErrorCode.CONFLICT, "certificate " + fingerprint + " is already registered");
        }
    }

    /** The account's registrations, oldest first. */
    public List<Registration> ofAccount(UUID accountId, int limit, long offset) {
        return repository.ofAccount(accountId, limit, offset).stream()
                .map(ApiKeyCertificateEntity::toRegistration).toList();
    }

    public long countOfAccount(UUID accountId) {
        return repository.countOfAccount(accountId);
    }

    public Optional<Registration> find(UUID accountId, String fingerprint) {
        return repository.findOfAccount(accountId, fingerprint).map(ApiKeyCertificateEntity::toRegistration);
    }

    /** Deletes the account's registration of {@code fingerprint}; whether there was one. */
    public boolean delete(UUID accountId, String fingerprint) {
        int deleted = repository.deleteOfAccount(accountId, fingerprint);
        cache.remove(fingerprint);
        return deleted > 0;
    }

    /**
     * The SHA-256 of the DER certificate, 64 lower-case hex digits: what {@code openssl x509 -noout -fingerprint
     * -sha256} prints, without its colons.
     */
    public static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("a certificate from the TLS layer or parsed from PEM has a DER form", e);
        }
    }

    /** A fingerprint as a client may write it (colons, upper case) in the service's form, or null if it is none. */
    public static String normalised(String given) {
        String hex = given.replace(":", "").toLowerCase(Locale.ROOT);
        return hex.matches("[0-9a-f]{64}") ? hex : null;
    }

    /** Forgets the cached lookups of key {@code apiKeyId}, which was just revoked. */
    void forgetKey(UUID apiKeyId) {
        cache.values().removeIf(cached -> cached.apiKey.map(key -> key.id().equals(apiKeyId)).orElse(false));
    }

    private record Cached(Optional<ApiKey> apiKey, Instant expires) {
    }
}
