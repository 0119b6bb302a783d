package dev.users.app.erasure;

import dev.users.app.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The master key: without configuration one is generated once and kept (the test context's case), its fingerprint
 * beside it; a node started with another key, or with a malformed one, refuses to go on instead of reading every
 * person as erased.
 */
class MasterKeyTest extends ApiTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    MasterKey master;

    @Test
    void aGeneratedKeyIsKeptWithItsFingerprintAndAnotherKeyIsRefused() {
        byte[] key = master.key().getEncoded();
        byte[] kept = jdbc.queryForObject("select generated_key from erasure_master_key where id = 1", byte[].class);
        assertThat(kept).isEqualTo(key);
        assertThat(jdbc.queryForObject("select fingerprint from erasure_master_key where id = 1", byte[].class))
                .isEqualTo(MasterKey.fingerprint(key));
        assertThat(new MasterKey(jdbc, transactions, settings("")).key().getEncoded()).isEqualTo(key);
        assertThat(new MasterKey(jdbc, transactions, settings(Base64.getEncoder().encodeToString(key))).key().getEncoded())
                .isEqualTo(key);

        String other = Base64.getEncoder().encodeToString(MasterKey.randomKey());
        assertThatThrownBy(() -> new MasterKey(jdbc, transactions, settings(other)).key())
                .hasMessageContaining("not the key that wrapped");
        assertThatThrownBy(() -> new MasterKey(jdbc, transactions, settings("not base64!")))
                .hasMessageContaining("base64");
        assertThatThrownBy(() -> new MasterKey(jdbc, transactions, settings(Base64.getEncoder().encodeToString(new byte[16]))))
                .hasMessageContaining("32 bytes");
    }

    private static ErasureSettings settings(String masterKey) {
        return new ErasureSettings(masterKey, true);
    }
}
