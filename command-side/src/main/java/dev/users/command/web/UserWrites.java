package dev.users.command.web;

import dev.users.command.api.ChangeMembership;
import dev.users.command.api.CreateUser;
import dev.users.command.api.RemoveUser;
import dev.users.command.api.UserCommand;
import dev.users.errors.ErrorCode;
import dev.users.errors.UsersException;
import dev.users.queries.AwaitUserRemoved;
import dev.users.queries.FetchMembershipView;
import dev.users.queries.FetchUserView;
import dev.users.queries.Surface;
import dev.users.queries.UserView;
import dev.users.web.EntityTags;
import dev.users.web.PrefixIds;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;

/**
 * Sends a command and answers with the user as the read side shows it once it includes the write
 * (read-your-writes): the command returns the aggregate's new version and the read side waits for it.
 * If the read model does not catch up in time the write still happened: the answer is a 202 with the user's id.
 */
@Component
public class UserWrites {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final Clock clock;

    public UserWrites(CommandGateway commands, QueryGateway queries, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.clock = clock;
    }

    /** Now, to the microsecond PostgreSQL keeps, so that events and read models agree exactly. */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** Removes the user and returns once no read model shows it any more (or the wait timed out). */
    public void remove(RemoveUser command) {
        commands.sendAndWait(command);
        queries.query(new AwaitUserRemoved(command.accountId(), command.userId()), ResponseTypes.instanceOf(Boolean.class))
                .join();
    }

    /**
     * Creates a user and answers as every create does: 201 with the user as {@code surface} shows it, or 202 if the
     * read model did not catch up in time; either with the user's {@code Location} under {@code collection}.
     */
    public ResponseEntity<Map<String, Object>> create(CreateUser command, Surface surface, String collection) {
        ResponseEntity<Map<String, Object>> shown = send(command, surface, HttpStatus.CREATED);
        return ResponseEntity.status(shown.getStatusCode()).headers(shown.getHeaders())
                .location(URI.create(collection + "/" + command.userId())).body(shown.getBody());
    }

    public ResponseEntity<Map<String, Object>> send(UserCommand command, Surface surface, HttpStatus status) {
        Object version = commands.sendAndWait(command);
        return show(surface, command.accountId(), command.userId(), version instanceof Number n ? n.longValue() : -1,
                status);
    }

    /** The user as {@code surface} shows it, with its version as the {@code ETag}. */
    public ResponseEntity<Map<String, Object>> show(Surface surface, UUID accountId, UUID userId, long minVersion,
                                                    HttpStatus status) {
        return view(new FetchUserView(surface, accountId, userId, minVersion), userId, status);
    }

    /** Sends a change of a membership and answers 200 with the account user its account sees (or 202). */
    public ResponseEntity<Map<String, Object>> send(ChangeMembership command) {
        Object version = commands.sendAndWait(command);
        return view(new FetchMembershipView(command.accountId(), command.userId(), command.membershipId(),
                version instanceof Number n ? n.longValue() : -1), command.membershipId(), HttpStatus.OK);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private ResponseEntity<Map<String, Object>> view(Object query, UUID id, HttpStatus status) {
        try {
            if (query instanceof FetchUserView user) {
                UserView view = queries.query(user, ResponseTypes.instanceOf(UserView.class)).join();
                return ResponseEntity.status(status).eTag(EntityTags.of(view.version())).body(view.body());
            }
            Map<String, Object> view = (Map<String, Object>) queries.query(query, ResponseTypes.instanceOf(Map.class))
                    .join();
            return ResponseEntity.status(status).body(view);
        } catch (CompletionException e) {
            // the command committed: a read that fails now (the read model behind, or the database gone between the
            // write and its read) must not tell the client the write failed, or its retry would write twice
            if (isNotReady(e) || !isUsersProblem(e)) {
                Map<String, Object> accepted = new LinkedHashMap<>();
                accepted.put("id", id.toString());
                accepted.put("message", "accepted; the change is not visible in reads yet");
                return ResponseEntity.status(HttpStatus.ACCEPTED).body(accepted);
            }
            throw e;
        }
    }

    private static boolean isUsersProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UsersException) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNotReady(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UsersException problem) {
                return problem.code() == ErrorCode.NOT_READY;
            }
        }
        return false;
    }

    /** The user id in a path: the UUID or the {@code usr_…} prefix id; anything else cannot exist (404). */
    public static UUID userId(String pathId) {
        return PrefixIds.parse(PrefixIds.USER, pathId)
                .orElseThrow(() -> new UsersException(ErrorCode.NOT_FOUND, "user " + pathId + " not found"));
    }
}
