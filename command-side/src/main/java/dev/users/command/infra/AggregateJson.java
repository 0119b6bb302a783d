package dev.users.command.infra;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import dev.users.command.domain.Assignments;
import dev.users.command.domain.Emails;
import dev.users.command.domain.Memberships;
import dev.users.command.domain.Phones;
import dev.users.command.domain.Profile;
import dev.users.command.domain.User;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/**
 * How Axon's serializer writes a user aggregate into a snapshot and reads it back: every field whatever its
 * visibility, and no getters (the aggregate's query methods are not state). Declared here rather than with
 * annotations on the domain's classes, so that the domain does not depend on Jackson.
 */
public final class AggregateJson {

    /** The aggregate's classes that keep state in fields; records (emails, phones, the events' values) need nothing. */
    private static final List<Class<?>> STATE_CLASSES = List.of(User.class, Profile.class, Emails.class,
            Phones.class, Assignments.class, Memberships.class);

    private static final JsonAutoDetect.Value FIELDS_ONLY = JsonAutoDetect.Value.noOverrides()
            .withFieldVisibility(Visibility.ANY)
            .withGetterVisibility(Visibility.NONE)
            .withIsGetterVisibility(Visibility.NONE);

    private AggregateJson() {
    }

    /** {@code builder}, set to read and write the aggregate's state classes field by field. */
    public static JsonMapper.Builder fieldsOnly(JsonMapper.Builder builder) {
        STATE_CLASSES.forEach(type -> builder.withConfigOverride(type, o -> o.setVisibility(FIELDS_ONLY)));
        return builder;
    }
}
