package dev.users.command.infra;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.UUID;

interface AccountRoleRepository extends JpaRepository<AccountRoleEntity, AccountRoleEntity.Key> {

    /** The account's own roles in catalog order: by creation, the name breaking ties. */
    List<AccountRoleEntity> findByAccountIdOrderByCreatedAtAscNameAsc(UUID accountId);
}
