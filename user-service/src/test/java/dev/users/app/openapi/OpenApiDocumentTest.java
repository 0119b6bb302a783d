package dev.users.app.openapi;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.users.app.support.ApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The served description is a valid OpenAPI 3.1 document (the official schema, schemas/v3.1 of the OpenAPI
 * Specification's repository at tag 3.1.0-schemas, vendored in src/test/resources/oas-3.1-schema), and it is the one
 * checked in as docs/openapi.json, from which client-it generates its client.
 */
class OpenApiDocumentTest extends ApiTest {

    private static final String SCHEMA = "https://spec.openapis.org/oas/3.1/schema-base/2022-10-07";
    private static final Path CHECKED_IN = Path.of("../docs/openapi.json");
    private static final Path SERVED_COPY = Path.of("target/openapi.json");
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Test
    void theDocumentIsValidOpenApi31() {
        ApiDocument document = ApiDocument.fetch(port);
        Schema openApi31 = officialSchema();

        assertThat(document.json().path("openapi").asString()).isEqualTo("3.1.0");
        List<Error> errors = openApi31.validate(document.json());
        assertThat(errors).as("/openapi.json against the OpenAPI 3.1 schema").isEmpty();

        // the validator does look: the same document with a broken schema object and without info fails
        ObjectNode broken = (ObjectNode) document.json().deepCopy();
        broken.remove("info");
        ((ObjectNode) broken.path("components").path("schemas").path("User")).put("type", "no-such-type");
        assertThat(openApi31.validate(broken)).extracting(Error::toString)
                .anySatisfy(error -> assertThat(error).contains("'info'"))
                .anySatisfy(error -> assertThat(error).contains("/components/schemas/User/type"));
    }

    @Test
    void docsOpenapiJsonIsTheServedDocument() throws IOException {
        ApiDocument document = ApiDocument.fetch(port);
        String served = JSON.writeValueAsString(document.json()) + "\n";
        Files.writeString(SERVED_COPY, served);
        JsonNode checkedIn = Files.exists(CHECKED_IN) ? JSON.readTree(Files.readString(CHECKED_IN)) : null;
        assertThat(checkedIn).as("docs/openapi.json is not the document the service serves (client-it generates "
                + "its client from it): cp user-service/" + SERVED_COPY + " docs/openapi.json")
                .isEqualTo(document.json());
    }

    @Test
    void everyDescribedExampleMatchesItsSchema() {
        ApiDocument document = ApiDocument.fetch(port);
        SchemaRegistry schemas = document.schemas();
        List<String> problems = new ArrayList<>();
        int examples = 0;
        for (ApiDocument.Operation op : document.operations()) {
            String at = "/paths/" + ApiDocument.token(op.path()) + "/" + op.method().toLowerCase(Locale.ROOT);
            List<String> media = new ArrayList<>();
            mediaOf(document, op.node().path("requestBody"), at + "/requestBody", media);
            op.node().path("responses").properties().forEach(response -> mediaOf(document, response.getValue(),
                    at + "/responses/" + response.getKey(), media));
            for (String location : media) {
                JsonNode mediaType = document.json().at(location);
                List<JsonNode> given = new ArrayList<>();
                if (mediaType.has("example")) {
                    given.add(mediaType.path("example"));
                }
                mediaType.path("examples").forEach(example -> given.add(document.resolve(example).path("value")));
                Schema schema = schemas.getSchema(ApiDocument.at(location + "/schema"));
                for (JsonNode example : given) {
                    examples++;
                    if (!location.contains("event-stream")) {
                        schema.validate(example).forEach(error -> problems.add(op + " " + location + ": " + error));
                    }
                }
            }
        }
        assertThat(problems).as("examples that do not match their own schema").isEmpty();
        assertThat(examples).isGreaterThan(60);
    }

    /** The locations of the media types of a request body or response (where its {@code $ref} leads). */
    private static void mediaOf(ApiDocument document, JsonNode node, String location, List<String> into) {
        if (node.isMissingNode()) {
            return;
        }
        String at = node.has("$ref") ? ApiDocument.pointer(node.path("$ref").asString()) : location;
        document.resolve(node).path("content").propertyNames()
                .forEach(type -> into.add(at + "/content/" + ApiDocument.token(type)));
    }

    static Schema officialSchema() {
        String base = "classpath:oas-3.1-schema/";
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaIdResolvers(ids -> ids.mappings(Map.of(
                        "https://spec.openapis.org/oas/3.1/schema/2022-10-07", base + "schema.json",
                        SCHEMA, base + "schema-base.json",
                        "https://spec.openapis.org/oas/3.1/dialect/base", base + "dialect-base.json",
                        "https://spec.openapis.org/oas/3.1/meta/base", base + "meta-base.json"))));
        return registry.getSchema(SchemaLocation.of(SCHEMA));
    }
}
