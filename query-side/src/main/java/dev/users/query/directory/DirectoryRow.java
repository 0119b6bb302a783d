package dev.users.query.directory;

import dev.users.events.NotificationPreferences;
import dev.users.events.UserCreated;
import dev.users.query.directory.UserRow.Email;
import dev.users.query.directory.UserRow.Phone;
import dev.users.query.list.SqlValues;
import dev.users.web.PrefixIds;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static dev.users.query.list.SqlValues.storable;

/**
 * A {@code user_directory} row in memory, one field per column ({@link DirectoryColumns}): read from the table, or
 * started by the user's creation. A batch applies its events here and writes the row once, when it flushes.
 * Children keep the order in which they were added; the lookup row's {@code email_addresses} and
 * {@code phone_numbers} are derived from them when written, so the filter arrays (and the generated
 * {@code search_text}) always agree with the children.
 */
final class DirectoryRow {

    // set once, when the row is created or read
    UUID userId;
    UUID accountId;
    long tinyId;
    Instant createdAt;
    String name;
    String firstName;
    String lastName;
    String timeZone;
    String timeZoneId;
    String preferredLanguage;
    Instant lastSignInAt;
    boolean notifyPush;
    boolean notifyEmail;
    boolean notifySms;
    boolean notifyVoice;
    Map<String, String> meta;
    List<String> roles;
    List<String> teamIds;
    /** Mutable lists: the events below change them in place. */
    List<Email> emails = new ArrayList<>();
    List<Phone> phones = new ArrayList<>();
    Instant updatedAt;
    long version;
    /** What the events applied in this batch changed: an update writes only these columns. */
    final Set<RowChange> changes = EnumSet.noneOf(RowChange.class);

    static DirectoryRow created(UserCreated event, long sequence, Instant at) {
        DirectoryRow row = new DirectoryRow();
        row.userId = event.userId();
        row.accountId = event.accountId();
        row.tinyId = event.tinyId();
        row.createdAt = event.createdAt() == null ? at : event.createdAt();
        row.name = event.name();
        row.firstName = event.firstName();
        row.lastName = event.lastName();
        row.timeZone = event.timeZone() == null ? null : event.timeZone().name();
        row.timeZoneId = event.timeZone() == null ? null : event.timeZone().zoneId();
        row.preferredLanguage = event.language();
        row.notifications(event.notifications());
        row.meta = event.meta() == null ? Map.of() : event.meta();
        row.roles = List.of();
        row.teamIds = List.of();
        row.updatedAt = at;
        row.version = sequence;
        return row;
    }

    /**
     * A copy that later changes of either row do not reach: the children lists are the only state changed in
     * place; meta, roles and teams are replaced whole by the events that change them, and children are records.
     */
    DirectoryRow copy() {
        DirectoryRow copy = new DirectoryRow();
        copy.userId = userId;
        copy.accountId = accountId;
        copy.tinyId = tinyId;
        copy.createdAt = createdAt;
        copy.name = name;
        copy.firstName = firstName;
        copy.lastName = lastName;
        copy.timeZone = timeZone;
        copy.timeZoneId = timeZoneId;
        copy.preferredLanguage = preferredLanguage;
        copy.lastSignInAt = lastSignInAt;
        copy.notifyPush = notifyPush;
        copy.notifyEmail = notifyEmail;
        copy.notifySms = notifySms;
        copy.notifyVoice = notifyVoice;
        copy.meta = meta;
        copy.roles = roles;
        copy.teamIds = teamIds;
        copy.emails = new ArrayList<>(emails);
        copy.phones = new ArrayList<>(phones);
        copy.updatedAt = updatedAt;
        copy.version = version;
        copy.changes.addAll(changes);
        return copy;
    }

    /** The row as the read side shows it; made of a row just read, whose lists it takes over. */
    UserRow toUserRow() {
        return new UserRow(userId, accountId, tinyId, name, firstName, lastName, timeZone, timeZoneId,
                preferredLanguage, lastSignInAt, notifyPush, notifyEmail, notifySms, notifyVoice, meta, roles,
                teamIds, emails, phones, createdAt, updatedAt, version);
    }

    /** True when the row has applied the event with {@code sequence} already (or a later one): a redelivery. */
    boolean hasSeen(long sequence) {
        return sequence <= version;
    }

    /**
     * Records that the event with {@code sequence} is applied. Called after its change, never before: an event
     * whose change threw is then not counted as applied, and applies when it is handled again (a dead letter).
     */
    void applied(long sequence, Instant at) {
        version = sequence;
        updatedAt = at;
    }

    /**
     * Makes every text of the row storable ({@link SqlValues#storable(String)}), just before it is written: the
     * directory row's columns, its jsonb children and meta, and so the lookup row derived from them.
     */
    void makeStorable() {
        for (Column column : DirectoryColumns.TEXTS) {
            column.makeStorable(this);
        }
    }

    /** The emails with their addresses storable (the list changed in place). */
    static List<Email> storableEmails(List<Email> emails) {
        emails.replaceAll(e -> e.email() == storable(e.email()) ? e
                : new Email(e.id(), storable(e.email()), e.primary()));
        return emails;
    }

    /** The phones with their numbers and countries storable (the list changed in place). */
    static List<Phone> storablePhones(List<Phone> phones) {
        phones.replaceAll(p -> p.phone() == storable(p.phone()) && p.country() == storable(p.country()) ? p
                : new Phone(p.id(), p.prefixId(), storable(p.phone()), p.primary(), storable(p.country()),
                p.blocked()));
        return phones;
    }

    void notifications(NotificationPreferences preferences) {
        NotificationPreferences n = preferences == null ? NotificationPreferences.DEFAULT : preferences;
        notifyPush = n.push();
        notifyEmail = n.email();
        notifySms = n.sms();
        notifyVoice = n.voice();
    }

    // The changes below either throw before they touch the row or cannot throw (the new child is made first;
    // ids are compared with Objects.equals): an event whose handler threw has left the row as it was.

    /** A new primary email demotes every earlier one. */
    void addEmail(UUID id, String address, boolean primary) {
        Email added = new Email(id, address, primary);
        if (primary) {
            emails.replaceAll(e -> new Email(e.id(), e.email(), false));
        }
        emails.add(added);
    }

    void removeEmail(UUID id) {
        emails.removeIf(e -> Objects.equals(e.id(), id));
    }

    /** Only the email with {@code id} is primary afterwards (none when no email has that id). */
    void primaryEmail(UUID id) {
        emails.replaceAll(e -> new Email(e.id(), e.email(), Objects.equals(e.id(), id)));
    }

    /** A new primary phone demotes every earlier one. */
    void addPhone(UUID id, String number, String country, boolean primary) {
        Phone added = new Phone(id, PrefixIds.of(PrefixIds.PHONE, id), number, primary, country, false);
        if (primary) {
            phones.replaceAll(p -> withPrimary(p, false));
        }
        phones.add(added);
    }

    void removePhone(UUID id) {
        phones.removeIf(p -> Objects.equals(p.id(), id));
    }

    void primaryPhone(UUID id) {
        phones.replaceAll(p -> withPrimary(p, Objects.equals(p.id(), id)));
    }

    void blocked(UUID id, boolean blocked) {
        changePhone(id, p -> new Phone(p.id(), p.prefixId(), p.phone(), p.primary(), p.country(), blocked));
    }

    List<String> emailAddresses() {
        return emails.stream().map(Email::email).toList();
    }

    List<String> phoneNumbers() {
        return phones.stream().map(Phone::phone).toList();
    }

    private void changePhone(UUID id, UnaryOperator<Phone> change) {
        phones.replaceAll(p -> Objects.equals(p.id(), id) ? change.apply(p) : p);
    }

    private static Phone withPrimary(Phone p, boolean primary) {
        return new Phone(p.id(), p.prefixId(), p.phone(), primary, p.country(), p.blocked());
    }
}
