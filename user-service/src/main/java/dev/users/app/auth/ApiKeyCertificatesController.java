package dev.users.app.auth;

import dev.users.app.auth.ApiKeyCertificates.Registration;
import dev.users.app.tls.ClientCertificateAuthority;
import dev.users.command.web.ParamReader;
import dev.users.command.web.RequestBodies;
import dev.users.errors.ErrorCode;
import dev.users.errors.UsersException;
import dev.users.web.Caller;
import dev.users.web.ClientText;
import dev.users.web.Timestamps;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Client certificates of the caller's account, for admin keys only: register one to the calling key or another
 * key of the account (it then authenticates exactly as that key, see {@link Credentials}), list, show and delete
 * (revoke) them. A certificate's id is its SHA-256 fingerprint.
 */
@RestController
@RequestMapping(ApiKeyCertificatesController.PATH)
public class ApiKeyCertificatesController {

    static final String PATH = "/api/v4/api_key_certificates";
    /** Far more than any one certificate in PEM, far less than a body that could hurt. */
    private static final int MAX_PEM = 20_000;

    private final ApiKeyCertificates certificates;
    private final ClientCertificateAuthority authority;
    private final RequestBodies bodies;
    private final Clock clock;

    public ApiKeyCertificatesController(ApiKeyCertificates certificates, ClientCertificateAuthority authority,
                                        RequestBodies bodies, Clock clock) {
        this.certificates = certificates;
        this.authority = authority;
        this.bodies = bodies;
        this.clock = clock;
    }

    /**
     * {@code {"certificate": "<PEM>", "api_key_id": "<uuid>"}} (JSON, or form-encoded as {@code curl
     * --data-urlencode certificate@api.crt}): the certificate authenticates as the calling key, or as the account's
     * key {@code api_key_id} names.
     */
    @PostMapping
    ResponseEntity<Map<String, Object>> register(HttpServletRequest request, Caller caller) {
        requireAdmin(caller);
        JsonNode body = bodies.read(request, "api_key_certificate");
        ParamReader reader = new ParamReader();
        String pem = reader.text(body, "certificate", MAX_PEM);
        if (pem == null || pem.isBlank()) {
            reader.problem("certificate", "certificate is required: the client certificate in PEM");
        }
        UUID apiKeyId = apiKeyId(reader, reader.string(body, "api_key_id", 36), caller);
        reader.throwIfProblems();
        X509Certificate certificate = parse(pem);
        Registration registered = certificates.register(caller.accountId(), apiKeyId, certificate)
                .orElseThrow(() -> new UsersException(ErrorCode.INVALID, new UsersException.Problem("api_key_id",
                        "api_key_id " + apiKeyId + " is not a live API key of this account")));
        return ResponseEntity.created(URI.create(PATH + "/" + registered.fingerprint())).body(render(registered));
    }

    private static UUID apiKeyId(ParamReader reader, String given, Caller caller) {
        if (given == null || given.isEmpty()) {
            return caller.apiKeyId();
        }
        try {
            return UUID.fromString(given);
        } catch (IllegalArgumentException e) {
            reader.problem("api_key_id", "api_key_id must be an API key's id (a UUID)");
            return null;
        }
    }

    @GetMapping
    Map<String, Object> list(Caller caller, @RequestParam MultiValueMap<String, String> params) {
        requireAdmin(caller);
        return AdminPages.page(params, (limit, offset) -> certificates.ofAccount(caller.accountId(), limit, offset),
                ApiKeyCertificatesController::render, certificates.countOfAccount(caller.accountId()));
    }

    @GetMapping("/{id}")
    Map<String, Object> show(Caller caller, @PathVariable("id") String id) {
        requireAdmin(caller);
        return certificates.find(caller.accountId(), fingerprint(id)).map(ApiKeyCertificatesController::render)
                .orElseThrow(() -> notFound(id));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(Caller caller, @PathVariable("id") String id) {
        requireAdmin(caller);
        if (!certificates.delete(caller.accountId(), fingerprint(id))) {
            throw notFound(id);
        }
        return ResponseEntity.noContent().build();
    }

    /** The one certificate in {@code pem}, signed by the configured authority and not expired; else INVALID. */
    private X509Certificate parse(String pem) {
        Collection<? extends Certificate> found;
        try {
            found = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException e) {
            throw invalid("certificate is not an X.509 certificate in PEM");
        }
        if (found.size() != 1 || !(found.iterator().next() instanceof X509Certificate certificate)) {
            throw invalid("certificate must hold exactly one X.509 certificate (the client's), not " + found.size());
        }
        if (certificate.getNotAfter().toInstant().isBefore(clock.instant())) {
            throw invalid("certificate has expired (not after " + certificate.getNotAfter().toInstant() + ")");
        }
        if (authority.configured() && !authority.signed(certificate)) {
            throw invalid("certificate is not signed by the client certificate authority (users.tls.client-ca)");
        }
        return certificate;
    }

    /** The fingerprint a path id names (hex, colons and case as {@code openssl} prints it are fine). */
    private static String fingerprint(String id) {
        String refusal = ClientText.refusal(id, ClientText.Kind.LINE);
        if (refusal != null) {
            throw new UsersException(ErrorCode.INVALID, new UsersException.Problem("id", "id " + refusal));
        }
        String fingerprint = ApiKeyCertificates.normalised(id);
        if (fingerprint == null) {
            throw notFound(id);
        }
        return fingerprint;
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.admin()) {
            throw new UsersException(ErrorCode.FORBIDDEN, "only an admin API key can manage client certificates");
        }
    }

    private static UsersException invalid(String message) {
        return new UsersException(ErrorCode.INVALID, new UsersException.Problem("certificate", message));
    }

    private static UsersException notFound(String id) {
        return new UsersException(ErrorCode.NOT_FOUND, "certificate " + id + " not found");
    }

    private static Map<String, Object> render(Registration registration) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", registration.fingerprint());
        json.put("subject", registration.subject());
        json.put("issuer", registration.issuer());
        json.put("not_after", Timestamps.of(registration.notAfter()));
        json.put("api_key_id", registration.apiKeyId().toString());
        json.put("created_at", Timestamps.of(registration.createdAt()));
        return json;
    }
}
