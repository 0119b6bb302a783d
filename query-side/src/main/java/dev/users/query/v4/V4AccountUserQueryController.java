package dev.users.query.v4;

import dev.users.errors.ErrorCode;
import dev.users.errors.UsersException;
import dev.users.query.directory.UserDirectoryList;
import dev.users.query.directory.UserRows;
import dev.users.query.list.ListQuery;
import dev.users.query.membership.MembershipRows;
import dev.users.query.owner.AccountOwnerRows;
import dev.users.query.list.ListQueryParser;
import dev.users.query.roles.RoleNames;
import dev.users.web.Caller;
import dev.users.query.directory.Tagged;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * v4 account users (the path PagerTree's CLI reads): the same rows as {@code /api/v4/users} (the account's own users
 * and its accepted members), listed with the same filters, operators, sorts, paging and {@code q}, each rendered as
 * an account user with the nested user.
 */
@RestController
@RequestMapping("/api/v4/account_users")
public class V4AccountUserQueryController {

    private static final ListQueryParser ACCOUNT_USERS = new ListQueryParser(V4UserAttributes.ACCOUNT_USERS);

    private final UserRows rows;
    private final UserDirectoryList directory;
    private final RoleNames roles;
    private final MembershipRows memberships;
    private final AccountOwnerRows owners;

    public V4AccountUserQueryController(UserRows rows, UserDirectoryList directory, RoleNames roles,
                                        MembershipRows memberships, AccountOwnerRows owners) {
        this.owners = owners;
        this.rows = rows;
        this.memberships = memberships;
        this.directory = directory;
        this.roles = roles;
    }

    @GetMapping
    public Map<String, Object> list(Caller caller,
                                    @RequestParam MultiValueMap<String, String> params) {
        ListQuery query = ACCOUNT_USERS.parse(params);
        // the catalog is read once per page, not once per user
        List<String> catalog = roles.catalog(caller.accountId());
        UUID owner = owners.ownerOf(caller.accountId());
        return directory.list(caller.accountId(), query, listed -> listed.member()
                ? V4AccountUserRenderer.render(listed, catalog)
                : V4AccountUserRenderer.render(listed.row(), catalog, owner)).toJson();
    }

    /**
     * {@code :id} is the user's UUID, its {@code usr_…} id or the account user's {@code acu_…} id; or the id of a
     * membership of a person from another account (pending or accepted), shown as the membership sees the person.
     */
    @GetMapping("/{id}")
    public ResponseEntity<Map<String, Object>> retrieve(Caller caller,
                                                        @PathVariable("id") String id) {
        Optional<UUID> accountUserId = V4UserAttributes.userId(id);
        return accountUserId.flatMap(userId -> rows.find(caller.accountId(), userId))
                .map(row -> Tagged.ok(row, V4AccountUserRenderer.render(row, roles.catalog(caller.accountId()),
                        owners.ownerOf(caller.accountId()))))
                .or(() -> accountUserId.flatMap(membershipId -> memberships.find(caller.accountId(), membershipId))
                        .flatMap(membership -> rows.find(membership.userId()).map(person -> Tagged.ok(person,
                                V4AccountUserRenderer.render(membership, person, roles.catalog(caller.accountId()))))))
                .orElseThrow(() -> new UsersException(ErrorCode.NOT_FOUND, "account user " + id + " not found"));
    }
}
