package dev.users.app.erasure;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.UUID;

/**
 * AES-256-GCM of the JDK, as this service uses it for data keys and personal values: a random 96-bit nonce per
 * message, stored before the ciphertext and its 128-bit tag; the user's id as associated data, so that a value
 * copied into another user's event does not decrypt there.
 */
final class Aes {

    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    // a Cipher is not thread-safe, and getInstance costs a provider lookup per call
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });

    private Aes() {
    }

    static byte[] encrypt(SecretKey key, UUID userId, byte[] plain) {
        byte[] nonce = new byte[NONCE];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associated(userId));
            byte[] out = new byte[NONCE + cipher.getOutputSize(plain.length)];
            System.arraycopy(nonce, 0, out, 0, NONCE);
            cipher.doFinal(plain, 0, plain.length, out, NONCE);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plain bytes; empty when the message is not one of this key's for this user (too short, or altered). */
    static Optional<byte[]> decrypt(SecretKey key, UUID userId, byte[] message) {
        if (message.length < NONCE + TAG_BITS / 8) {
            return Optional.empty();
        }
        try {
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, message, 0, NONCE));
            cipher.updateAAD(associated(userId));
            return Optional.of(cipher.doFinal(message, NONCE, message.length - NONCE));
        } catch (AEADBadTagException e) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] associated(UUID userId) {
        return ByteBuffer.allocate(16).putLong(userId.getMostSignificantBits())
                .putLong(userId.getLeastSignificantBits()).array();
    }
}
