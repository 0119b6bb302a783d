package dev.users.app.auth;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

interface ApiKeyRepository extends JpaRepository<ApiKeyEntity, UUID> {

    /** The key a secret's hash names, if it is not revoked, as a request authenticates with it. */
    @Query("select new dev.users.app.auth.ApiKey(k.id, k.accountId, a.defaultRegion, k.scope, k.operator, k.expiresAt)"
            + " from ApiKeyEntity k join AccountEntity a on a.id = k.accountId"
            + " where k.keyHash = :hash and k.revokedAt is null")
    Optional<ApiKey> live(String hash);

    /** The key a registered certificate's fingerprint names, if the key is not revoked. */
    @Query("select new dev.users.app.auth.ApiKey(k.id, k.accountId, a.defaultRegion, k.scope, k.operator, k.expiresAt)"
            + " from ApiKeyCertificateEntity c join ApiKeyEntity k on k.id = c.apiKeyId"
            + " join AccountEntity a on a.id = k.accountId"
            + " where c.fingerprint = :fingerprint and k.revokedAt is null")
    Optional<ApiKey> liveByCertificate(String fingerprint);

    boolean existsByKeyHash(String keyHash);

    boolean existsByIdAndAccountIdAndRevokedAtIsNull(UUID id, UUID accountId);

    /** The account's live keys, oldest first (the id breaks ties): {@code limit} of them from {@code offset} on. */
    @Query("select k from ApiKeyEntity k where k.accountId = :accountId and k.revokedAt is null"
            + " order by k.createdAt, k.id limit :limit offset :offset")
    List<ApiKeyEntity> liveOfAccount(UUID accountId, int limit, long offset);

    long countByAccountIdAndRevokedAtIsNull(UUID accountId);

    Optional<ApiKeyEntity> findByAccountIdAndIdAndRevokedAtIsNull(UUID accountId, UUID id);

    /** Revokes the account's live key {@code id} in one statement, at the database's clock; how many it revoked. */
    @Transactional
    @Modifying
    @Query(value = "update api_keys set revoked_at = now() where account_id = :accountId and id = :id"
            + " and revoked_at is null", nativeQuery = true)
    int revoke(UUID accountId, UUID id);
}
