package dev.users.command.web;

import dev.users.command.api.AssignRoles;
import dev.users.command.api.CreateUser;
import dev.users.command.api.RecordSignIn;
import dev.users.command.infra.AccountRoles;
import dev.users.command.infra.TimeOrderedIds;
import dev.users.errors.ErrorCode;
import dev.users.errors.UsersException;
import dev.users.queries.Surface;
import dev.users.web.Caller;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** v4 (PagerTree) user writes: create, update, record a sign-in. Reads are served by the query side. */
@RestController
@RequestMapping(V4UserCommandController.USERS)
public class V4UserCommandController {

    static final String USERS = "/api/v4/users";

    private final RequestBodies bodies;
    private final UserWrites writes;
    private final AccountRoles roles;
    private final Invitations invitations;

    public V4UserCommandController(RequestBodies bodies, UserWrites writes, AccountRoles roles,
                                   Invitations invitations) {
        this.invitations = invitations;
        this.bodies = bodies;
        this.writes = writes;
        this.roles = roles;
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> create(HttpServletRequest request, Caller caller) {
        V4UserParams params = V4UserParams.read(bodies.read(request, "user"), true, caller.defaultRegion());
        CreateUser command = V4UserCommands.create(params, TimeOrderedIds.next(), caller.accountId(), now());
        return invitations.createOrInvite(command, () -> writes.create(command, Surface.V4_USER, USERS));
    }

    @PutMapping("/{id}")
    ResponseEntity<Map<String, Object>> update(@PathVariable String id, HttpServletRequest request, Caller caller) {
        UUID userId = UserWrites.userId(id);
        V4UserParams params = V4UserParams.read(bodies.read(request, "user"), false, caller.defaultRegion());
        return writes.send(V4UserCommands.revise(params, userId, caller.accountId()), Surface.V4_USER, HttpStatus.OK);
    }

    /** Rails routes PATCH like PUT; so does this service. */
    @PatchMapping("/{id}")
    ResponseEntity<Map<String, Object>> patch(@PathVariable String id, HttpServletRequest request, Caller caller) {
        return update(id, request, caller);
    }

    /** The seed: "This action is not supported. Please see the Delete a Account User method." */
    @DeleteMapping("/{id}")
    ResponseEntity<Map<String, Object>> delete(@PathVariable String id) {
        throw new UsersException(ErrorCode.METHOD_NOT_ALLOWED, "deleting a user is not supported; "
                + "delete the account user instead: DELETE /api/v4/account_users/" + id);
    }

    /** Replaces the user's roles: {@code {"roles": ["admin", …]}} (names or role ids of the account's catalog). */
    @PutMapping("/{id}/roles")
    ResponseEntity<Map<String, Object>> assignRoles(@PathVariable String id, HttpServletRequest request,
                                                    Caller caller) {
        UUID userId = UserWrites.userId(id);
        ParamReader reader = new ParamReader();
        List<String> requested = reader.strings(bodies.read(request, "user"), "roles");
        if (requested == null) {
            reader.problem("roles is required: an array of role names");
        }
        List<String> names = roles.resolve(caller.accountId(), requested == null ? List.of() : requested,
                role -> reader.problem("roles: role '" + role + "' does not exist in this account"));
        reader.throwIfProblems();
        return writes.send(new AssignRoles(userId, caller.accountId(), names), Surface.V4_USER, HttpStatus.OK);
    }

    @PostMapping("/{id}/sign_ins")
    ResponseEntity<Map<String, Object>> signIn(@PathVariable String id, HttpServletRequest request, Caller caller) {
        Instant received = now();
        UUID userId = UserWrites.userId(id);
        ObjectNode body = bodies.read(request, "sign_in");
        ParamReader reader = new ParamReader();
        String at = reader.string(body, "at", 64);
        reader.throwIfProblems();
        return writes.send(new RecordSignIn(userId, caller.accountId(), at == null ? received : instant(at), received),
                Surface.V4_USER, HttpStatus.CREATED);
    }

    private Instant now() {
        return writes.now();
    }

    private static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant().truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeParseException e) {
            throw new UsersException(ErrorCode.INVALID, "at '" + text + "' is not an ISO-8601 instant "
                    + "such as 2026-01-31T09:30:00Z");
        }
    }
}
