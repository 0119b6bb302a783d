package dev.users.events;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The documented, stable name of every event type, the one that history, the audit log, the feed, the stream and
 * Kafka show: {@code dev.users.<event in snake case>.v<revision>}, e.g. {@code dev.users.user_created.v1}.
 * {@link #revision(Class)} is the one source of revisions: the service stores every event under its record's
 * current revision (Axon's payload revision, through the service's revision resolver), and reads older ones
 * through upcasters into the current shape, so every event is shown in its current revision and a consumer sees a
 * shape change as a new type instead of guessing from the data. A stored event without a revision (stored before
 * revisions were recorded) is revision 1.
 */
public final class EventTypes {

    public static final String PREFIX = "dev.users.";

    /** The records whose shape has changed since they were first stored, with their current revision. */
    private static final Map<Class<? extends UserEvent>, String> REVISIONS = Map.of(LanguageChanged.class, "2");

    private EventTypes() {
    }

    /** The current revision of an event record: the one it is stored under and shown in ({@code "1"} for most). */
    public static String revision(Class<?> event) {
        return REVISIONS.getOrDefault(event, "1");
    }

    /** Each record's type, made once: every event that history, the feed and Kafka show asks for it. */
    private static final ClassValue<String> CURRENT = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> event) {
            return of(event.getSimpleName(), revision(event));
        }
    };

    /** The documented type of an event record in its current revision. */
    public static String of(Class<?> event) {
        return CURRENT.get(event);
    }

    /** Whether {@code type} names an event record in its current revision: the types the service shows. */
    public static boolean isCurrent(String type) {
        return eventName(type).flatMap(name -> all().stream().filter(c -> c.getSimpleName().equals(name)).findFirst())
                .map(event -> of(event).equals(type)).orElse(false);
    }

    /** Every event record of the contract, in the order of {@link UserEvent}'s {@code permits}. */
    public static List<Class<?>> all() {
        return Arrays.asList(UserEvent.class.getPermittedSubclasses());
    }

    /** The documented type of an event record stored under a revision (null or blank: revision 1). */
    public static String of(String eventName, String revision) {
        return PREFIX + snakeCase(eventName) + ".v" + (revision == null || revision.isBlank() ? "1" : revision);
    }

    /** The event record's simple name (as {@code Class.getSimpleName()}) that a documented type names, if any. */
    public static Optional<String> eventName(String type) {
        if (type == null || !type.startsWith(PREFIX)) {
            return Optional.empty();
        }
        int version = type.lastIndexOf(".v");
        if (version <= PREFIX.length()) {
            return Optional.empty();
        }
        String snake = type.substring(PREFIX.length(), version);
        return all().stream().map(Class::getSimpleName).filter(name -> snakeCase(name).equals(snake)).findFirst();
    }

    /** The revision a documented type names ({@code "1"} for {@code ….v1}), if it is well formed. */
    public static Optional<String> revision(String type) {
        int version = type == null ? -1 : type.lastIndexOf(".v");
        if (version < 0 || version + 2 >= type.length() || !type.substring(version + 2).chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(type.substring(version + 2));
    }

    static String snakeCase(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
