package dev.users.app.openapi;

import dev.users.app.openapi.ApiDocument.Operation;
import dev.users.app.openapi.ApiDocument.Route;
import dev.users.app.support.ApiTest;
import dev.users.app.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API description against what Spring MVC serves: every route of every controller is described, nothing that no
 * controller serves is, and each described operation has what a reader and a generated client need. The failures
 * name the routes, so that a new endpoint is described in a minute (docs/architecture.md, "The API description").
 */
class OpenApiRoutesTest extends ApiTest {

    private static final String HOW = "describe it in user-service/src/main/resources/openapi/paths/<area>.yaml "
            + "(docs/architecture.md, \"The API description\")";

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mvc;

    @Test
    void everyRouteTheApplicationServesIsDescribedAndNothingElse() {
        ApiDocument document = ApiDocument.fetch(port);
        Map<Route, String> served = served();
        Set<Route> described = document.operations().stream().map(Operation::route).collect(Collectors.toSet());

        List<String> undescribed = served.entrySet().stream().filter(route -> !described.contains(route.getKey()))
                .map(route -> route.getKey().method() + " " + route.getValue()).toList();
        List<String> unserved = document.operations().stream().filter(op -> !served.containsKey(op.route()))
                .map(Operation::toString).toList();
        assertThat(undescribed).as("routes the application serves that /openapi.json does not describe; " + HOW)
                .isEmpty();
        assertThat(unserved).as("routes /openapi.json describes that no controller serves").isEmpty();
        assertThat(served).as("the enumeration itself found the application's routes").hasSizeGreaterThan(40);
    }

    @Test
    void everyOperationHasASummaryAnIdResponsesWithSchemasAndExamples() {
        ApiDocument document = ApiDocument.fetch(port);
        List<String> problems = new ArrayList<>();
        for (Operation op : document.operations()) {
            if (op.node().path("summary").asString("").isBlank()) {
                problems.add(op + ": no summary");
            }
            if (op.node().path("operationId").asString("").isBlank()) {
                problems.add(op + ": no operationId (the generated client's method name)");
            }
            JsonNode body = op.node().path("requestBody");
            if (!body.isMissingNode()) {
                document.resolve(body).path("content").properties().forEach(media -> {
                    if (media.getValue().path("schema").isMissingNode() || !hasExample(media.getValue())) {
                        problems.add(op + ": request body " + media.getKey() + " needs a schema and an example");
                    }
                });
            }
            boolean answered = false;
            for (var response : op.node().path("responses").properties()) {
                JsonNode resolved = document.resolve(response.getValue());
                for (var media : resolved.path("content").properties()) {
                    if (media.getValue().path("schema").isMissingNode()) {
                        problems.add(op + ": response " + response.getKey() + " " + media.getKey() + " has no schema");
                    }
                    if (response.getKey().startsWith("2") && !hasExample(media.getValue())
                            && !response.getKey().equals("202")) {
                        problems.add(op + ": response " + response.getKey() + " " + media.getKey()
                                + " has no example");
                    }
                }
                answered |= response.getKey().startsWith("2") || response.getKey().equals("405");
            }
            if (!answered) {
                problems.add(op + ": no success response");
            }
            if (!op.path().startsWith("/invitations/") && !op.node().path("responses").has("401")) {
                problems.add(op + ": no 401 (every authenticated route has one, in its surface's error format)");
            }
        }
        assertThat(problems).as("operations described incompletely; " + HOW).isEmpty();
    }

    @Test
    void theDocumentAndTheSwaggerUiNeedNoKey() {
        Http anonymous = new Http(port, null);
        assertThat(anonymous.get("/openapi.json").status()).isEqualTo(200);
        assertThat(anonymous.get("/openapi.json.yaml").text()).startsWith("openapi: 3.1.0");
        Http.Response docs = anonymous.get("/docs");
        assertThat(docs.status()).as(docs.toString()).isEqualTo(302);
        Http.Response ui = anonymous.get("/swagger-ui/index.html");
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.text()).contains("swagger-ui");
        assertThat(anonymous.get("/openapi.json/swagger-config").text()).contains("/openapi.json");
        assertThat(new Http(port, "usk_not_a_key").get("/openapi.json").status()).isEqualTo(200);
    }

    private static boolean hasExample(JsonNode media) {
        return media.has("example") || media.path("examples").size() > 0;
    }

    /**
     * The application's routes: every method and pattern of every handler, except springdoc's own (the document
     * and the UI) and the container's error path, which are no part of either API.
     */
    private Map<Route, String> served() {
        Map<Route, String> routes = new TreeMap<>((a, b) -> (a.template() + a.method())
                .compareTo(b.template() + b.method()));
        for (Map.Entry<RequestMappingInfo, HandlerMethod> handler : mvc.getHandlerMethods().entrySet()) {
            Class<?> type = handler.getValue().getBeanType();
            if (type.getName().startsWith("org.springdoc.") || type.getSimpleName().equals("ErrorPathController")) {
                continue;
            }
            Set<RequestMethod> methods = handler.getKey().getMethodsCondition().getMethods();
            assertThat(methods).as(handler.getValue() + " serves every method: name them").isNotEmpty();
            for (String pattern : handler.getKey().getPatternValues()) {
                for (RequestMethod method : methods) {
                    routes.put(Route.of(method.name(), pattern), pattern + " (" + type.getSimpleName() + "."
                            + handler.getValue().getMethod().getName() + ")");
                }
            }
        }
        return routes;
    }
}
