package dev.users.app.deadletters;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;

interface ParkedEventRepository extends JpaRepository<ParkedEventEntity, String> {

    /**
     * The first parked event of each user of the group (the one that failed) with how many of the user's are parked
     * in all ({@code Object[]{ParkedEventEntity, Long}}), the longest parked first.
     */
    @Query("select d, (select count(x) from ParkedEventEntity x where x.processingGroup = :group"
            + " and x.sequenceIdentifier = d.sequenceIdentifier)"
            + " from ParkedEventEntity d where d.processingGroup = :group"
            + " and d.sequenceIndex = (select min(f.sequenceIndex) from ParkedEventEntity f"
            + " where f.processingGroup = :group and f.sequenceIdentifier = d.sequenceIdentifier)"
            + " order by d.enqueuedAt, d.sequenceIdentifier")
    List<Object[]> firstOfEachUser(String group);

    /** How many users of the group have parked events, and how many events are parked: one query. */
    @Query("select count(distinct d.sequenceIdentifier) as users, count(d) as events from ParkedEventEntity d"
            + " where d.processingGroup = :group")
    Counts counts(String group);

    interface Counts {
        long getUsers();

        long getEvents();
    }
}
