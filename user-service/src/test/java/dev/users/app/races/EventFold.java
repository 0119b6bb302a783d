package dev.users.app.races;

import dev.users.events.EmailAdded;
import dev.users.events.EmailRemoved;
import dev.users.events.MetaChanged;
import dev.users.events.PhoneAdded;
import dev.users.events.PhoneRemoved;
import dev.users.events.PrimaryEmailChanged;
import dev.users.events.RolesAssigned;
import dev.users.events.UserCreated;
import dev.users.events.UserRenamed;
import dev.users.events.UserSignedIn;
import dev.users.query.directory.UserRow;
import org.axonframework.eventhandling.DomainEventMessage;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A user's state folded from its events in test code, independent of the projection: what the read model must
 * equal. Only what the race test changes is folded (names, meta, roles, emails, phones, sign-ins, the version).
 */
final class EventFold {

    record State(String name, String firstName, String lastName, Map<String, String> meta, List<String> roles,
                 Map<UUID, String> emails, UUID primaryEmail, TreeSet<UUID> phones, Instant lastSignInAt,
                 long version) {

        static State of(UserRow row) {
            Map<UUID, String> emails = new TreeMap<>();
            UUID primary = null;
            for (UserRow.Email email : row.emails()) {
                emails.put(email.id(), email.email());
                primary = email.primary() ? email.id() : primary;
            }
            TreeSet<UUID> phones = new TreeSet<>();
            row.phones().forEach(p -> phones.add(p.id()));
            return new State(row.name(), row.firstName(), row.lastName(), new TreeMap<>(row.meta()),
                    row.roles().stream().sorted().toList(), emails, primary, phones, row.lastSignInAt(), row.version());
        }
    }

    private String name;
    private String firstName;
    private String lastName;
    private Map<String, String> meta = new TreeMap<>();
    private List<String> roles = List.of();
    private final Map<UUID, String> emails = new TreeMap<>();
    private UUID primaryEmail;
    private final TreeSet<UUID> phones = new TreeSet<>();
    private Instant lastSignInAt;
    private long version = -1;

    static EventFold of(List<? extends DomainEventMessage<?>> events) {
        EventFold fold = new EventFold();
        events.forEach(fold::apply);
        return fold;
    }

    State state() {
        return new State(name, firstName, lastName, new TreeMap<>(meta), roles.stream().sorted().toList(),
                new TreeMap<>(emails), primaryEmail, new TreeSet<>(phones), lastSignInAt, version);
    }

    private void apply(DomainEventMessage<?> message) {
        version = message.getSequenceNumber();
        Object event = message.getPayload();
        if (event instanceof UserCreated e) {
            name = e.name();
            firstName = e.firstName();
            lastName = e.lastName();
            meta = new TreeMap<>(e.meta() == null ? Map.of() : e.meta());
        } else if (event instanceof UserRenamed e) {
            name = e.name();
            firstName = e.firstName();
            lastName = e.lastName();
        } else if (event instanceof MetaChanged e) {
            meta = new TreeMap<>(e.meta());
        } else if (event instanceof RolesAssigned e) {
            roles = List.copyOf(e.roles());
        } else if (event instanceof EmailAdded e) {
            emails.put(e.emailId(), e.address());
            primaryEmail = e.primary() ? e.emailId() : primaryEmail;
        } else if (event instanceof EmailRemoved e) {
            emails.remove(e.emailId());
            primaryEmail = e.emailId().equals(primaryEmail) ? null : primaryEmail;
        } else if (event instanceof PrimaryEmailChanged e) {
            primaryEmail = e.emailId();
        } else if (event instanceof PhoneAdded e) {
            phones.add(e.phoneId());
        } else if (event instanceof PhoneRemoved e) {
            phones.remove(e.phoneId());
        } else if (event instanceof UserSignedIn e) {
            lastSignInAt = e.signedInAt();
        }
    }
}
