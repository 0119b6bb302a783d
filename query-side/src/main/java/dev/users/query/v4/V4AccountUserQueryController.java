package dev.users.query.v4;

import dev.users.errors.ErrorCode;
import dev.users.errors.UsersException;
import dev.users.query.directory.UserDirectoryList;
import dev.users.query.directory.UserRows;
import dev.users.query.list.ListQuery;
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
import java.util.UUID;

/**
 * v4 account users (the path PagerTree's CLI reads): the same directory rows as {@code /api/v4/users}, listed with
 * the same filters, operators, sorts, paging and {@code q}, each rendered as an account user with the nested user.
 */
@RestController
@RequestMapping("/api/v4/account_users")
public class V4AccountUserQueryController {

    private static final ListQueryParser ACCOUNT_USERS = new ListQueryParser(V4UserAttributes.ACCOUNT_USERS);

    private final UserRows rows;
    private final UserDirectoryList directory;
    private final RoleNames roles;

    public V4AccountUserQueryController(UserRows rows, UserDirectoryList directory, RoleNames roles) {
        this.rows = rows;
        this.directory = directory;
        this.roles = roles;
    }

    @GetMapping
    public Map<String, Object> list(Caller caller,
                                    @RequestParam MultiValueMap<String, String> params) {
        ListQuery query = ACCOUNT_USERS.parse(params);
        // the catalog is read once per page, not once per user
        List<String> catalog = roles.catalog(caller.accountId());
        return directory.list(caller.accountId(), query, row -> V4AccountUserRenderer.render(row, catalog)).toJson();
    }

    /** {@code :id} is the user's UUID, its {@code usr_…} id or the account user's {@code acu_…} id. */
    @GetMapping("/{id}")
    public ResponseEntity<Map<String, Object>> retrieve(Caller caller,
                                                        @PathVariable("id") String id) {
        return V4UserAttributes.userId(id).flatMap(userId -> rows.find(caller.accountId(), userId))
                .map(row -> Tagged.ok(row, V4AccountUserRenderer.render(row, roles.catalog(caller.accountId()))))
                .orElseThrow(() -> new UsersException(ErrorCode.NOT_FOUND, "account user " + id + " not found"));
    }
}
