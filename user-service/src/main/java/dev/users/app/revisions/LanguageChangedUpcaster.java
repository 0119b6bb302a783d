package dev.users.app.revisions;

import dev.users.events.LanguageChanged;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code LanguageChanged} revision 1 (or none: stored before revisions were recorded) to revision 2: the field
 * {@code language} is now {@code languageTag}, with the same value. Works on the JSON tree, so it never needs the
 * old record.
 */
class LanguageChangedUpcaster extends SingleEventUpcaster {

    private static final String TYPE = LanguageChanged.class.getName();

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        String revision = event.getType().getRevision();
        return event.getType().getName().equals(TYPE) && (revision == null || revision.isEmpty() || revision.equals("1"));
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        return event.upcastPayload(new SimpleSerializedType(TYPE, "2"), ObjectNode.class, payload -> {
            JsonNode language = payload.remove("language");
            payload.set("languageTag", language);
            return payload;
        });
    }
}
