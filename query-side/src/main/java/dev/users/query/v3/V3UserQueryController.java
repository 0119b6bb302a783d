package dev.users.query.v3;

import dev.users.errors.ErrorCode;
import dev.users.errors.UsersException;
import dev.users.errors.UsersException.Problem;
import dev.users.query.directory.UserDirectoryList;
import dev.users.query.directory.UserRows;
import dev.users.query.list.PageRequest;
import dev.users.query.list.QueryParams;
import dev.users.web.Caller;
import dev.users.web.PrefixIds;
import org.springframework.util.LinkedMultiValueMap;
import dev.users.query.directory.Tagged;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * v3 (IMCO settings) reads: list and show the caller's account's users. Another account's user is a 404, exactly
 * like a missing one.
 */
@RestController
@RequestMapping("/v3/settings/users")
public class V3UserQueryController {

    private final UserRows rows;
    private final UserDirectoryList directory;

    public V3UserQueryController(UserRows rows, UserDirectoryList directory) {
        this.rows = rows;
        this.directory = directory;
    }

    /**
     * A plain JSON array, by tiny id (creation order). IMCO's list takes no inputs and has no pagination, so
     * without {@code limit}/{@code offset} it answers every user of the account, as IMCO's clients expect. Either
     * parameter turns on paging with v4's rules ({@code limit} 1–100, default 10; {@code offset} from 0; a bad
     * value is a 422) for accounts too large for one answer. Any other parameter is ignored, once its text passes
     * the same check as every query parameter's.
     */
    @GetMapping
    public List<Map<String, Object>> list(Caller caller,
                                          @RequestParam MultiValueMap<String, String> params) {
        return directory.byTinyId(caller.accountId(), page(params), V3UserRenderer::render);
    }

    @GetMapping("/{id}")
    public ResponseEntity<Map<String, Object>> show(Caller caller,
                                                    @PathVariable("id") String id) {
        UUID userId = PrefixIds.parse(PrefixIds.USER, id).orElseThrow(() -> notFound(id));
        return rows.find(caller.accountId(), userId).map(row -> Tagged.ok(row, V3UserRenderer.render(row)))
                .orElseThrow(() -> notFound(id));
    }

    /**
     * The page asked for, or null for "every user"; v3 pages by offset only (no {@code page}). Each parameter is
     * read on its own, so that each problem is about its parameter (v3 keys its errors by field).
     */
    private static PageRequest page(MultiValueMap<String, String> params) {
        QueryParams.checkText(params);
        if (!params.containsKey("limit") && !params.containsKey("offset")) {
            return null;
        }
        List<Problem> problems = new ArrayList<>();
        PageRequest limit = pagingBy("limit", params, problems);
        PageRequest offset = pagingBy("offset", params, problems);
        if (!problems.isEmpty()) {
            throw UsersException.of(ErrorCode.INVALID, problems);
        }
        return new PageRequest(limit.limit(), offset.offset());
    }

    /** The paging that the parameter {@code name} alone asks for, adding its problems to {@code problems}. */
    private static PageRequest pagingBy(String name, MultiValueMap<String, String> params, List<Problem> problems) {
        MultiValueMap<String, String> only = new LinkedMultiValueMap<>();
        if (params.containsKey(name)) {
            only.put(name, params.get(name));
        }
        List<String> found = new ArrayList<>();
        PageRequest page = PageRequest.parse(only, found);
        found.forEach(message -> problems.add(new Problem(name, message)));
        return page;
    }

    private static UsersException notFound(String id) {
        return new UsersException(ErrorCode.NOT_FOUND, "user " + id + " not found");
    }
}
