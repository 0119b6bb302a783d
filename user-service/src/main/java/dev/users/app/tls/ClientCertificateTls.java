package dev.users.app.tls;

import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.ssl.SslStoreBundle;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.Ssl;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

import java.security.KeyStore;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Client certificates over HTTPS, as IMCO's API takes them: with {@code users.tls.client-ca} set, the HTTPS
 * connector ({@code server.ssl.bundle}) asks every client for a certificate ({@code want}, not {@code need}: a client
 * without one goes on and may still authenticate with a bearer key) and its trust store becomes that authority, so
 * that a certificate it did not sign (or an expired one) fails the handshake and never reaches the application.
 * Which certificate is whose is decided by the application ({@code ApiKeyFilter}). Runs after Spring Boot's own
 * customizer has given the factory its SSL settings and bundles.
 */
@Component
public class ClientCertificateTls implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private final ClientCertificateAuthority authority;

    public ClientCertificateTls(ClientCertificateAuthority authority) {
        this.authority = authority;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        if (!authority.configured()) {
            return;
        }
        Ssl ssl = factory.getSsl();
        if (!Ssl.isEnabled(ssl) || ssl.getBundle() == null || ssl.getBundle().isBlank()
                || factory.getSslBundles() == null) {
            throw new IllegalStateException("users.tls.client-ca is set but HTTPS is not: set server.ssl.bundle to "
                    + "an SSL bundle with the server's certificate (spring.ssl.bundle.pem.<name>.keystore.*)");
        }
        SslBundle server = factory.getSslBundles().getBundle(ssl.getBundle());
        if (server.getStores().getTrustStore() != null) {
            throw new IllegalStateException("SSL bundle " + ssl.getBundle() + " has a trust store and "
                    + "users.tls.client-ca is set: give the client certificates' authority in one place only");
        }
        if (ssl.getClientAuth() == null || ssl.getClientAuth() == Ssl.ClientAuth.NONE) {
            ssl.setClientAuth(Ssl.ClientAuth.WANT);
        }
        factory.setSslBundles(new WithClientCa(factory.getSslBundles(), ssl.getBundle(), authority.trustStore()));
    }

    /** The application's bundles, with the server's bundle trusting the client certificates' authority. */
    private record WithClientCa(SslBundles bundles, String name, KeyStore trustStore) implements SslBundles {

        @Override
        public SslBundle getBundle(String bundle) throws NoSuchSslBundleException {
            SslBundle found = bundles.getBundle(bundle);
            return bundle.equals(name) ? trusting(found) : found;
        }

        @Override
        public void addBundleUpdateHandler(String bundle, Consumer<SslBundle> handler) {
            bundles.addBundleUpdateHandler(bundle, bundle.equals(name)
                    ? updated -> handler.accept(trusting(updated)) : handler);
        }

        @Override
        public void addBundleRegisterHandler(BiConsumer<String, SslBundle> handler) {
            bundles.addBundleRegisterHandler(handler);
        }

        @Override
        public List<String> getBundleNames() {
            return bundles.getBundleNames();
        }

        private SslBundle trusting(SslBundle server) {
            SslStoreBundle stores = server.getStores();
            return SslBundle.of(SslStoreBundle.of(stores.getKeyStore(), stores.getKeyStorePassword(), trustStore),
                    server.getKey(), server.getOptions(), server.getProtocol());
        }
    }
}
