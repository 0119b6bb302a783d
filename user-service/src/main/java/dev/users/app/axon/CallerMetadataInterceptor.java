package dev.users.app.axon;

import dev.users.web.CallerAttributes;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Stamps every command sent during an HTTP request with who sent it (API key id) and which request it was, so that
 * the events it causes carry that in their metadata (copied by the correlation data providers) for auditors.
 */
public class CallerMetadataInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    static final String API_KEY_ID = "apiKeyId";
    static final String REQUEST_ID = "requestId";

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            RequestAttributes request = RequestContextHolder.getRequestAttributes();
            if (request == null) {
                return command;
            }
            Map<String, Object> metadata = new HashMap<>();
            put(metadata, API_KEY_ID, request.getAttribute(CallerAttributes.API_KEY_ID, RequestAttributes.SCOPE_REQUEST));
            put(metadata, REQUEST_ID, request.getAttribute(CallerAttributes.REQUEST_ID, RequestAttributes.SCOPE_REQUEST));
            return metadata.isEmpty() ? command : command.andMetaData(metadata);
        };
    }

    private static void put(Map<String, Object> metadata, String key, Object value) {
        if (value != null) {
            metadata.put(key, value.toString());
        }
    }
}
