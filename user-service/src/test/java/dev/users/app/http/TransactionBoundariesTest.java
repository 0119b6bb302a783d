package dev.users.app.http;

import dev.users.app.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What must commit together does: PostgreSQL stamps every row version with the id of the transaction that wrote it
 * ({@code xmin}), so rows written in one transaction share it and rows written statement by statement do not.
 */
class TransactionBoundariesTest extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCreatesEventsAndEmailClaimCommitTogether() {
        String email = uniqueEmail("atomic");
        var created = api().post("/api/v4/users", Map.of("name", "Atomic Anna", "email", email));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String userId = created.json().path("id").asString();

        List<String> eventTransactions = jdbc.sql("select xmin::text from domainevententry"
                + " where aggregateidentifier = ? order by sequencenumber").param(userId).query(String.class).list();
        String claimTransaction = jdbc.sql("select xmin::text from email_claims where address = ?")
                .param(email).query(String.class).single();

        assertThat(eventTransactions).hasSize(2).containsOnly(claimTransaction);
    }

    @Test
    void aProjectionBatchsRowsCommitTogether() {
        var created = api().post("/api/v4/users", Map.of("name", "Batch Bert", "email", uniqueEmail("bert")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        UUID userId = UUID.fromString(created.json().path("id").asString());

        // one event (UserSignedIn), so one batch: it moves the user's last sign-in and adds an audit row
        var signIn = api().post("/api/v4/users/" + userId + "/sign_ins", Map.of("at", "2026-04-01T08:00:00Z"));
        assertThat(signIn.status()).as(signIn.toString()).isEqualTo(201);

        String directoryTransaction = jdbc.sql("select xmin::text from user_directory where user_id = ?")
                .param(userId).query(String.class).single();
        String auditTransaction = jdbc.sql("select xmin::text from sign_in_audit where user_id = ?")
                .param(userId).query(String.class).single();
        assertThat(auditTransaction).isEqualTo(directoryTransaction);
    }
}
