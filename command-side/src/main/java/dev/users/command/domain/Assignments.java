package dev.users.command.domain;

import dev.users.command.api.AssignRoles;
import dev.users.command.api.AssignTeams;
import dev.users.command.api.ChangeRoles;
import dev.users.events.RolesAssigned;
import dev.users.events.TeamsAssigned;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The roles (names from the account's {@link RoleCatalog}, sorted) and the team ids (PagerTree's {@code team_ids},
 * kept and echoed; teams live elsewhere) a user is assigned, and the rules of changing them.
 */
public class Assignments {

    private List<String> roles = List.of();
    private List<String> teamIds = List.of();

    public Assignments() {
    }

    /** The account's owner keeps admin and billing: transfer ownership before taking them away. */
    @CommandHandler
    void handle(AssignRoles cmd, RoleCatalog catalog, AccountOwners owners) {
        List<String> assigned = UserRules.roles(cmd.accountId(), cmd.roles(), catalog);
        if (!assigned.containsAll(AccountOwners.OWNER_ROLES) && owners.isOwner(cmd.accountId(), cmd.userId())) {
            throw UserRules.invalid("roles: the account owner is always " + String.join(" and ",
                    AccountOwners.OWNER_ROLES) + "; transfer ownership first");
        }
        if (!assigned.equals(roles)) {
            apply(new RolesAssigned(cmd.userId(), assigned));
        }
    }

    /** Grants and revokes, leaving the other roles as they are. */
    @CommandHandler
    void handle(ChangeRoles cmd, RoleCatalog catalog, AccountOwners owners) {
        Set<String> next = new TreeSet<>(roles);
        if (cmd.grant() != null) {
            next.addAll(cmd.grant());
        }
        if (cmd.revoke() != null) {
            cmd.revoke().forEach(next::remove);
        }
        handle(new AssignRoles(cmd.userId(), cmd.accountId(), List.copyOf(next)), catalog, owners);
    }

    @CommandHandler
    void handle(AssignTeams cmd, UserLimits limits) {
        List<String> teams = cmd.teamIds() == null ? List.of() : new ArrayList<>(cmd.teamIds());
        limits.checkTeamIds(teams);
        teams = List.copyOf(teams);
        if (!teams.equals(teamIds)) {
            apply(new TeamsAssigned(cmd.userId(), teams));
        }
    }

    @EventSourcingHandler
    void on(RolesAssigned e) {
        roles = e.roles() == null ? List.of() : new ArrayList<>(e.roles());
    }

    @EventSourcingHandler
    void on(TeamsAssigned e) {
        teamIds = e.teamIds() == null ? List.of() : new ArrayList<>(e.teamIds());
    }

    int roleCount() {
        return roles.size();
    }

    int teamCount() {
        return teamIds.size();
    }
}
