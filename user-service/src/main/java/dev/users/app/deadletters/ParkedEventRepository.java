package dev.users.app.deadletters;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;

interface ParkedEventRepository extends JpaRepository<ParkedEventEntity, String> {

    /** The first parked event of each user of the group (the one that failed), the longest parked first. */
    @Query(value = "select d.* from deadletterentry d where d.processinggroup = :group"
            + " and d.sequenceindex = (select min(f.sequenceindex) from deadletterentry f"
            + " where f.processinggroup = :group and f.sequenceidentifier = d.sequenceidentifier)"
            + " order by d.enqueuedat, d.sequenceidentifier", nativeQuery = true)
    List<ParkedEventEntity> firstOfEachUser(String group);

    /** How many events each user of the group has parked. */
    @Query(value = "select sequenceidentifier as userId, count(*) as events from deadletterentry"
            + " where processinggroup = :group group by sequenceidentifier", nativeQuery = true)
    List<ParkedOfUser> parkedPerUser(String group);

    /** How many users of the group have parked events, and how many events are parked: one query. */
    @Query(value = "select count(distinct sequenceidentifier) as users, count(*) as events from deadletterentry"
            + " where processinggroup = :group", nativeQuery = true)
    Counts counts(String group);

    interface ParkedOfUser {
        String getUserId();

        long getEvents();
    }

    interface Counts {
        long getUsers();

        long getEvents();
    }
}
