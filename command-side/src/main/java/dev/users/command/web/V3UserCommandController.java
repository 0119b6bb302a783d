package dev.users.command.web;

import dev.users.command.api.CreateUser;
import dev.users.command.api.NewEmail;
import dev.users.command.api.NewPhone;
import dev.users.command.api.RemoveUser;
import dev.users.command.infra.TimeOrderedIds;
import dev.users.command.infra.AccountRoles;
import dev.users.events.NotificationPreferences;
import dev.users.queries.Surface;
import dev.users.web.Caller;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** v3 (IMCO settings) user writes: create and destroy. Reads are served by the query side. */
@RestController
@RequestMapping("/v3/settings/users")
public class V3UserCommandController {

    private final RequestBodies bodies;
    private final AccountRoles roles;
    private final UserWrites writes;

    public V3UserCommandController(RequestBodies bodies, AccountRoles roles, UserWrites writes) {
        this.bodies = bodies;
        this.roles = roles;
        this.writes = writes;
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> create(HttpServletRequest request,
                                               Caller caller) {
        V3UserParams p = V3UserParams.read(bodies.read(request, "user"), caller.accountId(), roles, caller.defaultRegion());
        UUID userId = TimeOrderedIds.next();
        List<NewEmail> emails = p.email() == null ? List.of() : List.of(new NewEmail(UUID.randomUUID(), p.email(), true));
        List<NewPhone> phones = p.phone() == null ? List.of()
                : List.of(new NewPhone(UUID.randomUUID(), p.phone().e164(), p.phone().country(), true, null));
        CreateUser command = new CreateUser(userId, caller.accountId(), p.fullName(), p.firstName(), p.lastName(), p.timeZone(),
                p.language(), NotificationPreferences.DEFAULT, Map.of(), emails, phones, p.roles(), List.of(),
                writes.now());
        ResponseEntity<Map<String, Object>> created = writes.send(command, Surface.V3_USER, HttpStatus.CREATED);
        return ResponseEntity.status(created.getStatusCode()).location(URI.create("/v3/settings/users/" + userId))
                .body(created.getBody());
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> destroy(@PathVariable String id,
                                 Caller caller) {
        writes.remove(new RemoveUser(UserWrites.userId(id), caller.accountId(), writes.now()));
        return ResponseEntity.noContent().build();
    }
}
