package dev.users.app.erasure;

import com.zaxxer.hikari.HikariDataSource;
import dev.users.app.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The master key: without configuration one is generated once and kept (the test context's case), its fingerprint
 * beside it; a node started with another key, or with a malformed one, refuses to go on instead of reading every
 * person as erased. The key is settled when the service starts: a write that needs it inside its transaction takes
 * no further connection (on first use, it took a second one, and a burst of writes starved the pool).
 */
class MasterKeyTest extends ApiTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    HikariDataSource database;

    @Autowired
    MasterKey master;

    @Test
    void aGeneratedKeyIsKeptWithItsFingerprintAndAnotherKeyIsRefused() {
        byte[] key = master.key().getEncoded();
        byte[] kept = jdbc.queryForObject("select generated_key from erasure_master_key where id = 1", byte[].class);
        assertThat(kept).isEqualTo(key);
        assertThat(jdbc.queryForObject("select fingerprint from erasure_master_key where id = 1", byte[].class))
                .isEqualTo(MasterKey.fingerprint(key));
        assertThat(started(settings("")).key().getEncoded()).isEqualTo(key);
        assertThat(started(settings(Base64.getEncoder().encodeToString(key))).key().getEncoded()).isEqualTo(key);

        String other = Base64.getEncoder().encodeToString(MasterKey.randomKey());
        assertThatThrownBy(() -> started(settings(other)))
                .hasMessageContaining("not the key that wrapped");
        assertThatThrownBy(() -> new MasterKey(jdbc, settings("not base64!")))
                .hasMessageContaining("base64");
        assertThatThrownBy(() -> new MasterKey(jdbc, settings(Base64.getEncoder().encodeToString(new byte[16]))))
                .hasMessageContaining("32 bytes");
    }

    @Test
    void aTransactionHoldingThePoolsLastConnectionGetsTheKeyWithoutAnother() {
        try (HikariDataSource onePool = new HikariDataSource()) {
            onePool.setJdbcUrl(database.getJdbcUrl());
            onePool.setUsername(database.getUsername());
            onePool.setPassword(database.getPassword());
            onePool.setMaximumPoolSize(1);
            onePool.setConnectionTimeout(250);
            JdbcTemplate onePoolJdbc = new JdbcTemplate(onePool);
            MasterKey master = new MasterKey(onePoolJdbc, settings(""));
            master.afterSingletonsInstantiated();
            byte[] inTransaction = new TransactionTemplate(new DataSourceTransactionManager(onePool)).execute(status -> {
                onePoolJdbc.queryForObject("select 1", Integer.class); // the transaction holds the only connection
                return master.key().getEncoded();
            });
            assertThat(inTransaction).isEqualTo(this.master.key().getEncoded());
        }
    }

    private MasterKey started(ErasureSettings settings) {
        MasterKey started = new MasterKey(jdbc, settings);
        started.afterSingletonsInstantiated();
        return started;
    }

    private static ErasureSettings settings(String masterKey) {
        return new ErasureSettings(masterKey, true);
    }
}
