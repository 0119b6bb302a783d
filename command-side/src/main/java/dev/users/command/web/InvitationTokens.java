package dev.users.command.web;

import dev.users.errors.ErrorCode;
import dev.users.errors.UsersException;
import dev.users.command.infra.WriteSettings;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

/**
 * The token of an invitation's e-mail link: the membership, the person and the inviting account, signed with
 * HMAC-SHA256 under {@code users.invitations.secret}, so that whoever holds the link (the person, reading the
 * e-mail sent to their address) may answer that one invitation and nothing else. Nothing is stored: the token is
 * checked by recomputing its signature, and it stops working once the invitation is answered or ended (the
 * aggregate refuses). Without a configured secret a random one is drawn at start: links then die with the process.
 */
@Component
public class InvitationTokens {

    private static final String HMAC = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    public InvitationTokens(WriteSettings settings) {
        String secret = settings.invitations().secret();
        byte[] bytes = secret == null || secret.isBlank() ? random() : secret.getBytes(StandardCharsets.UTF_8);
        this.key = new SecretKeySpec(bytes, HMAC);
    }

    /** What a valid token names. */
    public record Invitation(UUID membershipId, UUID userId, UUID accountId) {
    }

    public String issue(Invitation invitation) {
        byte[] body = ByteBuffer.allocate(48).putLong(invitation.membershipId().getMostSignificantBits())
                .putLong(invitation.membershipId().getLeastSignificantBits())
                .putLong(invitation.userId().getMostSignificantBits())
                .putLong(invitation.userId().getLeastSignificantBits())
                .putLong(invitation.accountId().getMostSignificantBits())
                .putLong(invitation.accountId().getLeastSignificantBits()).array();
        return ENCODER.encodeToString(body) + "." + ENCODER.encodeToString(sign(body));
    }

    /** The invitation a token names, or NOT_FOUND for anything that is not a token this service signed. */
    public Invitation verify(String token) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot < 0 || token.length() > 200) {
            throw invalid();
        }
        byte[] body;
        byte[] signature;
        try {
            body = DECODER.decode(token.substring(0, dot));
            signature = DECODER.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (body.length != 48 || !MessageDigest.isEqual(sign(body), signature)) {
            throw invalid();
        }
        ByteBuffer ids = ByteBuffer.wrap(body);
        return new Invitation(new UUID(ids.getLong(), ids.getLong()), new UUID(ids.getLong(), ids.getLong()),
                new UUID(ids.getLong(), ids.getLong()));
    }

    private byte[] sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }

    private static byte[] random() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static UsersException invalid() {
        return new UsersException(ErrorCode.NOT_FOUND, "invitation not found");
    }
}
