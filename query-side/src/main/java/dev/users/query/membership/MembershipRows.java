package dev.users.query.membership;

import dev.users.query.list.PageRequest;
import dev.users.query.list.SqlValues;
import org.springframework.jdbc.core.RowMapper;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.UUID;

/** Reads {@code account_memberships}: always within one account, or for the person their home account speaks for. */
@Component
public class MembershipRows {

    private static final String SELECT = "select membership_id, account_id, user_id, tiny_id, state, email, roles,"
            + " team_ids, notification_rule_id, meta, created_at, updated_at, version from account_memberships";

    private static final RowMapper<MembershipRow> MAPPER = (rs, n) -> new MembershipRow(
            rs.getObject("membership_id", UUID.class), rs.getObject("account_id", UUID.class),
            rs.getObject("user_id", UUID.class), rs.getLong("tiny_id"), rs.getString("state"), rs.getString("email"),
            texts(rs.getArray("roles")), texts(rs.getArray("team_ids")), rs.getString("notification_rule_id"),
            meta(rs.getString("meta")), SqlValues.instant(rs, "created_at"),
            SqlValues.instant(rs, "updated_at"), rs.getLong("version"));

    private final JdbcClient jdbc;

    public MembershipRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The membership {@code membershipId} of {@code accountId}; another account's is not found. */
    public Optional<MembershipRow> find(UUID accountId, UUID membershipId) {
        return jdbc.sql(SELECT + " where membership_id = ? and account_id = ?").params(membershipId, accountId)
                .query(MAPPER).optional();
    }

    /** The account's memberships, oldest first. */
    public List<MembershipRow> ofAccount(UUID accountId, PageRequest page) {
        return jdbc.sql(SELECT + " where account_id = ? order by created_at, membership_id limit ? offset ?")
                .params(accountId, page.limit() + 1, page.offset()).query(MAPPER).list();
    }

    public long countOfAccount(UUID accountId) {
        return jdbc.sql("select count(*) from account_memberships where account_id = ?").param(accountId)
                .query(Long.class).single();
    }

    /** The person's pending invitations, oldest first. */
    public List<MembershipRow> pendingOf(UUID userId) {
        return jdbc.sql(SELECT + " where user_id = ? and state = 'pending' order by created_at, membership_id")
                .param(userId).query(MAPPER).list();
    }

    /** Sorted by key, as the directory's meta is read (jsonb keeps no key order). */
    private static Map<String, String> meta(String json) {
        return JsonMapper.shared().readValue(json, new TypeReference<TreeMap<String, String>>() { });
    }

    private static List<String> texts(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
