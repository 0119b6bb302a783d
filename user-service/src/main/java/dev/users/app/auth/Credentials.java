package dev.users.app.auth;

import dev.users.app.tls.ClientCertificateAuthority;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Enumeration;
import java.util.Optional;

/**
 * Which API key a request speaks for: its {@code Authorization: Bearer <key>}, or the client certificate it
 * presented in the TLS handshake when that certificate is registered to a key ({@link ApiKeyCertificates}), as
 * IMCO's clients authenticate. Both given: they must be the same key, else neither counts (a request speaks for
 * one key). A certificate that is not registered (or no longer) is no credential: a bearer key alone decides then,
 * and without one the request is refused.
 */
@Component
public class Credentials {

    /** Where Tomcat puts the client's certificate chain, the client's own first (Servlet specification). */
    static final String CERTIFICATES = "jakarta.servlet.request.X509Certificate";

    private final ApiKeys apiKeys;
    private final ApiKeyCertificates certificates;
    private final ClientCertificateAuthority authority;
    private final Clock clock;

    public Credentials(ApiKeys apiKeys, ApiKeyCertificates certificates, ClientCertificateAuthority authority,
                       Clock clock) {
        this.apiKeys = apiKeys;
        this.certificates = certificates;
        this.authority = authority;
        this.clock = clock;
    }

    /** The key a request authenticates as, or why it does not (the 401's message). */
    public record Outcome(ApiKey key, String refusal) {

        static Outcome as(ApiKey key) {
            return new Outcome(key, null);
        }

        static Outcome refused(String why) {
            return new Outcome(null, why);
        }
    }

    public Outcome authenticate(HttpServletRequest request) {
        Enumeration<String> headers = request.getHeaders(HttpHeaders.AUTHORIZATION);
        String header = headers.hasMoreElements() ? headers.nextElement() : null;
        if (headers.hasMoreElements()) {
            // a proxy in front may judge the request by another of them than this service would
            return Outcome.refused("a request carries one Authorization header, not several");
        }
        X509Certificate certificate = clientCertificate(request);
        Instant now = clock.instant();
        Optional<ApiKey> byCertificate = certificate == null ? Optional.empty()
                : certificates.authenticate(certificate, now);
        if (header == null) {
            if (byCertificate.isPresent()) {
                return Outcome.as(byCertificate.get());
            }
            if (certificate != null) {
                return Outcome.refused(certificate.getNotAfter().toInstant().isBefore(now)
                        ? "the client certificate has expired"
                        : "the client certificate is not registered to an API key");
            }
            return Outcome.refused("missing Authorization: Bearer <api key> header"
                    + (authority.configured() ? " or client certificate" : ""));
        }
        Optional<ApiKey> byKey = Optional.empty();
        if (header.regionMatches(true, 0, "Bearer ", 0, 7) && header.length() > 7) {
            byKey = apiKeys.authenticate(header.substring(7).trim());
        }
        if (byKey.isEmpty()) {
            return Outcome.refused("unknown API key");
        }
        if (byCertificate.isPresent() && !byCertificate.get().id().equals(byKey.get().id())) {
            return Outcome.refused("the client certificate is registered to another API key than the bearer key");
        }
        return Outcome.as(byKey.get());
    }

    /** The certificate the client presented over TLS, null on plain HTTP or when it presented none. */
    private static X509Certificate clientCertificate(HttpServletRequest request) {
        if (!request.isSecure()) {
            return null;
        }
        return request.getAttribute(CERTIFICATES) instanceof X509Certificate[] chain && chain.length > 0
                ? chain[0] : null;
    }
}
