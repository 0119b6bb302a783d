package dev.users.app.http;

import dev.users.app.auth.ApiKeyCertificates;
import dev.users.app.support.ApiTest;
import dev.users.app.support.Http;
import dev.users.app.support.TestCertificates;
import dev.users.app.support.TestCertificates.Issued;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Registering client certificates to API keys, over plain HTTP (the service under test has no HTTPS; using them in
 * a TLS handshake is {@code MutualTlsIT}'s): admin keys only, one PEM certificate each, listed, shown and deleted
 * by fingerprint, each account seeing only its own.
 */
class ApiKeyCertificatesTest extends ApiTest {

    private static final String CERTIFICATES = "/api/v4/api_key_certificates";
    private static final Issued AUTHORITY = TestCertificates.authority("Registration test CA");

    @Autowired
    JdbcClient jdbc;

    private static List<String> messages(Http.Response response) {
        return V4CreateUserTest.messages(response);
    }

    private String keyId(String key) {
        return jdbc.sql("select id::text from api_keys where key_hash = encode(sha256(convert_to(?, 'UTF8')), 'hex')")
                .param(key).query(String.class).single();
    }

    @Test
    void anAdminRegistersACertificateToItsKeyAndFindsItByFingerprint() throws Exception {
        Issued client = TestCertificates.client(AUTHORITY, "registered");
        String fingerprint = ApiKeyCertificates.fingerprint(client.certificate());

        var registered = api().post(CERTIFICATES, Map.of("certificate", client.certificatePem()));

        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        JsonNode body = registered.json();
        assertThat(body.path("id").asString()).isEqualTo(fingerprint).hasSize(64);
        assertThat(body.path("subject").asString()).isEqualTo("CN=registered,O=Users service tests");
        assertThat(body.path("issuer").asString()).isEqualTo("CN=Registration test CA");
        assertThat(Instant.parse(body.path("not_after").asString()))
                .isEqualTo(client.certificate().getNotAfter().toInstant().truncatedTo(ChronoUnit.SECONDS));
        assertThat(body.path("api_key_id").asString()).isEqualTo(keyId(BOOTSTRAP_KEY));
        assertThat(api().post(CERTIFICATES, Map.of("certificate", client.certificatePem())).status()).isEqualTo(409);

        // as openssl prints it: SHA256 Fingerprint=AB:CD:…
        String openssl = String.join(":", HexFormat.of().withUpperCase().formatHex(
                MessageDigest.getInstance("SHA-256").digest(client.certificate().getEncoded()))
                .split("(?<=\\G..)"));
        assertThat(api().get(CERTIFICATES + "/" + openssl).json()).isEqualTo(body);
        assertThat(ids(api().get(CERTIFICATES + "?limit=100").json())).contains(fingerprint);
    }

    @Test
    void aFormEncodedPemAsCurlSendsItIsTakenToo() {
        Issued client = TestCertificates.client(AUTHORITY, "form");
        String form = "certificate=" + URLEncoder.encode(client.certificatePem(), StandardCharsets.UTF_8);
        var registered = api().send("POST", CERTIFICATES, form, "application/x-www-form-urlencoded");
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        assertThat(registered.json().path("id").asString()).isEqualTo(ApiKeyCertificates.fingerprint(client.certificate()));
    }

    @Test
    void aCertificateCanBeRegisteredToAnotherKeyOfTheAccountOnly() {
        String plainKey = "usk_plain_" + UUID.randomUUID();
        apiKeys.issue(accounts.first().orElseThrow(), "plain", plainKey, false);
        Issued client = TestCertificates.client(AUTHORITY, "for-the-plain-key");

        var registered = api().post(CERTIFICATES, Map.of("certificate", client.certificatePem(),
                "api_key_id", keyId(plainKey)));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        assertThat(registered.json().path("api_key_id").asString()).isEqualTo(keyId(plainKey));

        Issued another = TestCertificates.client(AUTHORITY, "for-another-account");
        var elsewhere = otherAccount().post(CERTIFICATES, Map.of("certificate", another.certificatePem(),
                "api_key_id", keyId(plainKey)));
        assertThat(elsewhere.status()).isEqualTo(422);
        assertThat(messages(elsewhere)).containsExactly(
                "api_key_id " + keyId(plainKey) + " is not a live API key of this account");
        assertThat(messages(api().post(CERTIFICATES, Map.of("certificate", another.certificatePem(),
                "api_key_id", "nope")))).containsExactly("api_key_id must be an API key's id (a UUID)");
    }

    @Test
    void badCertificatesAre422AndChangeNothing() {
        Issued expired = TestCertificates.client(AUTHORITY, "expired", Instant.now().minusSeconds(7200),
                Instant.now().minusSeconds(3600));
        Issued one = TestCertificates.client(AUTHORITY, "one");
        Issued two = TestCertificates.client(AUTHORITY, "two");
        long before = count();

        assertThat(messages(api().post(CERTIFICATES, Map.of()))).containsExactly(
                "certificate is required: the client certificate in PEM");
        assertThat(messages(api().post(CERTIFICATES, Map.of("certificate", "-----BEGIN CERTIFICATE-----\nAAAA\n"
                + "-----END CERTIFICATE-----\n")))).containsExactly("certificate is not an X.509 certificate in PEM");
        assertThat(messages(api().post(CERTIFICATES, Map.of("certificate", one.certificatePem()
                + two.certificatePem())))).containsExactly(
                "certificate must hold exactly one X.509 certificate (the client's), not 2");
        assertThat(messages(api().post(CERTIFICATES, Map.of("certificate", expired.certificatePem()))))
                .singleElement().asString().startsWith("certificate has expired");
        assertThat(messages(api().post(CERTIFICATES, Map.of("certificate", one.privateKeyPem()))))
                .containsExactly("certificate is not an X.509 certificate in PEM");
        assertThat(api().post(CERTIFICATES, "{\"certificate\": \"a\\u0000\"}").status()).isEqualTo(422);
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void onlyAdminKeysManageCertificates() {
        Issued client = TestCertificates.client(AUTHORITY, "not-admin");
        Http plain = nonAdmin();
        assertThat(plain.post(CERTIFICATES, Map.of("certificate", client.certificatePem())).status()).isEqualTo(403);
        assertThat(plain.get(CERTIFICATES).status()).isEqualTo(403);
        assertThat(api().withKey(null).get(CERTIFICATES).status()).isEqualTo(401);
    }

    @Test
    void anAccountSeesAndDeletesOnlyItsOwnCertificates() {
        Issued client = TestCertificates.client(AUTHORITY, "mine");
        String fingerprint = api().post(CERTIFICATES, Map.of("certificate", client.certificatePem())).json()
                .path("id").asString();
        Http other = otherAccount();

        assertThat(other.get(CERTIFICATES).json().path("total_count").asLong()).isZero();
        assertThat(other.get(CERTIFICATES + "/" + fingerprint).status()).isEqualTo(404);
        assertThat(other.delete(CERTIFICATES + "/" + fingerprint).status()).isEqualTo(404);
        assertThat(api().get(CERTIFICATES + "/" + fingerprint).status()).isEqualTo(200);

        assertThat(api().delete(CERTIFICATES + "/" + fingerprint).status()).isEqualTo(204);
        assertThat(api().get(CERTIFICATES + "/" + fingerprint).status()).isEqualTo(404);
        assertThat(api().delete(CERTIFICATES + "/" + fingerprint).status()).isEqualTo(404);
        assertThat(api().get(CERTIFICATES + "/not-a-fingerprint").status()).isEqualTo(404);
        assertThat(api().get(CERTIFICATES + "/%01").status()).isEqualTo(422);
        // deleted, it can be registered again
        assertThat(api().post(CERTIFICATES, Map.of("certificate", client.certificatePem())).status()).isEqualTo(201);
    }

    @Test
    void theListPagesInTheV4Envelope() {
        Http account = otherAccount();
        for (int i = 0; i < 3; i++) {
            var added = account.post(CERTIFICATES,
                    Map.of("certificate", TestCertificates.client(AUTHORITY, "paged-" + i).certificatePem()));
            assertThat(added.status()).isEqualTo(201);
        }
        JsonNode page = account.get(CERTIFICATES + "?limit=2").json();
        assertThat(page.path("data")).hasSize(2);
        assertThat(page.path("has_more").asBoolean()).isTrue();
        assertThat(page.path("total_count").asLong()).isEqualTo(3);
        assertThat(account.get(CERTIFICATES + "?limit=2&page=2").json().path("data")).hasSize(1);
        assertThat(account.get(CERTIFICATES + "?limit=0").status()).isEqualTo(422);
    }

    private long count() {
        return jdbc.sql("select count(*) from api_key_certificates").query(Long.class).single();
    }

    private static List<String> ids(JsonNode page) {
        return page.path("data").values().stream().map(c -> c.path("id").asString()).toList();
    }
}
