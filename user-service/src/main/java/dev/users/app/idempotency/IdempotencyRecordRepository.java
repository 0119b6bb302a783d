package dev.users.app.idempotency;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;


interface IdempotencyRecordRepository extends JpaRepository<IdempotencyRecordEntity, IdempotencyRecordEntity.Key> {

    /** Deletes the keys whose time is up, by the database's clock (as their expiry was set); how many. */
    @Transactional
    @Modifying
    @Query(value = "delete from idempotency_keys where expires_at < now()", nativeQuery = true)
    int deleteExpired();

    /**
     * Empties every stored answer whose {@code Location} or body holds one of {@code forms} (a user's id in the
     * forms the surfaces write it), keeping the key spent: status {@value IdempotentAnswers#ERASED_STATUS}, no
     * answer, no fingerprint (a hash of the request, which held the person's data); how many. A scan of the table
     * (a day's keyed POSTs), which an erasure, being rare, can afford.
     */
    @Modifying
    @Query(value = """
            update idempotency_keys
               set status = 410, content_type = null, location = null, etag = null, body = null,
                   fingerprint = ''::bytea
             where status is not null
               and exists (select 1 from unnest(cast(:forms as text[])) form
                            where position(form in coalesce(location, '')) > 0
                               or position(convert_to(form, 'UTF8') in coalesce(body, ''::bytea)) > 0)""",
            nativeQuery = true)
    int eraseAnswersNaming(@Param("forms") String[] forms);
}
