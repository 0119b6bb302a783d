package dev.users.app.erasure;

import dev.users.command.api.EraseUser;
import dev.users.command.web.UserWrites;
import dev.users.errors.ErrorCode;
import dev.users.errors.UsersException;
import dev.users.web.Caller;
import dev.users.web.PrefixIds;
import dev.users.web.Timestamps;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * {@code POST /api/v4/users/:id/erasure} (admin keys): erases the person's personal data ({@link Erasures}). 200 once
 * the read models forgot them, 202 when they had not within the read-your-writes timeout (they will). The answer
 * names only ids and times, so that nothing personal is kept as an idempotent answer.
 */
@RestController
public class ErasureController {

    private final CommandGateway commands;
    private final ErasureProgress progress;
    private final Clock clock;

    ErasureController(CommandGateway commands, ErasureProgress progress, Clock clock) {
        this.commands = commands;
        this.progress = progress;
        this.clock = clock;
    }

    @PostMapping("/api/v4/users/{id}/erasure")
    ResponseEntity<Map<String, Object>> erase(@PathVariable String id, Caller caller) {
        if (!caller.admin()) {
            throw new UsersException(ErrorCode.FORBIDDEN, "only an admin API key can erase a user");
        }
        UUID userId = UserWrites.userId(id);
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        long version = commands.<Long>sendAndWait(new EraseUser(userId, caller.accountId(), at));
        boolean forgotten = progress.awaitForgotten(userId);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", PrefixIds.of(PrefixIds.USER, userId));
        body.put("erased", true);
        body.put("erased_at", Timestamps.of(at));
        body.put("version", version);
        if (!forgotten) {
            body.put("message", "erased; the read models have not forgotten the user yet");
        }
        return ResponseEntity.status(forgotten ? HttpStatus.OK : HttpStatus.ACCEPTED).body(body);
    }
}
