package dev.users.query.v4;

import dev.users.errors.ErrorCode;
import dev.users.errors.UsersException;
import dev.users.query.directory.UserDirectoryList;
import dev.users.query.export.CsvExport;
import dev.users.query.directory.UserRows;
import dev.users.query.list.ClientTimestamp;
import dev.users.query.list.ListQueryParser;
import dev.users.query.list.PageRequest;
import dev.users.query.list.QueryParams;
import dev.users.query.signin.SignInAudit;
import dev.users.web.Caller;
import dev.users.web.PrefixIds;
import dev.users.query.directory.Tagged;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * v4 reads: retrieve and list users, and the sign-in audit. Everything comes from the read models, scoped to the
 * caller's account; another account's user is indistinguishable from a missing one (404).
 */
@RestController
@RequestMapping("/api/v4")
public class V4UserQueryController {

    private static final ListQueryParser USERS = new ListQueryParser(V4UserAttributes.CATALOG);

    private final UserRows rows;
    private final UserDirectoryList directory;
    private final SignInAudit signIns;
    private final CsvExport export;

    public V4UserQueryController(UserRows rows, UserDirectoryList directory, SignInAudit signIns, CsvExport export) {
        this.rows = rows;
        this.directory = directory;
        this.signIns = signIns;
        this.export = export;
    }

    @GetMapping("/users/{id}")
    public ResponseEntity<Map<String, Object>> retrieve(Caller caller,
                                                        @PathVariable("id") String id) {
        return rows.find(caller.accountId(), userId(id)).map(row -> Tagged.ok(row, V4UserRenderer.render(row)))
                .orElseThrow(() -> notFound(id));
    }

    @GetMapping("/users")
    public Map<String, Object> list(Caller caller,
                                    @RequestParam MultiValueMap<String, String> params) {
        // an accepted member is listed as the person the membership sees (its row says so); /users/:id stays the
        // account's own users, whose profile it may change
        return directory.list(caller.accountId(), USERS.parse(params), listed -> V4UserRenderer.render(listed.row()))
                .toJson();
    }

    @GetMapping("/users/{id}/sign_ins")
    public Map<String, Object> userSignIns(Caller caller,
                                           @PathVariable("id") String id,
                                           @RequestParam MultiValueMap<String, String> params) {
        UUID userId = userId(id);
        if (!rows.exists(caller.accountId(), userId)) {
            throw notFound(id);
        }
        return signIns(caller.accountId(), userId, params);
    }

    @GetMapping("/sign_ins")
    public Map<String, Object> accountSignIns(Caller caller,
                                              @RequestParam MultiValueMap<String, String> params) {
        return signIns(caller.accountId(), null, params);
    }

    /** The user's sign-in audit as CSV ({@code Accept: text/csv}): every row of the range, streamed. */
    @GetMapping(path = "/users/{id}/sign_ins", produces = CsvExport.MEDIA_TYPE)
    public void userSignInsCsv(Caller caller, @PathVariable("id") String id,
                               @RequestParam MultiValueMap<String, String> params,
                               HttpServletResponse response) throws IOException {
        UUID userId = userId(id);
        if (!rows.exists(caller.accountId(), userId)) {
            throw notFound(id);
        }
        signInsCsv(caller.accountId(), userId, params, response);
    }

    /** The account's sign-in audit as CSV ({@code Accept: text/csv}): every row of the range, streamed. */
    @GetMapping(path = "/sign_ins", produces = CsvExport.MEDIA_TYPE)
    public void accountSignInsCsv(Caller caller, @RequestParam MultiValueMap<String, String> params,
                                  HttpServletResponse response) throws IOException {
        signInsCsv(caller.accountId(), null, params, response);
    }

    private Map<String, Object> signIns(UUID accountId, UUID userId, MultiValueMap<String, String> params) {
        SignInRange range = SignInRange.parse(params);
        return signIns.list(accountId, userId, range.from(), range.to(), range.page(), V4SignInRenderer::render)
                .toJson();
    }

    private void signInsCsv(UUID accountId, UUID userId, MultiValueMap<String, String> params,
                            HttpServletResponse response) throws IOException {
        SignInRange range = SignInRange.parse(params);
        export.write(response, "sign_ins.csv", V4SignInRenderer.COLUMNS, csv -> signIns.each(accountId, userId,
                range.from(), range.to(), row -> csv.row(V4SignInRenderer.render(row).values().toArray())));
    }

    /** The sign-in audit's parameters: paging (for JSON; an export has every row) and [from, to). */
    private record SignInRange(PageRequest page, Instant from, Instant to) {

        static SignInRange parse(MultiValueMap<String, String> params) {
            QueryParams.checkText(params);
            List<String> problems = new ArrayList<>();
            PageRequest page = PageRequest.parse(params, problems);
            Instant from = ClientTimestamp.param(params, "from", problems);
            Instant to = ClientTimestamp.param(params, "to", problems);
            if (!problems.isEmpty()) {
                throw new UsersException(ErrorCode.INVALID, problems);
            }
            return new SignInRange(page, from, to);
        }
    }

    private static UUID userId(String id) {
        return PrefixIds.parse(PrefixIds.USER, id).orElseThrow(() -> notFound(id));
    }

    private static UsersException notFound(String id) {
        return new UsersException(ErrorCode.NOT_FOUND, "user " + id + " not found");
    }
}
