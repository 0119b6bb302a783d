package dev.users.app.operations;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's settings table against the settings the code reads: every {@code users.*} setting of the
 * configuration metadata (spring-boot-configuration-processor, from the modules' {@code @ConfigurationProperties}
 * records) has a row with the same default, and the table has no {@code users.*} row the metadata lacks; the other
 * rows name settings that Spring Boot's or Axon's metadata knows. Each problem is named with the row to write.
 */
class SettingsTableTest {

    private static final Path README = Path.of("../README.md");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern FIRST_CODE = Pattern.compile("`([^`]+)`");
    /** What the table writes for a setting without a default. */
    private static final String NO_DEFAULT = "unset";

    @Test
    void everyUsersSettingIsInTheTableWithItsDefaultAndNothingElse() throws IOException {
        Map<String, String> metadata = usersSettingsInMetadata();
        Map<String, String> table = usersRows(tableRows());
        List<String> problems = new ArrayList<>();
        metadata.forEach((name, defaultValue) -> {
            if (!table.containsKey(name)) {
                problems.add(name + ": in the code's settings but not in README.md's settings table; add the row | `"
                        + name + "` | " + shown(defaultValue) + " | <meaning> |");
            } else if (!shown(defaultValue).equals(table.get(name))) {
                problems.add(name + ": README.md's settings table says the default is " + table.get(name)
                        + ", the code's is " + shown(defaultValue));
            }
        });
        table.keySet().stream().filter(name -> !metadata.containsKey(name)).forEach(name -> problems.add(name
                + ": in README.md's settings table but no @ConfigurationProperties record reads it; remove the row"
                + " or bind the setting (a @Value setting has no metadata)"));
        assertThat(metadata).as("users.* settings in the metadata").hasSizeGreaterThan(30);
        assertThat(problems).as("README.md's settings table against the settings' metadata").isEmpty();
    }

    @Test
    void theOtherRowsNameSettingsThatExist() throws IOException {
        Set<String> known = allSettingNames();
        List<String> unknown = tableRows().keySet().stream()
                .filter(name -> !name.startsWith("users.") && !name.equals(name.toUpperCase()))
                .filter(name -> !known.contains(name) && known.stream().noneMatch(k -> k.startsWith(name + ".")))
                .toList();
        assertThat(unknown).as("settings in README.md's table that no configuration metadata knows").isEmpty();
    }

    @Test
    void applicationYmlSetsOnlyKnownUsersSettingsToTheirDefaults() throws IOException {
        Map<String, String> metadata = usersSettingsInMetadata();
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        Properties properties = yaml.getObject();
        List<String> problems = new ArrayList<>();
        for (String name : new TreeSet<>(properties.stringPropertyNames())) {
            if (!name.startsWith("users.")) {
                continue;
            }
            String value = properties.getProperty(name);
            if (!metadata.containsKey(name)) {
                problems.add(name + ": set in application.yml but no @ConfigurationProperties record reads it");
            } else if (!value.startsWith("${") && !value.equals(metadata.get(name))) {
                problems.add(name + ": application.yml sets " + value + ", the code's default is "
                        + metadata.get(name) + " (keep them one)");
            }
        }
        assertThat(problems).as("application.yml's users.* settings").isEmpty();
    }

    /** {@code users.*} settings of every module's metadata, with their defaults as text (null: none). */
    private static Map<String, String> usersSettingsInMetadata() throws IOException {
        Map<String, String> settings = new LinkedHashMap<>();
        for (JsonNode property : metadataProperties()) {
            String name = property.path("name").asString();
            if (name.startsWith("users.")) {
                settings.put(name, text(property.get("defaultValue")));
            }
        }
        return settings;
    }

    private static Set<String> allSettingNames() throws IOException {
        Set<String> names = new TreeSet<>();
        metadataProperties().forEach(property -> names.add(property.path("name").asString()));
        return names;
    }

    private static List<JsonNode> metadataProperties() throws IOException {
        List<JsonNode> properties = new ArrayList<>();
        for (String file : List.of("META-INF/spring-configuration-metadata.json",
                "META-INF/additional-spring-configuration-metadata.json")) {
            for (URL url : Collections.list(SettingsTableTest.class.getClassLoader().getResources(file))) {
                try (InputStream in = url.openStream()) {
                    StreamSupport.stream(JSON.readTree(in).path("properties").spliterator(), false)
                            .forEach(properties::add);
                }
            }
        }
        return properties;
    }

    private static String text(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isArray()) {
            return String.join(",", StreamSupport.stream(value.spliterator(), false).map(JsonNode::asString).toList());
        }
        return value.asString();
    }

    /** A default as the table writes it: in backticks, or "unset". */
    private static String shown(String defaultValue) {
        return defaultValue == null ? NO_DEFAULT : "`" + defaultValue + "`";
    }

    private static Map<String, String> usersRows(Map<String, String> rows) {
        Map<String, String> users = new LinkedHashMap<>();
        rows.forEach((name, defaultCell) -> {
            if (name.startsWith("users.")) {
                Matcher code = FIRST_CODE.matcher(defaultCell);
                users.put(name, defaultCell.startsWith("`") && code.find() ? "`" + code.group(1) + "`" : NO_DEFAULT);
            }
        });
        return users;
    }

    /** The rows of the table under "## Settings": the setting (the first name in backticks) and its default cell. */
    private static Map<String, String> tableRows() throws IOException {
        String readme = Files.readString(README);
        int start = readme.indexOf("\n## Settings\n");
        int end = readme.indexOf("\n## ", start + 1);
        assertThat(start).as("README.md has a \"## Settings\" section").isPositive();
        Map<String, String> rows = new LinkedHashMap<>();
        for (String line : readme.substring(start, end).lines().toList()) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String[] cells = line.split(" \\| ");
            Matcher name = FIRST_CODE.matcher(cells[0]);
            assertThat(name.find()).as(line).isTrue();
            String previous = rows.put(name.group(1), cells[1].trim());
            assertThat(previous).as("README.md's settings table has one row for " + name.group(1)).isNull();
        }
        return rows;
    }
}
