package dev.users.app.erasure;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.AppendEventsStatementBuilder;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.JdbcEventStorageEngineStatements;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.TimestampWriter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Axon's append of a command's events, each row's insert also inserting the data key its event's serialization made
 * ({@link DataKeys#appending}): a user's creation then costs no statement of its own for the key, which commits or
 * rolls back with the events as before (one statement). Rows and columns are Axon's own (its default builder's
 * insert, in a data-modifying WITH that PostgreSQL always runs); a row that made no key inserts none.
 */
final class KeyedEventAppends implements AppendEventsStatementBuilder {

    private final DataKeys keys;

    KeyedEventAppends(DataKeys keys) {
        this.keys = keys;
    }

    @Override
    public PreparedStatement build(Connection connection, EventSchema schema, Class<?> dataType,
                                   List<? extends EventMessage<?>> events, Serializer serializer,
                                   TimestampWriter timestamps) throws SQLException {
        if (!events.stream().allMatch(DomainEventMessage.class::isInstance)) {
            // not an aggregate's events (none of this service's are not): Axon's own statement, keys made as ever
            return JdbcEventStorageEngineStatements.appendEvents(connection, schema, dataType, events, serializer,
                    timestamps);
        }
        PreparedStatement statement = connection.prepareStatement("with made_key as (insert into user_keys"
                + " (user_id, wrapped_key) select made.id, made.wrapped from (values (cast(? as uuid), cast(? as bytea)))"
                + " as made (id, wrapped) where made.id is not null) insert into " + schema.domainEventTable()
                + " (" + schema.domainEventFields() + ") values (?,?,?,?,?,?,?,?,?)");
        try (DataKeys.Appending append = keys.appending()) {
            for (EventMessage<?> message : events) {
                DomainEventMessage<?> event = (DomainEventMessage<?>) message;
                SerializedObject<?> payload = event.serializePayload(serializer, dataType);
                SerializedObject<?> metaData = event.serializeMetaData(serializer, dataType);
                DataKeys.MadeKey made = append.takeMade();
                statement.setString(1, made == null ? null : made.userId().toString());
                statement.setBytes(2, made == null ? null : made.wrapped());
                statement.setString(3, event.getIdentifier());
                statement.setString(4, event.getAggregateIdentifier());
                statement.setLong(5, event.getSequenceNumber());
                statement.setString(6, event.getType());
                timestamps.writeTimestamp(statement, 7, event.getTimestamp());
                statement.setString(8, payload.getType().getName());
                statement.setString(9, payload.getType().getRevision());
                statement.setObject(10, payload.getData());
                statement.setObject(11, metaData.getData());
                statement.addBatch();
            }
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
        return statement;
    }
}
