package dev.users.query.v4;

import dev.users.errors.ErrorCode;
import dev.users.errors.UsersException;
import dev.users.query.directory.UserRow;
import dev.users.query.directory.UserRows;
import dev.users.query.list.ListPage;
import dev.users.query.list.PageRequest;
import dev.users.query.list.QueryParams;
import dev.users.query.membership.MembershipRow;
import dev.users.query.membership.MembershipRows;
import dev.users.query.roles.RoleNames;
import dev.users.web.Caller;
import dev.users.web.PrefixIds;
import dev.users.web.Timestamps;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;


/**
 * Memberships of persons from other accounts. {@code GET /api/v4/memberships}: the caller's account's (pending and
 * accepted), as account users. {@code GET /api/v4/users/:id/invitations}: a person's pending invitations, for their
 * home account (the one that created them), which answers them on the person's behalf; any other account's key gets
 * 404 for the person.
 */
@RestController
public class V4MembershipQueryController {

    private final MembershipRows memberships;
    private final UserRows rows;
    private final RoleNames roles;

    public V4MembershipQueryController(MembershipRows memberships, UserRows rows, RoleNames roles) {
        this.memberships = memberships;
        this.rows = rows;
        this.roles = roles;
    }

    @GetMapping("/api/v4/memberships")
    public Map<String, Object> list(Caller caller, @RequestParam MultiValueMap<String, String> params) {
        QueryParams.checkText(params);
        List<String> problems = new ArrayList<>();
        PageRequest page = PageRequest.parse(params, problems);
        if (!problems.isEmpty()) {
            throw new UsersException(ErrorCode.INVALID, problems);
        }
        List<String> catalog = roles.catalog(caller.accountId());
        List<Map<String, Object>> shown = new ArrayList<>();
        for (MembershipRow membership : memberships.ofAccount(caller.accountId(), page)) {
            Optional<UserRow> person = rows.find(membership.userId());
            person.ifPresent(p -> shown.add(V4AccountUserRenderer.render(membership, p, catalog)));
        }
        return ListPage.of(shown, page, memberships.countOfAccount(caller.accountId())).toJson();
    }

    @GetMapping("/api/v4/users/{id}/invitations")
    public Map<String, Object> invitations(Caller caller, @PathVariable("id") String id) {
        UUID userId = PrefixIds.parse(PrefixIds.USER, id).filter(user -> rows.exists(caller.accountId(), user))
                .orElseThrow(() -> new UsersException(ErrorCode.NOT_FOUND, "user " + id + " not found"));
        List<Map<String, Object>> data = memberships.pendingOf(userId).stream().map(V4MembershipQueryController::invitation)
                .toList();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("data", data);
        json.put("total_count", data.size());
        return json;
    }

    /** What the person learns of an invitation: which account, which address, when; not the account's users. */
    private static Map<String, Object> invitation(MembershipRow membership) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", membership.membershipId().toString());
        json.put("prefix_id", PrefixIds.of(PrefixIds.ACCOUNT_USER, membership.membershipId()));
        json.put("account_id", membership.accountId().toString());
        json.put("user_id", PrefixIds.of(PrefixIds.USER, membership.userId()));
        json.put("email", membership.email());
        json.put("state", membership.state());
        json.put("created_at", Timestamps.of(membership.createdAt()));
        return json;
    }
}
