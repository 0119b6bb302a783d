package dev.users.app.erasure;

import dev.users.query.directory.UserDirectoryProjection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every read model rebuilt from the event store after erasures (of a live person and of a removed one), both from
 * nothing (the service's build in aggregate order) and by Axon's replay (event by event), equals the live one: the rebuild reads the erased people's events as "[erased]" and ends with their rows gone, as the live
 * processing did, and the kept person's decrypted values come back as they were.
 */
class ErasureRebuildTest extends ErasureFixture {

    /** The tables of the read models' processing group ("user-directory"), which a rebuild writes again. */
    private static final List<String> READ_MODELS = List.of("user_directory", "user_directory_lookup",
            "account_user_counts", "sign_in_audit", "account_memberships", "account_owner_view");

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    TokenStore tokenStore;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void theReadModelsRebuiltAfterErasuresEqualTheLiveOnes() throws Exception {
        Person erased = person();
        Person removedThenErased = person();
        Person kept = person();
        String acu = "acu_" + removedThenErased.id().toString().replace("-", "");
        assertThat(removedThenErased.home().delete("/api/v4/account_users/" + acu).status()).isEqualTo(204);
        assertThat(erase(erased).status()).isEqualTo(200);
        assertThat(erase(removedThenErased).status()).isEqualTo(200);
        Map<String, List<String>> live = readModels();
        assertThat(String.join("\n", live.get("user_directory"))).contains(kept.id().toString())
                .doesNotContain(erased.id().toString(), removedThenErased.id().toString());
        assertThat(live.get("sign_in_audit").toString()).contains(kept.id().toString())
                .doesNotContain(erased.id().toString());

        StreamingEventProcessor processor = processing
                .eventProcessor(UserDirectoryProjection.GROUP, StreamingEventProcessor.class).orElseThrow();
        processor.shutdownAsync().get();
        try {
            new TransactionTemplate(transactions).executeWithoutResult(tx -> {
                jdbc.update("delete from tokenentry where processorname = ?", UserDirectoryProjection.GROUP);
                jdbc.update("truncate " + String.join(", ", READ_MODELS));
            });
        } finally {
            processor.start();
        }
        // the build from nothing (AggregateOrderRebuild) runs while Axon asks for the first token, stored after it
        await().atMost(Duration.ofSeconds(60))
                .until(() -> tokenStore.fetchSegments(UserDirectoryProjection.GROUP).length > 0);
        Map<String, List<String>> rebuilt = readModels();
        for (String table : READ_MODELS) {
            assertThat(rebuilt.get(table)).as("built from nothing: " + table).isEqualTo(live.get(table));
        }

        // Axon's replay, event by event through the reset handlers, ends in the same tables
        processor.shutdownAsync().get();
        try {
            processor.resetTokens();
        } finally {
            processor.start();
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(readModels()).isEqualTo(live));
        assertThat(kept.home().get("/api/v4/users/" + kept.id()).json().path("name").asString())
                .isEqualTo(kept.values().name());
        assertThat(kept.home().get("/api/v4/users/" + erased.id()).status()).isEqualTo(404);
    }

    private Map<String, List<String>> readModels() {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        for (String table : READ_MODELS) {
            // an account whose users all left counts 0 live; a rebuild never makes its row, which reads as 0 too
            String where = table.equals("account_user_counts") ? " where user_count > 0" : "";
            tables.put(table, jdbc.queryForList("select t::text from " + table + " t" + where + " order by 1",
                    String.class));
        }
        return tables;
    }
}
