package dev.users.query.directory;

import dev.users.events.EmailAdded;
import dev.users.events.EmailRemoved;
import dev.users.events.LanguageChanged;
import dev.users.events.MetaChanged;
import dev.users.events.NotificationPreferencesChanged;
import dev.users.events.PhoneAdded;
import dev.users.events.PhoneBlocked;
import dev.users.events.PhoneRemoved;
import dev.users.events.PhoneUnblocked;
import dev.users.events.PrimaryEmailChanged;
import dev.users.events.PrimaryPhoneChanged;
import dev.users.events.RolesAssigned;
import dev.users.events.TeamsAssigned;
import dev.users.events.TimeZoneChanged;
import dev.users.events.UserCreated;
import dev.users.events.UserEvent;
import dev.users.events.UserRemoved;
import dev.users.events.UserRenamed;
import dev.users.events.UserSignedIn;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A user rebuilt from its events alone, as the directory row the projection would hold after them: the one fold
 * that history's {@code changes}, past states ({@code as_of}) and the consistency check share. It applies each
 * event through the same {@link DirectoryRow} methods as {@link UserDirectoryProjection}, so the two cannot
 * disagree on what an event means. Unlike the directory it keeps the state a removal ended ({@link #removedAt()}).
 */
public final class UserFold {

    private DirectoryRow row;
    private Instant removedAt;
    private long sequence = -1;

    /** Applies one event of the user (in sequence order) stored at {@code at}. */
    public void apply(UserEvent event, long sequence, Instant at) {
        this.sequence = sequence;
        if (event instanceof UserCreated created) {
            row = DirectoryRow.created(created, sequence, at);
            removedAt = null;
            return;
        }
        if (row == null || removedAt != null) {
            return; // nothing to change before the creation or after the removal: the projection ignores them too
        }
        if (event instanceof UserRemoved removed) {
            removedAt = removed.removedAt() == null ? at : removed.removedAt();
            row.version = sequence;
            return;
        }
        change(row, event);
        row.applied(sequence, at);
    }

    /** The sequence number of the last event applied; -1 before the first. */
    public long sequence() {
        return sequence;
    }

    /** A fold in this one's state that goes on by itself: applying events to either leaves the other as it was. */
    public UserFold copy() {
        UserFold copy = new UserFold();
        copy.row = row == null ? null : row.copy();
        copy.removedAt = removedAt;
        copy.sequence = sequence;
        return copy;
    }

    /** The user as the read side would show it now (a copy), empty before its creation. */
    public Optional<UserRow> state() {
        if (row == null) {
            return Optional.empty();
        }
        UserRow r = row.toUserRow();
        return Optional.of(new UserRow(r.userId(), r.accountId(), r.tinyId(), r.name(), r.firstName(), r.lastName(),
                r.timeZone(), r.timeZoneId(), r.preferredLanguage(), stored(r.lastSignInAt()), r.notifyPush(),
                r.notifyEmail(), r.notifySms(), r.notifyVoice(), copy(r.meta()), copy(r.roles()), copy(r.teamIds()),
                copy(r.emails()), copy(r.phones()), stored(r.createdAt()), stored(r.updatedAt()), r.version()));
    }

    /** When the user was removed, if the events applied so far removed it. */
    public Optional<Instant> removedAt() {
        return Optional.ofNullable(removedAt);
    }

    /**
     * An instant as the directory stores it: PostgreSQL keeps microseconds and its JDBC driver rounds the
     * nanoseconds an event may hold half up to them.
     */
    private static Instant stored(Instant instant) {
        return instant == null ? null : instant.plusNanos(500).truncatedTo(ChronoUnit.MICROS);
    }

    // copies that keep the order and allow nulls, as the event's own collections may hold them
    private static <T> List<T> copy(List<T> list) {
        return Collections.unmodifiableList(new ArrayList<>(list));
    }

    private static Map<String, String> copy(Map<String, String> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    private static void change(DirectoryRow row, UserEvent event) {
        if (event instanceof UserRenamed e) {
            row.name = e.name();
            row.firstName = e.firstName();
            row.lastName = e.lastName();
        } else if (event instanceof TimeZoneChanged e) {
            row.timeZone = e.timeZone() == null ? null : e.timeZone().name();
            row.timeZoneId = e.timeZone() == null ? null : e.timeZone().zoneId();
        } else if (event instanceof LanguageChanged e) {
            row.preferredLanguage = e.languageTag();
        } else if (event instanceof NotificationPreferencesChanged e) {
            row.notifications(e.notifications());
        } else if (event instanceof MetaChanged e) {
            row.meta = e.meta() == null ? Map.of() : e.meta();
        } else if (event instanceof RolesAssigned e) {
            row.roles = e.roles() == null ? List.of() : e.roles();
        } else if (event instanceof TeamsAssigned e) {
            row.teamIds = e.teamIds() == null ? List.of() : e.teamIds();
        } else if (event instanceof UserSignedIn e) {
            row.lastSignInAt = e.signedInAt();
        } else if (event instanceof EmailAdded e) {
            row.addEmail(e.emailId(), e.address(), e.primary());
        } else if (event instanceof EmailRemoved e) {
            row.removeEmail(e.emailId());
        } else if (event instanceof PrimaryEmailChanged e) {
            row.primaryEmail(e.emailId());
        } else if (event instanceof PhoneAdded e) {
            row.addPhone(e.phoneId(), e.number(), e.country(), e.primary());
        } else if (event instanceof PhoneRemoved e) {
            row.removePhone(e.phoneId());
        } else if (event instanceof PrimaryPhoneChanged e) {
            row.primaryPhone(e.phoneId());
        } else if (event instanceof PhoneBlocked e) {
            row.blocked(e.phoneId(), true);
        } else if (event instanceof PhoneUnblocked e) {
            row.blocked(e.phoneId(), false);
        }
    }
}
