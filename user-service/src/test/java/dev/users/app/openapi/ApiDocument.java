package dev.users.app.openapi;

import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.users.app.support.Http;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The served {@code /openapi.json} (fetched without a key), read as the tests need it. */
record ApiDocument(JsonNode json, String text) {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    /** The document's address for the schema validator, which resolves its references against it. */
    static final String IRI = "https://users.test/openapi.json";

    static ApiDocument fetch(int port) {
        Http.Response answer = new Http(port, null).get("/openapi.json");
        if (answer.status() != 200) {
            throw new AssertionError("/openapi.json without a key: " + answer);
        }
        return new ApiDocument(answer.json(), answer.text());
    }

    /** One operation: its method (upper case), its path template as described, and its object. */
    record Operation(String method, String path, JsonNode node, JsonNode pathItem) {

        Route route() {
            return Route.of(method, path);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** A method and a path template whose variables' names do not matter ({@code /users/{id}} = {@code /users/{x}}). */
    record Route(String method, String template) {

        static Route of(String method, String path) {
            return new Route(method.toUpperCase(Locale.ROOT), path.replaceAll("\\{[^}]*}", "{}"));
        }
    }

    List<Operation> operations() {
        List<Operation> all = new ArrayList<>();
        for (var path : json.path("paths").properties()) {
            for (var entry : path.getValue().properties()) {
                if (METHODS.contains(entry.getKey())) {
                    all.add(new Operation(entry.getKey().toUpperCase(Locale.ROOT), path.getKey(), entry.getValue(),
                            path.getValue()));
                }
            }
        }
        return all;
    }

    /** The document's schemas, for validating JSON against one: {@code schemas().getSchema(at("/components/…"))}. */
    SchemaRegistry schemas() {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemas(Map.of(IRI, text)));
    }

    /** The schema location of a JSON pointer into this document. */
    static SchemaLocation at(String pointer) {
        return SchemaLocation.of(IRI + "#" + pointer);
    }

    /** {@code node}, or what its {@code $ref} (within this document) points at. */
    JsonNode resolve(JsonNode node) {
        JsonNode ref = node.path("$ref");
        return ref.isString() ? resolve(json.at(pointer(ref.asString()))) : node;
    }

    /** The JSON pointer of a local reference: {@code #/components/schemas/User} → {@code /components/schemas/User}. */
    static String pointer(String ref) {
        if (!ref.startsWith("#")) {
            throw new AssertionError("not a reference within the document: " + ref);
        }
        return ref.substring(1);
    }

    /** A JSON pointer's token for a key such as {@code /api/v4/users} or {@code application/json}. */
    static String token(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
