package dev.users.app.auth;

import dev.users.errors.ErrorCode;
import dev.users.errors.UsersException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
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
 * fingerprint at once when it registers or deletes it, other nodes within the cache's lifetime.
 */
@Component
public class ApiKeyCertificates {

    private static final Duration CACHE_TTL = Duration.ofSeconds(30);
    private static final String COLUMNS = "c.fingerprint, c.api_key_id, c.subject, c.issuer, c.not_after, c.created_at";

    private final JdbcClient jdbc;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public ApiKeyCertificates(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
        Optional<ApiKey> apiKey = jdbc.sql("select " + ApiKeys.AUTH_COLUMNS + " " + """
                        from api_key_certificates c join api_keys k on k.id = c.api_key_id
                        join accounts a on a.id = k.account_id
                        where c.fingerprint = ? and k.revoked_at is null""")
                .param(fingerprint)
                .query(ApiKeys::authenticated)
                .optional();
        cache.put(fingerprint, new Cached(apiKey, now.plus(CACHE_TTL)));
        return apiKey.filter(key -> key.liveAt(now));
    }

    /**
     * Registers {@code certificate} to the key {@code apiKeyId} if that is a live key of the account (empty when it
     * is not); CONFLICT when the certificate is registered already.
     */
    public Optional<Registration> register(UUID accountId, UUID apiKeyId, X509Certificate certificate) {
        String fingerprint = fingerprint(certificate);
        try {
            Optional<Registration> registration = jdbc.sql("""
                            insert into api_key_certificates as c (fingerprint, api_key_id, subject, issuer, not_after)
                            select ?, k.id, ?, ?, ? from api_keys k
                            where k.id = ? and k.account_id = ? and k.revoked_at is null
                            returning""" + " " + COLUMNS)
                    .params(fingerprint, certificate.getSubjectX500Principal().getName(),
                            certificate.getIssuerX500Principal().getName(),
                            Timestamp.from(certificate.getNotAfter().toInstant()), apiKeyId, accountId)
                    .query(ApiKeyCertificates::registration).optional();
            cache.remove(fingerprint);
            return registration;
        } catch (DuplicateKeyException e) {
            throw new UsersException(ErrorCode.CONFLICT, "certificate " + fingerprint + " is already registered");
        }
    }

    /** The account's registrations, oldest first, and how many there are. */
    public List<Registration> ofAccount(UUID accountId, int limit, long offset) {
        return jdbc.sql("select " + COLUMNS + " from api_key_certificates c join api_keys k on k.id = c.api_key_id"
                        + " where k.account_id = ? order by c.created_at, c.fingerprint limit ? offset ?")
                .params(accountId, limit, offset).query(ApiKeyCertificates::registration).list();
    }

    public long countOfAccount(UUID accountId) {
        return jdbc.sql("select count(*) from api_key_certificates c join api_keys k on k.id = c.api_key_id"
                + " where k.account_id = ?").param(accountId).query(Long.class).single();
    }

    public Optional<Registration> find(UUID accountId, String fingerprint) {
        return jdbc.sql("select " + COLUMNS + " from api_key_certificates c join api_keys k on k.id = c.api_key_id"
                        + " where k.account_id = ? and c.fingerprint = ?")
                .params(accountId, fingerprint).query(ApiKeyCertificates::registration).optional();
    }

    /** Deletes the account's registration of {@code fingerprint}; whether there was one. */
    public boolean delete(UUID accountId, String fingerprint) {
        int deleted = jdbc.sql("delete from api_key_certificates c using api_keys k"
                        + " where k.id = c.api_key_id and k.account_id = ? and c.fingerprint = ?")
                .params(accountId, fingerprint).update();
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

    private static Registration registration(ResultSet rs, int row) throws SQLException {
        return new Registration(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant());
    }

    /** Forgets the cached lookups of key {@code apiKeyId}, which was just revoked. */
    void forgetKey(UUID apiKeyId) {
        cache.values().removeIf(cached -> cached.apiKey.map(key -> key.id().equals(apiKeyId)).orElse(false));
    }

    private record Cached(Optional<ApiKey> apiKey, Instant expires) {
    }
}
