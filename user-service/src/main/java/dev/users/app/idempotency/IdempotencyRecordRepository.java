package dev.users.app.idempotency;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;


interface IdempotencyRecordRepository extends JpaRepository<IdempotencyRecordEntity, IdempotencyRecordEntity.Key> {

    /** Deletes the keys whose time is up, by the database's clock (as their expiry was set); how many. */
    @Transactional
    @Modifying
    @Query(value = "delete from idempotency_keys where expires_at < now()", nativeQuery = true)
    int deleteExpired();
}
