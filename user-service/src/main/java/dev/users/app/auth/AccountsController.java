package dev.users.app.auth;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.users.app.auth.Accounts.Account;
import dev.users.command.web.ParamReader;
import dev.users.command.web.RequestBodies;
import dev.users.errors.ErrorCode;
import dev.users.errors.UsersException;
import dev.users.web.Caller;
import dev.users.web.Caller.Scope;
import dev.users.web.Timestamps;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Accounts, for the operator's key only (the bootstrap key): create one with its first admin key, list them, show
 * one. Any other key gets 403, not 404: the endpoint's existence is no secret, and a clear refusal tells a script
 * it used the wrong key.
 */
@RestController
@RequestMapping(AccountsController.PATH)
public class AccountsController {

    static final String PATH = "/api/v4/accounts";
    private static final int MAX_NAME = 200;

    private final Accounts accounts;
    private final ApiKeys apiKeys;
    private final RequestBodies bodies;
    private final TransactionTemplate transaction;

    public AccountsController(Accounts accounts, ApiKeys apiKeys, RequestBodies bodies,
                              TransactionTemplate transaction) {
        this.accounts = accounts;
        this.apiKeys = apiKeys;
        this.bodies = bodies;
        this.transaction = transaction;
    }

    /** {@code {"name": …, "default_region": "DE"}} → the account and its first admin key, whose secret shows once. */
    @PostMapping
    ResponseEntity<Map<String, Object>> create(HttpServletRequest request, Caller caller) {
        requireOperator(caller);
        JsonNode body = bodies.read(request, "account");
        ParamReader reader = new ParamReader();
        String name = reader.required(body, "name", MAX_NAME);
        String region = reader.string(body, "default_region", 8);
        if (region != null && !PhoneNumberUtil.getInstance().getSupportedRegions()
                .contains(region.toUpperCase(Locale.ROOT))) {
            reader.problem("default_region", "default_region must be a region code such as US or DE, not " + region);
        }
        reader.throwIfProblems();
        String defaultRegion = region == null ? caller.defaultRegion() : region.toUpperCase(Locale.ROOT);
        Map<String, Object> json = transaction.execute(status -> {
            UUID id = accounts.create(name, defaultRegion);
            ApiKeys.Issued key = apiKeys.issue(id, "first admin key", null, Scope.ADMIN, null, false);
            Map<String, Object> created = render(accounts.find(id).orElseThrow());
            Map<String, Object> keyJson = ApiKeysController.render(apiKeys.find(id, key.id()).orElseThrow());
            keyJson.put("secret", key.secret());
            created.put("api_key", keyJson);
            return created;
        });
        return ResponseEntity.created(URI.create(PATH + "/" + json.get("id"))).body(json);
    }

    @GetMapping
    Map<String, Object> list(Caller caller, @RequestParam MultiValueMap<String, String> params) {
        requireOperator(caller);
        return AdminPages.page(params, accounts::list, AccountsController::render, accounts.count());
    }

    @GetMapping("/{id}")
    Map<String, Object> show(Caller caller, @PathVariable("id") String id) {
        requireOperator(caller);
        return AdminIds.uuid(id).flatMap(accounts::find).map(AccountsController::render)
                .orElseThrow(() -> new UsersException(ErrorCode.NOT_FOUND, "account " + id + " not found"));
    }

    private static void requireOperator(Caller caller) {
        if (!caller.operator()) {
            throw new UsersException(ErrorCode.FORBIDDEN, "only the operator's API key (the bootstrap key) can "
                    + "manage accounts");
        }
    }

    private static Map<String, Object> render(Account account) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", account.id().toString());
        json.put("name", account.name());
        json.put("default_region", account.defaultRegion());
        json.put("created_at", Timestamps.of(account.createdAt()));
        return json;
    }
}
