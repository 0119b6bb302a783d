package dev.users.app.tls;

import dev.users.app.support.ErrorFormats;
import dev.users.app.support.Http;
import dev.users.app.support.ImcoClients;
import dev.users.app.support.ServiceProcess;
import dev.users.app.support.TestCertificates;
import dev.users.app.support.TestCertificates.Issued;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.pem.PemSslStoreBundle;
import org.springframework.boot.ssl.pem.PemSslStoreDetails;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.X509ExtendedKeyManager;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.cert.CertificateFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The built service over HTTPS with client certificates, as IMCO's API is called: a local certificate authority,
 * a server certificate for localhost and client certificates as PEM files (the files README's openssl commands
 * make), the service started on them, and IMCO's documented calls made exactly as
 * {@code curl --cacert ca.crt --key api.key --cert api.crt https://localhost:…/v3/…} makes them (the JDK's
 * HttpClient trusting ca.crt only, presenting api.crt, no Authorization header). Also what must fail: no
 * credential, a certificate of another authority or an expired one (the handshake), one never registered or
 * revoked (401), a certificate and a bearer key of different keys (401). The service runs with its default CORS
 * policy, checked here too.
 */
class MutualTlsIT {

    private static final String KEY = "usk_mutual_tls_bootstrap_key";
    private static final String PLAIN_KEY = "usk_mutual_tls_plain_key";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path work;

    private static ServiceProcess service;
    private static String base;
    private static Path tls;
    private static Issued authority;

    @BeforeAll
    static void startOverHttps() throws Exception {
        tls = Files.createDirectories(work.resolve("tls"));
        authority = TestCertificates.authority("Users test CA");
        authority.write(tls, "ca");
        TestCertificates.server(authority).write(tls, "server");
        TestCertificates.client(authority, "api-user").write(tls, "api");
        TestCertificates.client(authority, "never-registered").write(tls, "unregistered");
        TestCertificates.client(authority, "revoked").write(tls, "revoked");
        TestCertificates.client(authority, "plain-key").write(tls, "plain");
        TestCertificates.client(authority, "expired", Instant.now().minus(Duration.ofDays(2)),
                Instant.now().minus(Duration.ofDays(1))).write(tls, "expired");
        Issued stranger = TestCertificates.authority("Another CA");
        TestCertificates.client(stranger, "api-user").write(tls, "stranger");

        int port = ServiceProcess.freePort();
        base = "https://localhost:" + port;
        service = ServiceProcess.launch(work.resolve("data"), port, ServiceProcess.freePort(), KEY,
                work.resolve("service.log"), List.of(
                        "--server.ssl.bundle=api",
                        "--spring.ssl.bundle.pem.api.keystore.certificate=" + tls.resolve("server.crt"),
                        "--spring.ssl.bundle.pem.api.keystore.private-key=" + tls.resolve("server.key"),
                        "--users.tls.client-ca=" + tls.resolve("ca.crt")));
        service.awaitReady(Duration.ofSeconds(90), anonymous());
        assertThat(service.output()).contains("Users service listening on " + base);

        register("api", null);
        register("revoked", null);
        addPlainKey();
        register("plain", keyId(PLAIN_KEY));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (service != null) {
            service.close();
        }
        ServiceProcess.endServerLeftOn(work.resolve("data"));
    }

    /**
     * curl --cacert ca.crt [--key <name>.key --cert <name>.crt]: trusts ca.crt only and, like curl, presents its
     * certificate whichever authorities the server names (the JDK's own key manager would send none that the
     * server's list leaves out, so a stranger's certificate would never be tried).
     */
    private static HttpClient client(String certificate) throws Exception {
        PemSslStoreDetails key = certificate == null ? null
                : PemSslStoreDetails.forCertificate(read(certificate + ".crt")).withPrivateKey(read(certificate + ".key"));
        SslBundle bundle = SslBundle.of(new PemSslStoreBundle(key, PemSslStoreDetails.forCertificate(read("ca.crt"))));
        SSLContext context = SSLContext.getInstance("TLS");
        KeyManager[] keyManagers = certificate == null ? null
                : new KeyManager[] {new AlwaysPresent((X509ExtendedKeyManager) bundle.getManagers().getKeyManagers()[0])};
        context.init(keyManagers, bundle.getManagers().getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** A key manager that offers its one certificate for every request, as curl and cio (Go) do. */
    private static final class AlwaysPresent extends X509ExtendedKeyManager {

        private final X509ExtendedKeyManager keys;
        private final String alias;

        AlwaysPresent(X509ExtendedKeyManager keys) {
            this.keys = keys;
            String[] aliases = keys.getClientAliases("EC", null);
            this.alias = aliases == null || aliases.length == 0 ? null : aliases[0];
        }

        @Override
        public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
            return alias;
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return alias;
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return keys.getClientAliases(keyType, null);
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return null;
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return null;
        }

        @Override
        public X509Certificate[] getCertificateChain(String name) {
            return keys.getCertificateChain(name);
        }

        @Override
        public PrivateKey getPrivateKey(String name) {
            return keys.getPrivateKey(name);
        }
    }

    private static String read(String file) throws IOException {
        return Files.readString(tls.resolve(file));
    }

    private static Http anonymous() throws Exception {
        return new Http(base, client(null), null);
    }

    private static Http withCertificate(String certificate) throws Exception {
        return new Http(base, client(certificate), null);
    }

    private static Http withKey(String key) throws Exception {
        return new Http(base, client(null), key);
    }

    private static void register(String certificate, String apiKeyId) throws Exception {
        Map<String, Object> body = apiKeyId == null ? Map.of("certificate", read(certificate + ".crt"))
                : Map.of("certificate", read(certificate + ".crt"), "api_key_id", apiKeyId);
        Http.Response registered = withKey(KEY).post("/api/v4/api_key_certificates", body);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
    }

    @Test
    void imcosDocumentedCallsWorkWithTheCertificateAlone() throws Exception {
        Http imco = withCertificate("api");

        Http.Response ping = imco.get("/v3/ping");
        assertThat(ping.status()).as(ping.toString()).isEqualTo(200);
        assertThat(ping.json().path("status").asString()).isEqualTo("ok");
        assertThat(ping.json().path("customer_id").asString()).isEqualTo(accountId());

        Http.Response list = imco.get("/v3/settings/users");
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(list.json().isArray()).isTrue();

        Http.Response created = imco.post("/v3/settings/users",
                Map.of("first_name", "Kahn", "last_name", "Souphanousinphone", "role_ids", List.of("admin")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("id").asString();

        Http.Response shown = imco.get("/v3/settings/users/" + id);
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.json()).isEqualTo(created.json());
        assertThat(ids(imco.get("/v3/settings/users").json())).contains(id);

        Http.Response roles = imco.get("/v3/settings/roles");
        assertThat(roles.status()).isEqualTo(200);
        assertThat(roles.json().values().stream().map(r -> r.path("name").asString())).contains("admin");

        Http.Response v4 = imco.get("/api/v4/users/" + id);
        assertThat(v4.status()).isEqualTo(200);
        assertThat(v4.json().path("name").asString()).isEqualTo("Kahn Souphanousinphone");

        // exactly as the key: same account, same key id in the events' metadata, same admin power
        assertThat(apiKeyIdsOfEvents(id)).containsOnly(keyId(KEY));
        assertThat(imco.post("/v3/settings/roles", Map.of("name", "tls-" + System.nanoTime())).status())
                .isEqualTo(201);

        assertThat(imco.delete("/v3/settings/users/" + id).status()).isEqualTo(204);
        Http.Response gone = imco.get("/v3/settings/users/" + id);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(ErrorFormats.v3Problem(gone)).isNull();
    }

    @Test
    void aCertificateRegisteredToAPlainKeyHasThatKeysPowersOnly() throws Exception {
        Http plain = withCertificate("plain");
        assertThat(plain.get("/v3/settings/users").status()).isEqualTo(200);
        Http.Response role = plain.post("/v3/settings/roles", Map.of("name", "not-for-plain-keys"));
        assertThat(role.status()).isEqualTo(403);
        assertThat(ImcoClients.error(role)).isEqualTo("only an admin API key can add roles");
        assertThat(plain.get("/api/v4/api_key_certificates").status()).isEqualTo(403);
    }

    @Test
    void bearerKeysKeepWorkingOverHttpsWithOrWithoutACertificate() throws Exception {
        assertThat(withKey(KEY).get("/v3/settings/users").status()).isEqualTo(200);
        // a certificate that is registered to nobody is no credential: the key decides
        assertThat(new Http(base, client("unregistered"), KEY).get("/api/v4/users").status()).isEqualTo(200);
        // a certificate and a key of the same key
        assertThat(new Http(base, client("api"), KEY).get("/v3/settings/users").status()).isEqualTo(200);
    }

    @Test
    void aCertificateAndABearerKeyOfDifferentKeysAre401() throws Exception {
        Http.Response mixed = new Http(base, client("api"), PLAIN_KEY).get("/v3/settings/users");
        assertThat(mixed.status()).isEqualTo(401);
        assertThat(ImcoClients.error(mixed))
                .isEqualTo("the client certificate is registered to another API key than the bearer key");
        assertThat(new Http(base, client("api"), "usk_unknown").get("/v3/settings/users").status()).isEqualTo(401);
    }

    @Test
    void withoutACertificateOrAKeyIs401InEachSurfacesFormat() throws Exception {
        Http.Response v3 = anonymous().get("/v3/ping");
        assertThat(v3.status()).isEqualTo(401);
        assertThat(ErrorFormats.v3Problem(v3)).isNull();
        assertThat(ImcoClients.cio(401, v3.text())).isEqualTo(
                "HTTP request failed: (401) [missing Authorization: Bearer <api key> header or client certificate]");
        Http.Response v4 = anonymous().get("/api/v4/users");
        assertThat(v4.status()).isEqualTo(401);
        assertThat(ErrorFormats.v4Problem(v4)).isNull();
    }

    @Test
    void aCertificateNeverRegisteredIs401() throws Exception {
        Http.Response response = withCertificate("unregistered").get("/v3/settings/users");
        assertThat(response.status()).isEqualTo(401);
        assertThat(ImcoClients.error(response)).isEqualTo("the client certificate is not registered to an API key");
    }

    @Test
    void aRevokedCertificateIs401AtOnce() throws Exception {
        Http revoked = withCertificate("revoked");
        assertThat(revoked.get("/v3/settings/users").status()).isEqualTo(200);
        String fingerprint = fingerprint("revoked");

        assertThat(withKey(KEY).delete("/api/v4/api_key_certificates/" + fingerprint).status()).isEqualTo(204);

        Http.Response response = revoked.get("/v3/settings/users");
        assertThat(response.status()).isEqualTo(401);
        assertThat(withCertificate("revoked").get("/api/v4/users").status()).isEqualTo(401);
    }

    @Test
    void aCertificateOfAnotherAuthorityOrAnExpiredOneNeverGetsPastTheHandshake() throws Exception {
        for (String certificate : List.of("stranger", "expired")) {
            Http client = withCertificate(certificate);
            assertThatThrownBy(() -> client.get("/v3/settings/users")).as(certificate)
                    .hasRootCauseInstanceOf(SSLException.class);
        }
        // nor can it be registered: the client authority did not sign it
        Http.Response registered = withKey(KEY).post("/api/v4/api_key_certificates",
                Map.of("certificate", read("stranger.crt")));
        assertThat(registered.status()).isEqualTo(422);
        assertThat(registered.json().path("errors").get(0).path("message").asString())
                .isEqualTo("certificate is not signed by the client certificate authority (users.tls.client-ca)");
    }

    @Test
    void theDefaultCorsPolicyAllowsAnyOriginWithoutCredentials() throws Exception {
        HttpResponse<String> preflight = client(null).send(HttpRequest.newBuilder(URI.create(base + "/v3/settings/users"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://anywhere.example").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
    }

    private static String fingerprint(String certificate) throws Exception {
        String pem = read(certificate + ".crt");
        var parsed = CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(parsed.getEncoded()));
    }

    private static List<String> ids(JsonNode users) {
        return users.values().stream().map(u -> u.path("id").asString()).toList();
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(service.jdbcUrl(), "postgres", "");
    }

    private static String keyId(String key) {
        try (Connection db = database(); PreparedStatement query = db.prepareStatement(
                "select id::text from api_keys where key_hash = encode(sha256(convert_to(?, 'UTF8')), 'hex')")) {
            query.setString(1, key);
            try (ResultSet rows = query.executeQuery()) {
                assertThat(rows.next()).as("key " + key).isTrue();
                return rows.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String accountId() {
        try (Connection db = database(); PreparedStatement query = db.prepareStatement(
                "select id::text from accounts order by created_at limit 1"); ResultSet rows = query.executeQuery()) {
            assertThat(rows.next()).isTrue();
            return rows.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A key of the default account that is not an admin key (the service has no API that issues keys). */
    private static void addPlainKey() throws SQLException {
        try (Connection db = database(); PreparedStatement insert = db.prepareStatement("""
                insert into api_keys (id, account_id, key_hash, label, scope)
                select ?, id, encode(sha256(convert_to(?, 'UTF8')), 'hex'), 'plain', 'write'
                from accounts order by created_at limit 1""")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, PLAIN_KEY);
            assertThat(insert.executeUpdate()).isEqualTo(1);
        }
    }

    private static List<String> apiKeyIdsOfEvents(String userId) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection db = database(); PreparedStatement query = db.prepareStatement(
                "select convert_from(metadata, 'UTF8') from domainevententry where aggregateidentifier = ?")) {
            query.setString(1, userId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(JSON.readTree(rows.getString(1)).path("apiKeyId").asString());
                }
            }
        }
        assertThat(ids).isNotEmpty();
        return ids;
    }
}
