package dev.users.app.operations;

import dev.users.app.roles.ServiceRole;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Docker cannot run on the build machines, so the container files are kept honest by reading them: images pinned
 * to a release, the database's healthcheck and the service waiting for it, the ports and database settings the
 * application really uses, a multi-stage build running as a user without privileges, the heap sized by the
 * container, and every module of the build copied into the image.
 */
@SuppressWarnings("unchecked")
class ContainerFilesTest {

    private static final Path ROOT = Path.of("..");
    /** A tag with at least major.minor (17.6, 17.0.15_6-jre), never latest or a bare major. */
    private static final Pattern PINNED = Pattern.compile("[^:@\\s]+:\\d+\\.\\d+[^\\s]*");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(String path) throws IOException {
        return new Yaml().load(Files.readString(ROOT.resolve(path)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private static String dockerfile() throws IOException {
        return Files.readString(ROOT.resolve("Dockerfile"));
    }

    private static int applicationPort() throws IOException {
        return (Integer) map(yaml("user-service/src/main/resources/application.yml").get("server")).get("port");
    }

    @Test
    void theDockerfileIsMultiStageNonRootAndSizedByTheContainer() throws IOException {
        String dockerfile = dockerfile();
        List<String> froms = dockerfile.lines().filter(line -> line.startsWith("FROM ")).toList();
        assertThat(froms).hasSizeGreaterThanOrEqualTo(2);
        assertThat(froms).allSatisfy(from -> assertThat(from.split("\\s+")[1]).matches(PINNED));
        List<String> users = dockerfile.lines().filter(line -> line.startsWith("USER ")).toList();
        assertThat(users).isNotEmpty();
        assertThat(users.get(users.size() - 1).substring(5).trim()).doesNotStartWith("root").doesNotStartWith("0");
        assertThat(dockerfile).contains("-XX:MaxRAMPercentage=").doesNotContain("-Xmx");
        assertThat(dockerfile).contains("EXPOSE " + applicationPort());
    }

    @Test
    void theImageBuildsEveryModule() throws IOException {
        String pom = Files.readString(ROOT.resolve("pom.xml"));
        Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(pom);
        String dockerfile = dockerfile();
        int modules = 0;
        while (module.find()) {
            modules++;
            assertThat(dockerfile).as("the Dockerfile copies module " + module.group(1))
                    .containsPattern("COPY (--chown=\\S+ )?" + Pattern.quote(module.group(1)) + " ");
        }
        assertThat(modules).isPositive();
    }

    @Test
    void composeRunsTheServiceOnAHealthyPinnedPostgresql17() throws IOException {
        Map<String, Object> services = map(yaml("docker-compose.yml").get("services"));
        Map<String, Object> postgres = map(services.get("postgres"));
        assertThat((String) postgres.get("image")).matches(PINNED).startsWith("postgres:17.");
        assertThat(map(postgres.get("healthcheck")).get("test")).asString().contains("pg_isready");
        assertThat((List<String>) postgres.get("volumes")).anySatisfy(volume ->
                assertThat(map(yaml("docker-compose.yml").get("volumes"))).containsKey(volume.split(":")[0]));

        Map<String, Object> users = map(services.get("users"));
        assertThat((String) users.get("image")).matches(PINNED);
        assertThat(map(map(users.get("depends_on")).get("postgres")).get("condition")).isEqualTo("service_healthy");
        assertThat((List<String>) users.get("ports")).anySatisfy(port ->
                assertThat(port).endsWith(":" + applicationPort()));

        assertUsesTheDatabase(users, postgres);
    }

    @Test
    void theSplitProfileRunsEachRoleBehindOneGateway() throws IOException {
        Map<String, Object> services = map(yaml("docker-compose.yml").get("services"));
        Map<String, Object> postgres = map(services.get("postgres"));
        for (String role : List.of("command", "query")) {
            Map<String, Object> node = map(services.get("users-" + role));
            assertThat((List<String>) node.get("profiles")).containsExactly("split");
            assertThat(ServiceRole.parse((String) map(node.get("environment")).get("USERS_ROLE")).setting())
                    .isEqualTo(role);
            assertThat(map(map(node.get("depends_on")).get("postgres")).get("condition")).isEqualTo("service_healthy");
            assertUsesTheDatabase(node, postgres);
        }
        Map<String, Object> gateway = map(services.get("gateway"));
        assertThat((String) gateway.get("image")).matches(PINNED).startsWith("nginx:");
        String mounted = ((List<String>) gateway.get("volumes")).get(0).split(":")[0];
        String nginx = Files.readString(ROOT.resolve(mounted));
        assertThat(nginx).contains("server users-command:" + applicationPort() + ";")
                .contains("server users-query:" + applicationPort() + ";")
                .containsPattern("GET\\s+users_query;").containsPattern("default\\s+users_command;");
    }

    @Test
    void theKafkaProfileRunsAKraftBrokerAndAPublisherPointedAtIt() throws IOException {
        Map<String, Object> services = map(yaml("docker-compose.yml").get("services"));
        assertThat(services.keySet()).noneSatisfy(name -> assertThat(name).containsIgnoringCase("zookeeper"));
        Map<String, Object> kafka = map(services.get("kafka"));
        assertThat((List<String>) kafka.get("profiles")).containsExactly("kafka");
        assertThat((String) kafka.get("image")).matches(PINNED).startsWith("apache/kafka:");
        Map<String, Object> broker = map(kafka.get("environment"));
        assertThat(broker.get("KAFKA_PROCESS_ROLES").toString().split(",")).contains("broker", "controller");
        assertThat(broker.keySet()).noneSatisfy(key -> assertThat(key).contains("ZOOKEEPER"));
        assertThat(broker.get("KAFKA_AUTO_CREATE_TOPICS_ENABLE")).isEqualTo("false");
        assertThat(map(kafka.get("healthcheck")).get("test")).asString().contains("--bootstrap-server");

        Map<String, Object> publisher = map(services.get("users-publisher"));
        assertThat((List<String>) publisher.get("profiles")).containsExactly("kafka");
        String bootstrap = (String) map(publisher.get("environment")).get("USERS_KAFKA_BOOTSTRAP_SERVERS");
        assertThat(broker.get("KAFKA_ADVERTISED_LISTENERS").toString().split(","))
                .anySatisfy(listener -> assertThat(listener).endsWith("://" + bootstrap));
        assertThat(bootstrap).startsWith("kafka:");
        assertThat(map(map(publisher.get("depends_on")).get("kafka")).get("condition")).isEqualTo("service_healthy");
        assertThat(publisher.get("image")).isEqualTo(map(services.get("users")).get("image"));
        assertUsesTheDatabase(publisher, map(services.get("postgres")));
        // the default node leaves Kafka off: its settings name no broker
        assertThat(map(map(services.get("users")).get("environment"))).doesNotContainKey("USERS_KAFKA_BOOTSTRAP_SERVERS");
    }

    private static void assertUsesTheDatabase(Map<String, Object> service, Map<String, Object> postgres) {
        Map<String, Object> database = map(postgres.get("environment"));
        Map<String, Object> settings = map(service.get("environment"));
        assertThat(settings.get("SPRING_DATASOURCE_URL"))
                .isEqualTo("jdbc:postgresql://postgres:5432/" + database.get("POSTGRES_DB"));
        assertThat(settings.get("SPRING_DATASOURCE_USERNAME")).isEqualTo(database.get("POSTGRES_USER"));
        assertThat(settings.get("SPRING_DATASOURCE_PASSWORD")).isEqualTo(database.get("POSTGRES_PASSWORD"));
    }
}
