package dev.users.app.axon;

import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;

import java.util.Objects;

/**
 * Which stored payloads are in their class's current revision: those no upcaster changes (an upcaster takes an older
 * revision to a newer one), so a reader may deserialize them directly instead of through Axon's upcasting stream.
 */
public final class CurrentRevisions {

    private final Serializer serializer;
    private final ClassValue<String> revisions = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            return serializer.typeForClass(type).getRevision();
        }
    };

    public CurrentRevisions(Serializer serializer) {
        this.serializer = serializer;
    }

    /** The payload's class when it was stored in that class's current revision; null otherwise. */
    public Class<?> classIfCurrent(SerializedType type) {
        Class<?> payload = serializer.classForType(type);
        return Objects.equals(type.getRevision(), revisions.get(payload)) ? payload : null;
    }
}
