package dev.users.query.history;

import dev.users.errors.ErrorCode;
import dev.users.errors.UsersException;
import dev.users.query.list.ClientTimestamp;
import dev.users.query.list.PageRequest;
import dev.users.query.list.QueryParams;
import dev.users.web.PrefixIds;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The parameters of an audit log read: PagerTree's paging, the half-open range [{@code from}, {@code to}) of
 * {@code occurred_at}, {@code type} (as history reads it), {@code api_key_id} (the key that caused the change) and
 * {@code user_id} (its UUID or {@code usr_…}). Every bad parameter is named in one 422; messages never repeat a
 * client's value.
 */
record AuditLogParams(PageRequest page, Instant from, Instant to, Set<String> types, UUID apiKeyId, UUID userId) {

    static AuditLogParams parse(Map<String, List<String>> params) {
        QueryParams.checkText(params);
        List<String> problems = new ArrayList<>();
        PageRequest page = PageRequest.parse(params, problems);
        Instant from = ClientTimestamp.param(params, "from", problems);
        Instant to = ClientTimestamp.param(params, "to", problems);
        Set<String> types = HistoryParams.types(params.getOrDefault("type", List.of()), problems);
        UUID apiKeyId = id(params, "api_key_id", AuditLogParams::parseUuid, "an API key id (a UUID)", problems);
        UUID userId = id(params, "user_id", text -> PrefixIds.parse(PrefixIds.USER, text),
                "a user id (a UUID or usr_…)", problems);
        if (!problems.isEmpty()) {
            throw new UsersException(ErrorCode.INVALID, problems);
        }
        return new AuditLogParams(page, from, to, types, apiKeyId, userId);
    }

    private static UUID id(Map<String, List<String>> params, String name,
                           Function<String, Optional<UUID>> parser, String expected,
                           List<String> problems) {
        String text = QueryParams.single(params, name, problems);
        if (text == null) {
            return null;
        }
        Optional<UUID> id = parser.apply(text.strip());
        if (id.isEmpty()) {
            problems.add(name + " must be " + expected);
        }
        return id.orElse(null);
    }

    private static Optional<UUID> parseUuid(String text) {
        // UUID.fromString accepts short groups ("1-1-1-1-1"); only the canonical 36-character form names a key
        if (text.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
