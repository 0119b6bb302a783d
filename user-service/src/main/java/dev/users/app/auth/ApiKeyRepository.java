package dev.users.app.auth;

import dev.users.web.Caller.Scope;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

interface ApiKeyRepository extends JpaRepository<ApiKeyEntity, UUID> {

    /** What a request authenticates as: the key, its account's region. */
    String AUTHENTICATED = "select k.id, k.account_id as accountId, a.default_region as defaultRegion, k.scope,"
            + " k.operator, k.expires_at as expiresAt from api_keys k join accounts a on a.id = k.account_id";

    /** The key a secret's hash names, if it is not revoked, as a request authenticates with it. */
    @Query(value = AUTHENTICATED + " where k.key_hash = :hash and k.revoked_at is null", nativeQuery = true)
    Optional<Authenticated> live(String hash);

    /** The key a registered certificate's fingerprint names, if the key is not revoked. */
    @Query(value = AUTHENTICATED + " join api_key_certificates c on c.api_key_id = k.id"
            + " where c.fingerprint = :fingerprint and k.revoked_at is null", nativeQuery = true)
    Optional<Authenticated> liveByCertificate(String fingerprint);

    /** A row of {@link #AUTHENTICATED}. */
    interface Authenticated {
        UUID getId();

        UUID getAccountId();

        String getDefaultRegion();

        String getScope();

        boolean getOperator();

        Instant getExpiresAt();

        default ApiKey apiKey() {
            return new ApiKey(getId(), getAccountId(), getDefaultRegion(), Scope.of(getScope()), getOperator(),
                    getExpiresAt());
        }
    }

    boolean existsByKeyHash(String keyHash);

    boolean existsByIdAndAccountIdAndRevokedAtIsNull(UUID id, UUID accountId);

    /** The account's live keys, oldest first (the id breaks ties): {@code limit} of them from {@code offset} on. */
    @Query(value = "select * from api_keys where account_id = :accountId and revoked_at is null"
            + " order by created_at, id limit :limit offset :offset", nativeQuery = true)
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
