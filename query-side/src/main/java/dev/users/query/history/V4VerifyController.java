package dev.users.query.history;

import dev.users.errors.ErrorCode;
import dev.users.errors.UsersException;
import dev.users.query.list.QueryParams;
import dev.users.web.Caller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/v4/verify}: the consistency check of the caller's whole account (admin keys), or with
 * {@code scope=store} of every account (the operator's key). A POST although it writes nothing: it is a job that
 * reads every user's events, which no cache, crawler or prefetch should start.
 */
@RestController
public class V4VerifyController {

    private final StoreCheck check;

    public V4VerifyController(StoreCheck check) {
        this.check = check;
    }

    @PostMapping("/api/v4/verify")
    public Map<String, Object> verify(Caller caller, @RequestParam MultiValueMap<String, String> params) {
        QueryParams.checkText(params);
        List<String> problems = new ArrayList<>();
        String scope = QueryParams.single(params, "scope", problems);
        if (scope != null && !scope.equals("account") && !scope.equals("store")) {
            problems.add("scope must be account or store");
        }
        if (!problems.isEmpty()) {
            throw new UsersException(ErrorCode.INVALID, problems);
        }
        if ("store".equals(scope)) {
            if (!caller.operator()) {
                throw new UsersException(ErrorCode.FORBIDDEN,
                        "only the operator's API key (the bootstrap key) can verify the whole store");
            }
            return check.store();
        }
        if (!caller.admin()) {
            throw new UsersException(ErrorCode.FORBIDDEN, "only an admin key can verify the whole account");
        }
        return check.account(caller.accountId());
    }
}
