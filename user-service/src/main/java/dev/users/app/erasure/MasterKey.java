package dev.users.app.erasure;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The key that wraps every user's data key: {@code users.erasure.master-key} (base64 of 32 random bytes), or, when
 * none is configured, one generated at the first start and kept in {@code erasure_master_key} (V45). Its fingerprint
 * is kept there too, and a start with a different key fails: every data key would otherwise fail to unwrap. Never
 * logged or printed. Resolved once the context's beans exist (Flyway has made the table) and before the web server
 * takes requests, on connections of its own: resolving it on first use, inside a command's transaction, took a second
 * connection while holding the first, and a burst of creates after a restart held every connection of the pool while
 * waiting for the one that resolved it (every create a 503 until the load stopped).
 */
@Component
public class MasterKey implements SmartInitializingSingleton {

    private static final byte[] LABEL = "users-service erasure master key".getBytes(StandardCharsets.UTF_8);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final byte[] configured;
    private volatile SecretKey key;

    MasterKey(JdbcTemplate jdbc, ErasureSettings settings) {
        this.jdbc = jdbc;
        String configured = settings.configuredMasterKey();
        this.configured = configured == null ? null : decode(configured);
    }

    /** A fresh random 256-bit AES key. */
    static byte[] randomKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** Settles the key (outside any transaction: each statement commits on its own); a wrong key fails the start. */
    @Override
    public void afterSingletonsInstantiated() {
        key = new SecretKeySpec(resolve(), "AES");
    }

    SecretKey key() {
        SecretKey resolved = key;
        if (resolved == null) {
            throw new IllegalStateException("the master key is resolved when the service starts, not before");
        }
        return resolved;
    }

    private byte[] resolve() {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "select fingerprint, generated_key from erasure_master_key where id = 1");
        if (rows.isEmpty()) {
            byte[] chosen = configured != null ? configured : randomKey();
            jdbc.update("insert into erasure_master_key (id, fingerprint, generated_key) values (1, ?, ?)"
                    + " on conflict (id) do nothing", fingerprint(chosen), configured != null ? null : chosen);
            return resolve(); // another node may have won the insert: take what is stored
        }
        byte[] stored = (byte[]) rows.get(0).get("fingerprint");
        byte[] generated = (byte[]) rows.get(0).get("generated_key");
        byte[] chosen = configured != null ? configured : generated;
        if (chosen == null) {
            throw new IllegalStateException("users.erasure.master-key is not set, but the data keys were wrapped by a"
                    + " configured master key: set it again");
        }
        if (!MessageDigest.isEqual(stored, fingerprint(chosen))) {
            throw new IllegalStateException("users.erasure.master-key is not the key that wrapped the stored data keys"
                    + (configured != null && generated != null ? " (they were wrapped by the generated one kept in"
                    + " erasure_master_key; see README, Settings)" : ""));
        }
        return chosen;
    }

    static byte[] fingerprint(byte[] key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(LABEL);
            return sha.digest(key);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] decode(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("users.erasure.master-key must be base64 (of 32 random bytes)");
        }
        if (bytes.length != 32) {
            Arrays.fill(bytes, (byte) 0);
            throw new IllegalStateException("users.erasure.master-key must be 32 bytes (base64 of 44 characters),"
                    + " not " + bytes.length);
        }
        return bytes;
    }
}
