package dev.users.app.tls;

import org.springframework.boot.io.ApplicationResourceLoader;
import org.springframework.boot.ssl.pem.PemSslStore;
import org.springframework.boot.ssl.pem.PemSslStoreDetails;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The certificate authority whose client certificates the service takes ({@code users.tls.client-ca}: a PEM file,
 * {@code classpath:}/{@code file:} location or PEM text, one or more certificates). The TLS handshake checks a
 * client's chain against it ({@link ClientCertificateTls}), and a certificate is registered to an API key only if
 * it signed it. Unset: no client certificates are asked for.
 */
@Component
public class ClientCertificateAuthority {

    private final List<X509Certificate> certificates;

    public ClientCertificateAuthority(TlsSettings settings) {
        String location = settings.clientCa();
        this.certificates = location == null || location.isBlank() ? List.of() : load(location.trim());
    }

    private static List<X509Certificate> load(String location) {
        PemSslStore store = PemSslStore.load(PemSslStoreDetails.forCertificates(location),
                ApplicationResourceLoader.get());
        List<X509Certificate> loaded = store == null ? null : store.certificates();
        if (loaded == null || loaded.isEmpty()) {
            throw new IllegalStateException("users.tls.client-ca (" + location + ") holds no PEM certificate");
        }
        return List.copyOf(loaded);
    }

    public boolean configured() {
        return !certificates.isEmpty();
    }

    /** Whether one of the authority's certificates signed {@code certificate}. */
    public boolean signed(X509Certificate certificate) {
        for (X509Certificate authority : certificates) {
            if (!authority.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
                continue;
            }
            try {
                certificate.verify(authority.getPublicKey());
                return true;
            } catch (GeneralSecurityException notThisOne) {
                // another certificate of the same name may have signed it
            }
        }
        return false;
    }

    /** The authority's certificates as a trust store, for the TLS layer. */
    KeyStore trustStore() {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            for (int i = 0; i < certificates.size(); i++) {
                store.setCertificateEntry("client-ca-" + i, certificates.get(i));
            }
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build a trust store of users.tls.client-ca", e);
        }
    }
}
