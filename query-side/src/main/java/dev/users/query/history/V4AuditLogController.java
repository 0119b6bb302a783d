package dev.users.query.history;

import dev.users.errors.ErrorCode;
import dev.users.errors.UsersException;
import dev.users.query.export.CsvExport;
import dev.users.web.Caller;
import jakarta.servlet.http.HttpServletResponse;
import dev.users.web.PrefixIds;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.Map;

/**
 * {@code GET /api/v4/audit_log}: the caller's account's changes, newest first, in PagerTree's list envelope, each
 * entry as history shows it plus {@code user_id}. A {@code user_id} the account's log does not list (unknown, or
 * another account's) is a 404, as on every other auditors' endpoint.
 */
@RestController
public class V4AuditLogController {

    private final AuditLog log;
    private final CsvExport export;

    public V4AuditLogController(AuditLog log, CsvExport export) {
        this.log = log;
        this.export = export;
    }

    @GetMapping("/api/v4/audit_log")
    public Map<String, Object> page(Caller caller, @RequestParam MultiValueMap<String, String> params) {
        AuditLogParams query = AuditLogParams.parse(params);
        checkUser(caller, query);
        return log.page(caller.accountId(), query).toJson();
    }

    /** The same filter as CSV ({@code Accept: text/csv}): every matching event, newest first, streamed. */
    @GetMapping(path = "/api/v4/audit_log", produces = CsvExport.MEDIA_TYPE)
    public void csv(Caller caller, @RequestParam MultiValueMap<String, String> params, HttpServletResponse response)
            throws IOException {
        AuditLogParams query = AuditLogParams.parse(params);
        checkUser(caller, query);
        export.write(response, "audit_log.csv", AuditLog.CSV_COLUMNS, csv -> log.export(caller.accountId(), query, csv));
    }

    private void checkUser(Caller caller, AuditLogParams query) {
        if (query.userId() != null && !log.lists(caller.accountId(), query.userId())) {
            throw new UsersException(ErrorCode.NOT_FOUND,
                    "user " + PrefixIds.of(PrefixIds.USER, query.userId()) + " not found");
        }
    }
}
