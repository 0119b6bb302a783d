package dev.users.app.erasure;

import dev.users.events.EmailAdded;
import dev.users.events.EmailRemoved;
import dev.users.events.MembershipAttributesChanged;
import dev.users.events.MembershipInvited;
import dev.users.events.MetaChanged;
import dev.users.events.PhoneAdded;
import dev.users.events.UserCreated;
import dev.users.events.UserRemoved;
import dev.users.events.UserRenamed;

import tools.jackson.core.TokenStreamContext;

import java.util.Map;
import java.util.Set;

/**
 * Which fields of which events hold what a person could be found by: names, e-mail addresses, phone numbers and
 * meta values (free text a client may fill with anything). Every text inside such a field (a list's items, a map's
 * values) is stored encrypted. The other texts of the events are not personal: ids, roles, team ids, region codes,
 * time zones, languages, the confirmation method, meta keys (the client's field names); {@code PersonalFieldsTest}
 * fails when an event gains a text field that is in neither list.
 */
final class PersonalFields {

    private static final Map<String, Set<String>> FIELDS = Map.of(
            UserCreated.class.getName(), Set.of("name", "firstName", "lastName", "meta"),
            UserRenamed.class.getName(), Set.of("name", "firstName", "lastName"),
            MetaChanged.class.getName(), Set.of("meta"),
            EmailAdded.class.getName(), Set.of("address"),
            EmailRemoved.class.getName(), Set.of("address"),
            PhoneAdded.class.getName(), Set.of("number"),
            MembershipInvited.class.getName(), Set.of("email"),
            MembershipAttributesChanged.class.getName(), Set.of("meta"),
            UserRemoved.class.getName(), Set.of("releasedEmails"));

    /** Texts of the events that are not personal, per field name (for the test that keeps this list complete). */
    static final Set<String> NOT_PERSONAL = Set.of("country", "confirmationMethod", "language", "languageTag", "roles",
            "teamIds", "timeZone", "notificationRuleId");

    private PersonalFields() {
    }

    /**
     * Whether the value at {@code context} (a parser's or a generator's) lies inside one of {@code fields}, the
     * named top-level fields of the event object, at any depth.
     */
    static boolean inside(Set<String> fields, TokenStreamContext context) {
        while (context.getParent() != null && !context.getParent().inRoot()) {
            context = context.getParent();
        }
        return context.inObject() && context.getParent() != null && fields.contains(context.currentName());
    }

    /** The personal fields of an event type (the payload's class name); empty for none. */
    static Set<String> of(String payloadType) {
        return FIELDS.getOrDefault(payloadType, Set.of());
    }
}
