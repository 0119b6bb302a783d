package dev.users.query.membership;

import dev.users.events.MembershipAccepted;
import dev.users.events.MembershipAttributesChanged;
import dev.users.events.MembershipChanged;
import dev.users.events.MembershipDeclined;
import dev.users.events.MembershipEnded;
import dev.users.events.MembershipInvited;
import dev.users.events.UserErased;
import dev.users.events.UserRemoved;
import dev.users.query.directory.UserDirectoryProjection;
import dev.users.query.list.SqlValues;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code account_memberships}: the memberships of persons in accounts other than their home account, pending and
 * accepted. In the directory's processing group so that a membership and its person's directory row commit
 * together (a reader joins them). Rows are written as the events come (memberships are rare next to profile
 * changes); every update is guarded by the row's version, so a redelivered event changes nothing.
 */
@Component
@ProcessingGroup(UserDirectoryProjection.GROUP)
public class MembershipProjection {

    private final JdbcClient jdbc;

    public MembershipProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    public void on(MembershipInvited event, @SequenceNumber long sequence, @Timestamp Instant at) {
        jdbc.sql("""
                        insert into account_memberships (membership_id, account_id, user_id, tiny_id, state, email, roles,
                                                         team_ids, created_at, updated_at, version)
                        values (:id, :account, :user, :tiny, 'pending', :email, :roles, :teams, :at, :at, :version)
                        on conflict (membership_id) do nothing""")
                .param("id", event.membershipId())
                .param("account", event.accountId())
                .param("user", event.userId())
                .param("tiny", event.tinyId())
                .param("email", SqlValues.storable(event.email() == null ? "" : event.email()))
                .param("roles", texts(event.roles()))
                .param("teams", texts(event.teamIds()))
                .param("at", SqlValues.timestamp(event.invitedAt() == null ? at : event.invitedAt()))
                .param("version", sequence)
                .update();
    }

    @EventHandler
    public void on(MembershipAccepted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.membershipId(), sequence, event.at() == null ? at : event.at(), "state = 'accepted'", Map.of());
    }

    @EventHandler
    public void on(MembershipChanged event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.membershipId(), sequence, at, "roles = :roles, team_ids = :teams",
                Map.of("roles", texts(event.roles()), "teams", texts(event.teamIds())));
    }

    @EventHandler
    public void on(MembershipAttributesChanged event, @SequenceNumber long sequence, @Timestamp Instant at) {
        Map<String, Object> values = new HashMap<>();
        values.put("rule", SqlValues.storable(event.notificationRuleId()));
        values.put("meta", JsonMapper.shared().writeValueAsString(
                SqlValues.storable(event.meta() == null ? Map.<String, String>of() : event.meta())));
        update(event.membershipId(), sequence, at, "notification_rule_id = :rule, meta = cast(:meta as jsonb)",
                values);
    }

    /** Sets {@code columns} (and the time and version) unless the row has seen this event already. */
    private void update(UUID membershipId, long sequence, Instant at, String columns, Map<String, Object> values) {
        jdbc.sql("update account_memberships set " + columns + ", updated_at = :at, version = :version"
                        + " where membership_id = :id and version < :version")
                .params(values)
                .param("id", membershipId)
                .param("at", SqlValues.timestamp(at))
                .param("version", sequence)
                .update();
    }

    @EventHandler
    public void on(MembershipDeclined event) {
        delete(event.membershipId());
    }

    @EventHandler
    public void on(MembershipEnded event) {
        delete(event.membershipId());
    }

    /** The person is gone, and with them every membership. */
    @EventHandler
    public void on(UserRemoved event) {
        jdbc.sql("delete from account_memberships where user_id = ?").param(event.userId()).update();
    }

    /** Erased: every membership goes, with the address its invitation was sent to. */
    @EventHandler
    public void on(UserErased event) {
        jdbc.sql("delete from account_memberships where user_id = ?").param(event.userId()).update();
    }

    @ResetHandler
    public void reset() {
        jdbc.sql("truncate account_memberships").update();
    }

    private static String[] texts(List<String> values) {
        return values == null ? new String[0] : SqlValues.storable(values).toArray(String[]::new);
    }

    private void delete(UUID membershipId) {
        jdbc.sql("delete from account_memberships where membership_id = ?").param(membershipId).update();
    }
}
