package dev.users.command.web;

import dev.users.command.api.RemoveUser;
import dev.users.command.infra.AccountRoles;
import dev.users.command.infra.TimeOrderedIds;
import dev.users.queries.Surface;
import dev.users.web.Caller;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** v3 (IMCO settings) user writes: create and destroy. Reads are served by the query side. */
@RestController
@RequestMapping(V3UserCommandController.USERS)
public class V3UserCommandController {

    static final String USERS = "/v3/settings/users";

    private final RequestBodies bodies;
    private final AccountRoles roles;
    private final UserWrites writes;

    public V3UserCommandController(RequestBodies bodies, AccountRoles roles, UserWrites writes) {
        this.bodies = bodies;
        this.roles = roles;
        this.writes = writes;
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> create(HttpServletRequest request, Caller caller) {
        V3UserParams p = V3UserParams.read(bodies.read(request, "user"), caller.accountId(), roles,
                caller.defaultRegion());
        return writes.create(p.create(TimeOrderedIds.next(), caller.accountId(), writes.now()), Surface.V3_USER, USERS);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> destroy(@PathVariable String id, Caller caller) {
        writes.remove(new RemoveUser(UserWrites.userId(id), caller.accountId(), writes.now()));
        return ResponseEntity.noContent().build();
    }
}
