package dev.users.app.erasure;

import dev.users.app.support.ApiTest;
import dev.users.events.EmailAdded;
import dev.users.events.EmailRemoved;
import dev.users.events.MembershipAttributesChanged;
import dev.users.events.MembershipInvited;
import dev.users.events.MetaChanged;
import dev.users.events.PhoneAdded;
import dev.users.events.UserRemoved;
import dev.users.events.UserRenamed;
import dev.users.events.NotificationPreferences;
import dev.users.events.UserCreated;
import dev.users.events.UserErased;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event serializer's encryption on its own: what it stores, what it reads back, an erased user's fields, the
 * setting that turns it off for an A/B, and a ciphertext moved into another user's event.
 */
class PersonalDataSerializerTest extends ApiTest {

    @Autowired
    @Qualifier("eventSerializer")
    Serializer events;

    @Autowired
    Serializer general;

    @Autowired
    DataKeys keys;

    @Autowired
    JdbcTemplate jdbc;

    private static UserCreated created(UUID user, String name) {
        return new UserCreated(user, UUID.randomUUID(), 1, name, null, "Lastname", null, "en",
                NotificationPreferences.DEFAULT, Map.of("desk", "Desk 7 by the window"), Instant.parse("2026-01-01T00:00:00Z"));
    }

    private static String text(SerializedObject<byte[]> stored) {
        return new String(stored.getData(), StandardCharsets.UTF_8);
    }

    @Test
    void metadataReadsAsAxonsOwnSerializerReadsIt() {
        Map<String, Object> values = new HashMap<>();
        values.put("apiKeyId", "k1");
        values.put("small", 3);
        values.put("large", 12_345_678_901L);
        values.put("ratio", 0.5);
        values.put("flag", true);
        values.put("none", null);
        values.put("nested", Map.of("list", List.of(1, "two", Map.of("three", 3))));
        SerializedObject<byte[]> stored = general.serialize(MetaData.from(values), byte[].class);
        MetaData axons = general.deserialize(stored);
        MetaData read = events.deserialize(stored);
        assertThat(read).isEqualTo(axons).containsEntry("large", 12_345_678_901L).containsEntry("none", null);
        read.forEach((key, value) -> assertThat(value == null ? null : value.getClass()).as(key)
                .isEqualTo(axons.get(key) == null ? null : axons.get(key).getClass()));
    }

    @Test
    void personalFieldsAreStoredEncryptedAndReadBackDecrypted() {
        UUID user = UUID.randomUUID();
        UserCreated event = created(user, "Ada Serialized");
        SerializedObject<byte[]> stored = events.serialize(event, byte[].class);
        assertThat(text(stored)).doesNotContain("Ada", "Lastname", "Desk 7").contains(user.toString(), "\"en\"",
                "\"desk\":\"\\u0001");
        assertThat(events.<byte[], UserCreated>deserialize(stored)).isEqualTo(event);
        assertThat(jdbc.queryForObject("select count(*) from user_keys where user_id = ?", Long.class, user))
                .isEqualTo(1);
    }

    @Test
    void anErasedUsersFieldsReadErasedAndWhatIsWrittenForThemLater() {
        UUID user = UUID.randomUUID();
        SerializedObject<byte[]> stored = events.serialize(created(user, "Bea Erased"), byte[].class);
        keys.delete(user);
        UserCreated read = events.deserialize(stored);
        assertThat(read.name()).isEqualTo(UserErased.ERASED);
        assertThat(read.lastName()).isEqualTo(UserErased.ERASED);
        assertThat(read.meta()).isEqualTo(Map.of("desk", UserErased.ERASED));
        assertThat(read.userId()).isEqualTo(user);
        assertThat(read.language()).isEqualTo("en");

        SerializedObject<byte[]> later = events.serialize(new EmailAdded(user, UUID.randomUUID(), "bea@x.example",
                true), byte[].class);
        assertThat(text(later)).doesNotContain("bea@").contains("\"address\":\"[erased]\"");
        assertThat(jdbc.queryForObject("select count(*) from user_keys where user_id = ? and wrapped_key is null",
                Long.class, user)).isEqualTo(1);
    }

    /**
     * An event is read in one pass over its stored bytes when they begin with its user's id, else through its tree
     * (the same JSON with {@code userId} moved to the end): both read the same, kept or erased, for texts in lists,
     * in maps' values and on their own.
     */
    @Test
    void theOnePassReadAndTheTreeReadAgree() {
        UUID user = UUID.randomUUID();
        List<Object> written = List.of(created(user, "Fay Both"),
                new UserRemoved(user, List.of("fay@both.example", "f.b@both.example"), Instant.parse("2026-02-01T00:00:00Z")),
                new MetaChanged(user, Map.of("desk", "Desk 9", "floor", "3")),
                new PhoneAdded(user, UUID.randomUUID(), "+14155550123", "US", true, "sms"));
        List<SerializedObject<byte[]>> stored = written.stream().map(event -> events.serialize(event, byte[].class))
                .toList();
        for (boolean erased : new boolean[] {false, true}) {
            if (erased) {
                keys.delete(user);
            }
            for (int i = 0; i < stored.size(); i++) {
                SerializedObject<byte[]> onePass = stored.get(i);
                assertThat(text(onePass)).startsWith("{\"userId\":\"" + user + "\"");
                ObjectNode tree = (ObjectNode) tools.jackson.databind.json.JsonMapper.builder().build()
                        .readTree(onePass.getData());
                tree.set("userId", tree.remove("userId"));
                SerializedObject<byte[]> viaTree = new SimpleSerializedObject<>(tree.toString()
                        .getBytes(StandardCharsets.UTF_8), byte[].class, onePass.getType());
                Object read = events.deserialize(onePass);
                assertThat(read).as("%s, erased %s", written.get(i).getClass().getSimpleName(), erased)
                        .isEqualTo(events.deserialize(viaTree))
                        .isEqualTo(erased ? read : written.get(i));
                if (erased) {
                    assertThat(read.toString()).doesNotContain("Fay", "both.example", "Desk 9", "4155550123");
                }
            }
        }
    }

    /**
     * An event is written in one pass, its personal texts sealed as they are written, when the delegate is Jackson's;
     * through its tree otherwise: both seal the same texts (every text of every personal field, in lists and maps'
     * values, never a name or another field's text) and read back as the event, kept or erased.
     */
    @Test
    void theOnePassWriteAndTheTreeWriteSealTheSameTexts() {
        UUID user = UUID.randomUUID();
        Serializer viaTree = new PersonalDataSerializer(new NotJackson(general), keys, true);
        List<Object> written = List.of(created(user, "Gus \"Both\" Ways"),
                new UserRenamed(user, "Gus Renamed", null, "Ways"),
                new MetaChanged(user, Map.of("desk", "Desk 9", "empty", "")),
                new EmailAdded(user, UUID.randomUUID(), "gus@ways.example", true),
                new EmailRemoved(user, UUID.randomUUID(), "old@ways.example"),
                new PhoneAdded(user, UUID.randomUUID(), "+14155550199", "US", false, "sms"),
                new MembershipInvited(user, UUID.randomUUID(), UUID.randomUUID(), 7, List.of("admin"),
                        List.of("team-1"), "gus@ways.example", Instant.parse("2026-02-01T00:00:00Z")),
                new MembershipAttributesChanged(user, UUID.randomUUID(), UUID.randomUUID(), "rule-1",
                        Map.of("pager", "Pager of Gus")),
                new UserRemoved(user, List.of("gus@ways.example", "g.w@ways.example"),
                        Instant.parse("2026-03-01T00:00:00Z")));
        for (boolean erased : new boolean[] {false, true}) {
            if (erased) {
                keys.delete(user);
            }
            for (Object event : written) {
                SerializedObject<byte[]> onePass = events.serialize(event, byte[].class);
                SerializedObject<byte[]> tree = viaTree.serialize(event, byte[].class);
                String name = event.getClass().getSimpleName() + ", erased " + erased;
                assertThat(onePass.getType()).as(name).isEqualTo(tree.getType());
                assertThat(sealedShape(onePass)).as(name).isEqualTo(sealedShape(tree));
                assertThat(text(onePass)).as(name).doesNotContain("Gus", "ways.example", "Desk 9", "4155550199");
                Object read = events.deserialize(onePass);
                assertThat(read).as(name).isEqualTo(events.deserialize(tree));
                if (!erased) {
                    assertThat(read).as(name).isEqualTo(event);
                }
            }
        }
    }

    /** The stored JSON with every sealed text as "SEALED" (its ciphertext differs on every write). */
    private static String sealedShape(SerializedObject<byte[]> stored) {
        return text(stored).replaceAll("\"\\\\u0001[A-Za-z0-9+/=]*\"", "\"SEALED\"");
    }

    /** Jackson's serializer behind a type that is not Jackson's: the encrypting serializer then writes via a tree. */
    private record NotJackson(Serializer jackson) implements Serializer {
        @Override
        public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
            return jackson.serialize(object, expectedRepresentation);
        }

        @Override
        public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
            return jackson.canSerializeTo(expectedRepresentation);
        }

        @Override
        public <S, T> T deserialize(SerializedObject<S> serializedObject) {
            return jackson.deserialize(serializedObject);
        }

        @Override
        public Class classForType(org.axonframework.serialization.SerializedType type) {
            return jackson.classForType(type);
        }

        @Override
        public org.axonframework.serialization.SerializedType typeForClass(Class type) {
            return jackson.typeForClass(type);
        }

        @Override
        public org.axonframework.serialization.Converter getConverter() {
            return jackson.getConverter();
        }
    }

    @Test
    void withEncryptionOffEventsAreStoredPlainAndStillRead() {
        UUID user = UUID.randomUUID();
        UserCreated event = created(user, "Cid Plain");
        SerializedObject<byte[]> stored = new PersonalDataSerializer(general, keys, false).serialize(event, byte[].class);
        assertThat(text(stored)).contains("Cid Plain", "Desk 7");
        assertThat(events.<byte[], UserCreated>deserialize(stored)).isEqualTo(event);
        assertThat(jdbc.queryForObject("select count(*) from user_keys where user_id = ?", Long.class, user)).isZero();
    }

    @Test
    void aCiphertextMovedIntoAnotherUsersEventDoesNotDecrypt() {
        UUID owner = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        String ownersName = text(events.serialize(created(owner, "Dee Owner"), byte[].class))
                .replaceAll("(?s).*\"name\":\"([^\"]*)\".*", "$1");
        SerializedObject<byte[]> others = events.serialize(created(other, "Eve Other"), byte[].class);
        String forged = text(others).replaceFirst("\"name\":\"[^\"]*\"", "\"name\":\"" + ownersName.replace("\\", "\\\\")
                + "\"");
        UserCreated read = events.deserialize(new SimpleSerializedObject<>(forged.getBytes(StandardCharsets.UTF_8),
                byte[].class, others.getType()));
        assertThat(read.name()).isEqualTo(UserErased.ERASED);
        assertThat(read.lastName()).isEqualTo("Lastname");
    }
}
