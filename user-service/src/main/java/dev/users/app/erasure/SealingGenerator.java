package dev.users.app.erasure;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.util.JsonGeneratorDelegate;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The writing side of {@link OpeningParser}: an event is written straight to its stored JSON with every text inside
 * a personal field as {@code seal} makes it (encrypted, or {@code "[erased]"}), so a write serializes the event once
 * instead of writing it, parsing it into a tree, rewriting the tree and writing that. Which texts are sealed is what
 * {@link PersonalDataSerializer}'s tree rewrite changes: every string value (never a name) inside the named
 * top-level fields, in lists and maps at any depth. POJOs and trees written through it are written through it too
 * (no copy methods handed to the delegate), so their texts are sealed as well.
 */
final class SealingGenerator extends JsonGeneratorDelegate {

    private final Set<String> fields;
    private final UnaryOperator<String> seal;

    SealingGenerator(JsonGenerator plain, Set<String> fields, UnaryOperator<String> seal) {
        super(plain, false);
        this.fields = fields;
        this.seal = seal;
    }

    /** Whether the value about to be written lies inside one of the named fields of the event object. */
    private boolean inPersonalField() {
        return PersonalFields.inside(fields, delegate.streamWriteContext());
    }

    @Override
    public JsonGenerator writeString(String text) {
        if (text != null && inPersonalField()) {
            delegate.writeString(seal.apply(text));
        } else {
            delegate.writeString(text);
        }
        return this;
    }

    @Override
    public JsonGenerator writeString(char[] text, int offset, int length) {
        return inPersonalField() ? writeString(new String(text, offset, length))
                : super.writeString(text, offset, length);
    }

    @Override
    public JsonGenerator writeString(SerializableString text) {
        return inPersonalField() ? writeString(text.getValue()) : super.writeString(text);
    }

    @Override
    public JsonGenerator writeString(Reader reader, int length) {
        if (!inPersonalField()) {
            return super.writeString(reader, length);
        }
        StringWriter text = new StringWriter();
        try {
            if (length < 0) {
                reader.transferTo(text);
            } else {
                char[] buffer = new char[length];
                int read = 0;
                for (int n; read < length && (n = reader.read(buffer, read, length - read)) >= 0; ) {
                    read += n;
                }
                text.write(buffer, 0, read);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return writeString(text.toString());
    }

    @Override
    public JsonGenerator writeUTF8String(byte[] text, int offset, int length) {
        return inPersonalField() ? writeString(new String(text, offset, length, StandardCharsets.UTF_8))
                : super.writeUTF8String(text, offset, length);
    }

    @Override
    public JsonGenerator writeRawUTF8String(byte[] text, int offset, int length) {
        return inPersonalField() ? writeString(new String(text, offset, length, StandardCharsets.UTF_8))
                : super.writeRawUTF8String(text, offset, length);
    }

    @Override
    public JsonGenerator writeArray(String[] texts, int offset, int length) {
        writeStartArray(texts, length);
        for (int i = offset; i < offset + length; i++) {
            writeString(texts[i]);
        }
        return writeEndArray();
    }
}
