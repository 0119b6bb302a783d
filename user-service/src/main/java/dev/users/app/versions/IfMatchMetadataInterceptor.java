package dev.users.app.versions;

import dev.users.command.api.UserChange;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Hands the client's {@code If-Match} of a {@code PUT}, {@code PATCH} or {@code DELETE} to the command it causes,
 * as metadata the aggregate checks against the user's version before applying anything (so the check is atomic
 * with the append). Every such request sends one command on one user; the controllers need not know about it.
 * Several {@code If-Match} headers are one list, as HTTP defines them.
 */
public class IfMatchMetadataInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    private static final Set<String> CONDITIONAL = Set.of("PUT", "PATCH", "DELETE");

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            if (!(command.getPayload() instanceof UserChange)
                    || !(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
                return command;
            }
            HttpServletRequest request = attributes.getRequest();
            if (!CONDITIONAL.contains(request.getMethod())) {
                return command;
            }
            List<String> values = Collections.list(request.getHeaders(HttpHeaders.IF_MATCH));
            if (values.isEmpty()) {
                return command;
            }
            return command.andMetaData(Map.of(UserChange.IF_MATCH, String.join(",", values)));
        };
    }
}
