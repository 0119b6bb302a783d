package dev.users.app.auth;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

interface ApiKeyCertificateRepository extends JpaRepository<ApiKeyCertificateEntity, String> {

    String OF_ACCOUNT = " from ApiKeyCertificateEntity c join ApiKeyEntity k on k.id = c.apiKeyId"
            + " where k.accountId = :accountId";

    /** The account's registrations, oldest first: {@code limit} of them from {@code offset} on. */
    @Query("select c" + OF_ACCOUNT + " order by c.createdAt, c.fingerprint limit :limit offset :offset")
    List<ApiKeyCertificateEntity> ofAccount(UUID accountId, int limit, long offset);

    @Query("select count(c)" + OF_ACCOUNT)
    long countOfAccount(UUID accountId);

    @Query("select c" + OF_ACCOUNT + " and c.fingerprint = :fingerprint")
    Optional<ApiKeyCertificateEntity> findOfAccount(UUID accountId, String fingerprint);

    /** Deletes the account's registration of {@code fingerprint}; how many it deleted. */
    @Transactional
    @Modifying
    @Query("delete from ApiKeyCertificateEntity c where c.fingerprint = :fingerprint"
            + " and c.apiKeyId in (select k.id from ApiKeyEntity k where k.accountId = :accountId)")
    int deleteOfAccount(UUID accountId, String fingerprint);
}
