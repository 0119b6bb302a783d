package dev.users.app.axon;

import dev.users.events.EventMetadata;
import dev.users.web.Caller;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Stamps every command sent during an HTTP request with who sent it (API key id) and which request it was, so that
 * the events it causes carry that in their metadata (copied by the correlation data providers) for auditors.
 */
public class CallerMetadataInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            RequestAttributes request = RequestContextHolder.getRequestAttributes();
            if (request == null
                    || !(request.getAttribute(Caller.REQUEST_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof Caller caller)) {
                return command;
            }
            return command.andMetaData(Map.of(EventMetadata.API_KEY_ID, caller.apiKeyId().toString(),
                    EventMetadata.REQUEST_ID, caller.requestId()));
        };
    }
}
