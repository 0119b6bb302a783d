package dev.users.app.deadletters;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * A row of Axon's dead-letter table ({@code deadletterentry}, V1) as the dead-letter views read it: read only (Axon's
 * JDBC queue writes it, {@link DirectoryDeadLetters}), and only the columns the views show. Mapping it lets the
 * start check that the table still has the shape these views expect.
 */
@Entity
@Immutable
@Table(name = "deadletterentry")
class ParkedEventEntity {

    @Id
    @Column(name = "deadletteridentifier")
    private String id;

    @Column(name = "processinggroup", nullable = false)
    private String processingGroup;

    /** The user's id: the group's queue is sequenced per aggregate. */
    @Column(name = "sequenceidentifier", nullable = false)
    private String sequenceIdentifier;

    @Column(name = "sequenceindex", nullable = false)
    private long sequenceIndex;

    @Column(name = "eventidentifier", nullable = false)
    private String eventIdentifier;

    @Column(name = "payloadtype", nullable = false)
    private String payloadType;

    @Column(name = "sequencenumber")
    private Long sequenceNumber;

    /** Axon writes its instants as ISO-8601 text. */
    @Column(name = "enqueuedat", nullable = false)
    private String enqueuedAt;

    @Column(name = "lasttouched")
    private String lastTouched;

    @Column(name = "causetype")
    private String causeType;

    @Column(name = "causemessage", length = 1023)
    private String causeMessage;

    protected ParkedEventEntity() {
    }

    String sequenceIdentifier() {
        return sequenceIdentifier;
    }

    String eventIdentifier() {
        return eventIdentifier;
    }

    String payloadType() {
        return payloadType;
    }

    Long sequenceNumber() {
        return sequenceNumber;
    }

    String enqueuedAt() {
        return enqueuedAt;
    }

    String lastTouched() {
        return lastTouched;
    }

    String causeType() {
        return causeType;
    }

    String causeMessage() {
        return causeMessage;
    }
}
