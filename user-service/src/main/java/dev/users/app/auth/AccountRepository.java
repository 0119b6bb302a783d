package dev.users.app.auth;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

interface AccountRepository extends JpaRepository<AccountEntity, UUID> {

    /** The accounts, oldest first (the id breaks ties): {@code limit} of them from {@code offset} on. */
    @Query(value = "select * from accounts order by created_at, id limit :limit offset :offset", nativeQuery = true)
    List<AccountEntity> oldestFirst(int limit, long offset);

    default Optional<AccountEntity> oldest() {
        return oldestFirst(1, 0).stream().findFirst();
    }
}
