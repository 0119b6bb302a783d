package dev.users.query.history;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The consistency check of a whole account, or of the whole store: every user whose {@code UserCreated} the
 * account lists is rebuilt from its events and compared with the read models ({@link ConsistencyCheck}, one user at
 * a time, so memory holds one user's events), and every directory row without such a user is reported as well. The
 * answer counts every user and lists the inconsistent ones, at most {@link #LISTED}.
 */
@Component
public class StoreCheck {

    /** Inconsistent users listed in one answer; the count beyond is exact. */
    public static final int LISTED = 1000;

    private static final String USERS = "select account_id, user_id from event_index where event_name = 'UserCreated'";
    /** Directory rows whose user's creation is not listed under the row's account. */
    private static final String ORPHANS = "select d.account_id, d.user_id from user_directory d where not exists"
            + " (select 1 from event_index i where i.user_id = d.user_id and i.account_id = d.account_id"
            + " and i.event_name = 'UserCreated')";

    private final JdbcClient jdbc;
    private final ConsistencyCheck check;

    public StoreCheck(JdbcClient jdbc, ConsistencyCheck check) {
        this.jdbc = jdbc;
        this.check = check;
    }

    /** Every user of the account. */
    public Map<String, Object> account(UUID accountId) {
        Map<String, Object> answer = run(users(USERS + " and account_id = :account order by position", accountId),
                users(ORPHANS + " and d.account_id = :account", accountId));
        Map<String, Object> scoped = new LinkedHashMap<>();
        scoped.put("scope", "account");
        scoped.put("account_id", accountId.toString());
        scoped.putAll(answer);
        return scoped;
    }

    /** Every user of every account. */
    public Map<String, Object> store() {
        Map<String, Object> scoped = new LinkedHashMap<>();
        scoped.put("scope", "store");
        scoped.putAll(run(users(USERS + " order by position", null), users(ORPHANS, null)));
        return scoped;
    }

    private Map<String, Object> run(List<Owned> users, List<Owned> orphans) {
        List<Map<String, Object>> listed = new ArrayList<>();
        long inconsistent = 0;
        for (Owned user : users) {
            Map<String, Object> result = check.of(user.accountId(), user.userId()).orElse(null);
            if (result != null && !Boolean.TRUE.equals(result.get("consistent"))) {
                inconsistent++;
                list(listed, user, result);
            }
        }
        for (Owned orphan : orphans) {
            inconsistent++;
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("version", null);
            result.put("removed_at", null);
            result.put("differences", List.of(ConsistencyCheck.difference("directory", "exists", false, true)));
            list(listed, orphan, result);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("consistent", inconsistent == 0);
        answer.put("users_checked", (long) users.size() + orphans.size());
        answer.put("inconsistent_users", inconsistent);
        answer.put("users", listed);
        return answer;
    }

    private static void list(List<Map<String, Object>> listed, Owned user, Map<String, Object> result) {
        if (listed.size() >= LISTED) {
            return;
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("user_id", user.userId().toString());
        entry.put("account_id", user.accountId().toString());
        entry.put("version", result.get("version"));
        entry.put("removed_at", result.get("removed_at"));
        entry.put("differences", result.get("differences"));
        listed.add(entry);
    }

    private List<Owned> users(String sql, UUID accountId) {
        JdbcClient.StatementSpec statement = jdbc.sql(sql);
        if (accountId != null) {
            statement = statement.param("account", accountId);
        }
        return statement.query((rs, n) -> new Owned(rs.getObject("account_id", UUID.class),
                rs.getObject("user_id", UUID.class))).list();
    }

    private record Owned(UUID accountId, UUID userId) {
    }
}
