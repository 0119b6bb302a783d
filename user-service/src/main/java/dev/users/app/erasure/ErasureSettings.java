package dev.users.app.erasure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code users.erasure.*}: the crypto-shredding of personal fields.
 *
 * @param masterKey base64 of 32 random bytes wrapping every user's data key, the same on every node; unset (or
 *                  blank): one is generated at the first start and kept in the database ({@link MasterKey})
 * @param encrypt   false stores new events' personal fields in plain: only to measure what the encryption costs
 *                  (an A/B of creates); such users cannot be erased from the event store
 */
@ConfigurationProperties("users.erasure")
public record ErasureSettings(String masterKey, @DefaultValue("true") boolean encrypt) {

    /** The configured master key, or null when none is (the database then keeps a generated one). */
    String configuredMasterKey() {
        return masterKey == null || masterKey.isBlank() ? null : masterKey.strip();
    }
}
