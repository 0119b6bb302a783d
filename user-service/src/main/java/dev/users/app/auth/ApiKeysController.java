package dev.users.app.auth;

import dev.users.app.auth.ApiKeys.Listed;
import dev.users.command.web.ParamReader;
import dev.users.command.web.RequestBodies;
import dev.users.errors.ErrorCode;
import dev.users.errors.UsersException;
import dev.users.query.list.ClientTimestamp;
import dev.users.web.Caller;
import dev.users.web.Caller.Scope;
import dev.users.web.Timestamps;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The caller's account's API keys, for admin keys only: issue one of a scope (its secret shows once, only its hash
 * is kept), list and show the live ones, revoke one (DELETE; at once on this node, within {@link ApiKeys#CACHE_TTL}
 * on others). The operator's key is not revoked through the API: it is the one way back in.
 */
@RestController
@RequestMapping(ApiKeysController.PATH)
public class ApiKeysController {

    static final String PATH = "/api/v4/api_keys";
    private static final int MAX_LABEL = 200;

    private final ApiKeys apiKeys;
    private final RequestBodies bodies;
    private final Clock clock;

    public ApiKeysController(ApiKeys apiKeys, RequestBodies bodies, Clock clock) {
        this.apiKeys = apiKeys;
        this.bodies = bodies;
        this.clock = clock;
    }

    /** {@code {"scope": "read|write|admin", "label": …, "expires_at": …}}; label and expiry are optional. */
    @PostMapping
    ResponseEntity<Map<String, Object>> issue(HttpServletRequest request, Caller caller) {
        requireAdmin(caller);
        JsonNode body = bodies.read(request, "api_key");
        ParamReader reader = new ParamReader();
        String scopeName = reader.required(body, "scope", 16);
        Scope scope = scopeName == null ? null : Scope.of(scopeName);
        if (scopeName != null && scope == null) {
            reader.problem("scope", "scope must be read, write or admin, not " + scopeName);
        }
        String label = reader.string(body, "label", MAX_LABEL);
        Instant expiresAt = expiry(reader, reader.string(body, "expires_at", 64));
        reader.throwIfProblems();
        ApiKeys.Issued issued = apiKeys.issue(caller.accountId(), label == null ? "" : label, null, scope, expiresAt,
                false);
        Map<String, Object> json = render(apiKeys.find(caller.accountId(), issued.id()).orElseThrow());
        json.put("secret", issued.secret());
        return ResponseEntity.created(URI.create(PATH + "/" + issued.id())).body(json);
    }

    private Instant expiry(ParamReader reader, String given) {
        if (given == null || given.isEmpty()) {
            return null;
        }
        Instant at;
        try {
            at = ClientTimestamp.parse(given);
        } catch (IllegalArgumentException e) {
            reader.problem("expires_at", "expires_at must be " + ClientTimestamp.EXPECTED);
            return null;
        }
        if (!at.isAfter(clock.instant())) {
            reader.problem("expires_at", "expires_at must be in the future, not " + at);
            return null;
        }
        return at;
    }

    @GetMapping
    Map<String, Object> list(Caller caller, @RequestParam MultiValueMap<String, String> params) {
        requireAdmin(caller);
        return AdminPages.page(params, (limit, offset) -> apiKeys.ofAccount(caller.accountId(), limit, offset),
                ApiKeysController::render, apiKeys.countOfAccount(caller.accountId()));
    }

    @GetMapping("/{id}")
    Map<String, Object> show(Caller caller, @PathVariable("id") String id) {
        requireAdmin(caller);
        return render(find(caller, id));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(Caller caller, @PathVariable("id") String id) {
        requireAdmin(caller);
        Listed key = find(caller, id);
        if (key.operator()) {
            throw new UsersException(ErrorCode.FORBIDDEN, "the operator's key cannot be revoked through the API");
        }
        if (!apiKeys.revoke(caller.accountId(), key.id())) {
            throw notFound(id);
        }
        return ResponseEntity.noContent().build();
    }

    private Listed find(Caller caller, String id) {
        UUID uuid = AdminIds.uuid(id).orElseThrow(() -> notFound(id));
        return apiKeys.find(caller.accountId(), uuid).orElseThrow(() -> notFound(id));
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.admin()) {
            throw new UsersException(ErrorCode.FORBIDDEN, "only an admin API key can manage API keys");
        }
    }

    private static UsersException notFound(String id) {
        return new UsersException(ErrorCode.NOT_FOUND, "API key " + id + " not found");
    }

    static Map<String, Object> render(Listed key) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", key.id().toString());
        json.put("scope", key.scope().json());
        json.put("label", key.label());
        json.put("operator", key.operator());
        json.put("expires_at", Timestamps.of(key.expiresAt()));
        json.put("created_at", Timestamps.of(key.createdAt()));
        return json;
    }
}
