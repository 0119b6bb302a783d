package dev.users.app.erasure;

import dev.users.app.axon.BatchedReads;
import dev.users.events.UserCreated;
import dev.users.events.UserErased;
import dev.users.events.UserEvent;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.messaging.MetaData;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

import javax.crypto.SecretKey;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Axon's event serializer with the personal fields ({@link PersonalFields}) of user events encrypted under the
 * user's data key ({@link DataKeys}): the events' other fields, type, order and timestamps stay plain, so the store's
 * SQL (the event index's trigger) and every reader work as before, and the domain knows nothing of it. Each text
 * becomes {@value #MARK} followed by the base64 of nonce, ciphertext and tag; U+0001 is refused in every client text
 * (ClientText), so no plain value can look encrypted. Reading decrypts them again, or gives {@code "[erased]"} when
 * the user's key is gone; plain texts (events stored before, or with {@code users.erasure.encrypt=false}) are read
 * as they are. Upcasters see the encrypted texts, which they pass on unchanged. An event is written once, its texts
 * sealed as Jackson writes them ({@link SealingGenerator}), and read in one pass when it can be ({@link OpeningParser}).
 */
public final class PersonalDataSerializer implements Serializer, BatchedReads {

    static final String MARK = "\u0001";
    /** How the mark looks in the stored JSON, which escapes every control character. */
    private static final byte[] ESCAPED_MARK = "\\u0001".getBytes(StandardCharsets.US_ASCII);

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String METADATA = MetaData.class.getName();
    private static final byte[] LEADING_USER_ID = "{\"userId\":\"".getBytes(StandardCharsets.US_ASCII);

    /**
     * Payload classes by stored type name: Axon's serializer loads the class (Class.forName) for every event read.
     * The revision plays no part in which class it is.
     */
    private final Map<String, Class<?>> classes = new ConcurrentHashMap<>();
    /** The data keys of the batch this thread is reading ({@link #reading}); null outside one. */
    private final ThreadLocal<Map<UUID, Optional<SecretKey>>> batchKeys = new ThreadLocal<>();
    private final Serializer delegate;
    private final DataKeys keys;
    private final boolean encrypt;
    /**
     * Reads stored metadata as Axon's Jackson serializer does (a map of untyped values, its own mapper), but with the
     * map's deserializer found once: Axon's MetaDataDeserializer looks it up again for every event. Null for a
     * delegate of another kind, which then reads metadata itself.
     */
    private final ObjectReader metadata;
    /** The delegate's mapper, which reads a record from a stored event's bytes; null for another kind of delegate. */
    private final ObjectMapper mapper;

    public PersonalDataSerializer(Serializer delegate, DataKeys keys, boolean encrypt) {
        this.delegate = delegate;
        this.keys = keys;
        this.encrypt = encrypt;
        this.mapper = delegate instanceof Jackson3Serializer jackson ? jackson.getObjectMapper() : null;
        this.metadata = mapper == null ? null
                : mapper.readerFor(mapper.getTypeFactory().constructMapType(HashMap.class, String.class, Object.class));
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        Set<String> fields = object == null || !encrypt ? Set.of() : PersonalFields.of(object.getClass().getName());
        if (fields.isEmpty()) {
            return delegate.serialize(object, expectedRepresentation);
        }
        UUID userId = ((UserEvent) object).userId();
        OnFirstUse key = new OnFirstUse(() -> keys.forWriting(userId, object instanceof UserCreated));
        UnaryOperator<String> seal = text -> key.get()
                .map(k -> MARK + Base64.getEncoder().encodeToString(
                        Aes.encrypt(k, userId, text.getBytes(StandardCharsets.UTF_8))))
                // an erased user's value (say a dead letter stored again) is stored as what it reads as
                .orElse(UserErased.ERASED);
        byte[] bytes = mapper != null ? sealed(object, fields, seal) : treeSealed(object, fields, seal);
        T data = getConverter().convert(bytes, byte[].class, expectedRepresentation);
        return new SimpleSerializedObject<>(data, expectedRepresentation, typeForClass(object.getClass()));
    }

    /** The event written once, its personal texts sealed as they are written. */
    private byte[] sealed(Object event, Set<String> fields, UnaryOperator<String> seal) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator generator = new SealingGenerator(mapper.createGenerator(out), fields, seal)) {
            mapper.writeValue(generator, event);
        }
        return out.toByteArray();
    }

    /** For a delegate of another kind: its JSON as a tree, the personal texts rewritten, written again. */
    private byte[] treeSealed(Object event, Set<String> fields, UnaryOperator<String> seal) {
        ObjectNode tree = (ObjectNode) JSON.readTree(delegate.serialize(event, byte[].class).getData());
        rewrite(tree, fields, seal);
        return JSON.writeValueAsBytes(tree);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S, T> T deserialize(SerializedObject<S> serialized) {
        if (metadata != null && serialized.getData() instanceof byte[] json
                && METADATA.equals(serialized.getType().getName())) {
            return (T) MetaData.from(metadata.<Map<String, Object>>readValue(json));
        }
        Set<String> fields = PersonalFields.of(serialized.getType().getName());
        if (fields.isEmpty()) {
            return delegate.deserialize(serialized);
        }
        byte[] bytes = getConverter().convert(serialized.getData(), serialized.getContentType(), byte[].class);
        if (!contains(bytes, ESCAPED_MARK)) {
            return delegate.deserialize(serialized); // nothing encrypted: the delegate's one parse
        }
        UUID leading = mapper == null ? null : leadingUserId(bytes);
        if (leading != null) {
            Class<?> type = classForType(serialized.getType());
            if (type != UnknownSerializedType.class) {
                OnFirstUse key = new OnFirstUse(() -> keyForReading(leading));
                try (JsonParser stored = new OpeningParser(mapper.createParser(bytes), fields,
                        text -> key.get().flatMap(k -> open(k, leading, text)).orElse(UserErased.ERASED))) {
                    return mapper.readerFor(type).readValue(stored);
                }
            }
        }
        Optional<ObjectNode> decrypted = decrypted(bytes, fields);
        // the delegate reads the decrypted tree as it is: no second text to write and parse again
        return decrypted.isEmpty() ? delegate.deserialize(serialized)
                : delegate.deserialize(new SimpleSerializedObject<>(decrypted.get(), JsonNode.class,
                serialized.getType()));
    }

    /**
     * An event's stored JSON ({@code payloadType} its stored type name) as a tree, its personal fields as they
     * read: plain, or {@code "[erased]"}. What {@link #deserialize} reads, for a reader that wants the JSON itself.
     */
    public JsonNode readableTree(String payloadType, byte[] bytes) {
        Set<String> fields = PersonalFields.of(payloadType);
        Optional<ObjectNode> decrypted = fields.isEmpty() ? Optional.empty() : decrypted(bytes, fields);
        return decrypted.isPresent() ? decrypted.get() : JSON.readTree(bytes);
    }

    /**
     * The user's id when the stored JSON begins with it ({@code {"userId":"…"}}, as every user event's record is
     * written, its id the first component); null otherwise, and the event is read through its tree.
     */
    private static UUID leadingUserId(byte[] json) {
        int end = LEADING_USER_ID.length + 36;
        if (json.length <= end || json[end] != '"' || !Arrays.equals(json, 0, LEADING_USER_ID.length,
                LEADING_USER_ID, 0, LEADING_USER_ID.length)) {
            return null;
        }
        try {
            return UUID.fromString(new String(json, LEADING_USER_ID.length, 36, StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }

    /** The event's tree with its encrypted texts opened; empty when it holds none (a plain event). */
    private Optional<ObjectNode> decrypted(byte[] bytes, Set<String> fields) {
        if (!contains(bytes, ESCAPED_MARK)) {
            return Optional.empty(); // nothing encrypted: no parse here
        }
        ObjectNode tree = (ObjectNode) JSON.readTree(bytes);
        UUID userId = UUID.fromString(tree.path("userId").asString());
        OnFirstUse key = new OnFirstUse(() -> keyForReading(userId));
        rewrite(tree, fields, text -> text.startsWith(MARK)
                ? key.get().flatMap(k -> open(k, userId, text)).orElse(UserErased.ERASED) : text);
        // the key unused: the mark was an escaped backslash's, nothing was encrypted
        return key.used() ? Optional.of(tree) : Optional.empty();
    }

    /**
     * Loads the data keys of the users whose events in the batch hold an encrypted text, in one query, and reads the
     * batch with them at hand.
     */
    @Override
    public <T> T reading(List<? extends DomainEventData<?>> entries, Supplier<T> deserializing) {
        Set<UUID> users = new HashSet<>();
        for (DomainEventData<?> entry : entries) {
            if (!PersonalFields.of(entry.getPayload().getType().getName()).isEmpty()
                    && (!(entry.getPayload().getData() instanceof byte[] bytes) || contains(bytes, ESCAPED_MARK))) {
                try {
                    users.add(UUID.fromString(entry.getAggregateIdentifier()));
                } catch (IllegalArgumentException notAUser) {
                    // another aggregate's event: it has no data key
                }
            }
        }
        if (users.isEmpty()) {
            return deserializing.get();
        }
        batchKeys.set(keys.forBatch(users));
        try {
            return deserializing.get();
        } finally {
            // batches are not read inside one another; one that were would read through forReading after this
            batchKeys.remove();
        }
    }

    /** The user's key from the batch this thread is reading, if it holds the user; else from {@link DataKeys}. */
    private Optional<SecretKey> keyForReading(UUID userId) {
        Map<UUID, Optional<SecretKey>> batch = batchKeys.get();
        Optional<SecretKey> key = batch == null ? null : batch.get(userId);
        return key != null ? key : keys.forReading(userId);
    }

    /** The user's key, looked up once per event, and only when a field holds a text to encrypt or decrypt. */
    private static final class OnFirstUse {
        private final Supplier<Optional<SecretKey>> lookup;
        private Optional<SecretKey> key;

        OnFirstUse(Supplier<Optional<SecretKey>> lookup) {
            this.lookup = lookup;
        }

        Optional<SecretKey> get() {
            if (key == null) {
                key = lookup.get();
            }
            return key;
        }

        boolean used() {
            return key != null;
        }
    }

    /** Whether {@code text} holds {@code part}; a false match (an escaped backslash before "u0001") only costs a parse. */
    private static boolean contains(byte[] text, byte[] part) {
        outer:
        for (int i = 0; i <= text.length - part.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (text[i + j] != part[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static Optional<String> open(SecretKey key, UUID userId, String text) {
        byte[] sealed;
        try {
            sealed = Base64.getDecoder().decode(text.substring(MARK.length()));
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
        return Aes.decrypt(key, userId, sealed).map(plain -> new String(plain, StandardCharsets.UTF_8));
    }

    /** Replaces every text inside the named fields (lists' items, maps' values; never keys) by {@code change}. */
    private static void rewrite(ObjectNode event, Set<String> fields, Function<String, String> change) {
        for (String field : fields) {
            JsonNode value = event.get(field);
            if (value != null) {
                event.set(field, rewritten(value, change));
            }
        }
    }

    private static JsonNode rewritten(JsonNode node, Function<String, String> change) {
        if (node.isString()) {
            return StringNode.valueOf(change.apply(node.stringValue()));
        }
        if (node instanceof ObjectNode object) {
            for (String name : List.copyOf(object.propertyNames())) {
                object.set(name, rewritten(object.get(name), change));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, rewritten(array.get(i), change));
            }
        }
        return node;
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    public Class classForType(SerializedType type) {
        // a plain get first: computeIfAbsent locks the key's bin even when the class is there
        Class known = classes.get(type.getName());
        return known != null ? known : classes.computeIfAbsent(type.getName(), name -> delegate.classForType(type));
    }

    @Override
    public SerializedType typeForClass(Class type) {
        return delegate.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }
}
