package dev.users.app.auth;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

interface ApiKeyCertificateRepository extends JpaRepository<ApiKeyCertificateEntity, String> {

    String OF_ACCOUNT = " from api_key_certificates c join api_keys k on k.id = c.api_key_id"
            + " where k.account_id = :accountId";

    /** The account's registrations, oldest first: {@code limit} of them from {@code offset} on. */
    @Query(value = "select c.*" + OF_ACCOUNT + " order by c.created_at, c.fingerprint limit :limit offset :offset",
            nativeQuery = true)
    List<ApiKeyCertificateEntity> ofAccount(UUID accountId, int limit, long offset);

    @Query(value = "select count(*)" + OF_ACCOUNT, nativeQuery = true)
    long countOfAccount(UUID accountId);

    @Query(value = "select c.*" + OF_ACCOUNT + " and c.fingerprint = :fingerprint", nativeQuery = true)
    Optional<ApiKeyCertificateEntity> findOfAccount(UUID accountId, String fingerprint);

    /** Deletes the account's registration of {@code fingerprint}; how many it deleted. */
    @Transactional
    @Modifying
    @Query(value = "delete from api_key_certificates c using api_keys k where k.id = c.api_key_id"
            + " and k.account_id = :accountId and c.fingerprint = :fingerprint", nativeQuery = true)
    int deleteOfAccount(UUID accountId, String fingerprint);
}
