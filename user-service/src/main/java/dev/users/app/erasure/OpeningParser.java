package dev.users.app.erasure;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.util.JsonParserDelegate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A stored event's JSON as a token stream in which every encrypted text inside a personal field reads as {@code
 * open} makes it (the plain text, or {@code "[erased]"}): the record is read straight from the stored bytes in one
 * pass, with no tree made and walked first. Which texts are opened is what {@link PersonalDataSerializer}'s tree
 * rewrite opens: every string value (never a name) inside the named top-level fields that begins with the mark.
 */
final class OpeningParser extends JsonParserDelegate {

    private final Set<String> fields;
    private final UnaryOperator<String> open;
    private String lastStored;
    private String opened;

    OpeningParser(JsonParser stored, Set<String> fields, UnaryOperator<String> open) {
        super(stored);
        this.fields = fields;
        this.open = open;
    }

    /** The current string value as it reads; null when it is left as stored. */
    private String opened() {
        if (delegate.currentToken() != JsonToken.VALUE_STRING) {
            return null;
        }
        // the parser hands out the same String for a token as often as it is asked: open each text once
        String stored = delegate.getString();
        if (stored != lastStored) {
            opened = stored.startsWith(PersonalDataSerializer.MARK) && inPersonalField() ? open.apply(stored) : null;
            lastStored = stored;
        }
        return opened;
    }

    /** Whether the current value lies inside one of the named fields of the event object. */
    private boolean inPersonalField() {
        return PersonalFields.inside(fields, delegate.streamReadContext());
    }

    @Override
    public String getString() {
        String text = opened();
        return text != null ? text : delegate.getString();
    }

    @Override
    public int getString(Writer writer) {
        String text = opened();
        if (text == null) {
            return delegate.getString(writer);
        }
        try {
            writer.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.length();
    }

    @Override
    public long readString(Writer writer) {
        String text = opened();
        return text != null ? getString(writer) : delegate.readString(writer);
    }

    @Override
    public boolean hasStringCharacters() {
        return opened() == null && delegate.hasStringCharacters();
    }

    @Override
    public char[] getStringCharacters() {
        String text = opened();
        return text != null ? text.toCharArray() : delegate.getStringCharacters();
    }

    @Override
    public int getStringLength() {
        String text = opened();
        return text != null ? text.length() : delegate.getStringLength();
    }

    @Override
    public int getStringOffset() {
        return opened() != null ? 0 : delegate.getStringOffset();
    }

    @Override
    public String getValueAsString() {
        String text = opened();
        return text != null ? text : delegate.getValueAsString();
    }

    @Override
    public String getValueAsString(String defaultValue) {
        String text = opened();
        return text != null ? text : delegate.getValueAsString(defaultValue);
    }
}
