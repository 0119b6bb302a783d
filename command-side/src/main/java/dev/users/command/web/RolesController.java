package dev.users.command.web;

import dev.users.command.infra.AccountRoles;
import dev.users.errors.ErrorCode;
import dev.users.errors.UsersException;
import dev.users.web.Caller;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** IMCO's role catalog endpoints: the account's roles (predefined ones included), the predefined ones, and adding one. */
@RestController
@RequestMapping("/v3/settings")
public class RolesController {

    private static final Pattern ROLE_NAME = Pattern.compile("[a-z][a-z0-9_-]{0,49}");

    private final AccountRoles roles;
    private final RequestBodies bodies;

    public RolesController(AccountRoles roles, RequestBodies bodies) {
        this.roles = roles;
        this.bodies = bodies;
    }

    @GetMapping("/roles")
    List<Map<String, Object>> list(Caller caller) {
        return roles.all(caller.accountId()).stream().map(RolesController::render).toList();
    }

    @GetMapping("/predefined_roles")
    List<Map<String, Object>> predefined() {
        return AccountRoles.predefined().stream().map(RolesController::render).toList();
    }

    @PostMapping("/roles")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> add(HttpServletRequest request, Caller caller) {
        if (!caller.admin()) {
            throw new UsersException(ErrorCode.FORBIDDEN, "only an admin API key can add roles");
        }
        JsonNode body = bodies.read(request, "role");
        ParamReader reader = new ParamReader();
        String name = reader.required(body, "name", 50);
        String description = reader.text(body, "description", 500);
        if (name != null && !ROLE_NAME.matcher(name).matches()) {
            reader.problem("name", "name '" + name + "' must be lower-case letters, digits, '_' or '-', starting with a letter");
        }
        reader.throwIfProblems();
        return render(roles.add(caller.accountId(), name, description == null ? "" : description));
    }

    private static Map<String, Object> render(AccountRoles.Role role) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", role.id().toString());
        json.put("name", role.name());
        json.put("description", role.description());
        json.put("predefined", role.predefined());
        json.put("resource_type", "role");
        return json;
    }
}
