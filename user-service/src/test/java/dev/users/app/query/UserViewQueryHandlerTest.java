package dev.users.app.query;

import dev.users.errors.ErrorCode;
import dev.users.errors.UsersException;
import dev.users.events.RolesAssigned;
import dev.users.events.TeamsAssigned;
import dev.users.events.UserRenamed;
import dev.users.queries.FetchUserView;
import dev.users.queries.Surface;
import dev.users.query.UserViewQueryHandler;
import dev.users.query.directory.DirectoryProgress;
import dev.users.query.batch.ParkedUsers;
import dev.users.query.directory.UserRows;
import dev.users.query.roles.RoleNames;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import dev.users.query.owner.AccountOwnerRows;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** FetchUserView, the read-your-writes query writers send after a command, through the real query bus. */
class UserViewQueryHandlerTest extends QueryTest {

    @Autowired
    AccountOwnerRows owners;

    @Autowired
    QueryGateway queries;

    @Autowired
    UserRows rows;

    @Autowired
    RoleNames roles;

    @Autowired
    DirectoryProgress progress;

    @Autowired
    ParkedUsers parked;

    @Test
    void answersWithTheV4UserOnceTheDirectoryHasTheVersion() {
        Account account = newAccount();
        UUID userId = UUID.randomUUID();
        long version = history(userId).append(created(userId, account.id(), 1, "Fetched", BASE),
                new UserRenamed(userId, "Fetched Again", null, null));

        Map<String, Object> view = fetch(Surface.V4_USER, account.id(), userId, version);

        assertThat(view).containsEntry("name", "Fetched Again").containsEntry("id", userId.toString());
        assertThat(view.keySet()).startsWith("id", "prefix_id", "tiny_id", "account_id", "name");
    }

    @Test
    void waitsForAVersionTheDirectoryHasNotAppliedYet() throws Exception {
        Account account = newAccount();
        UUID userId = UUID.randomUUID();
        UserHistory user = history(userId);
        user.append(created(userId, account.id(), 1, "Before", BASE));
        awaitVersion(userId, 0);

        CompletableFuture<Map<String, Object>> view =
                CompletableFuture.supplyAsync(() -> fetch(Surface.V4_USER, account.id(), userId, 1));
        user.append(new UserRenamed(userId, "After", null, null));

        assertThat(view.get(20, TimeUnit.SECONDS)).containsEntry("name", "After");
    }

    @Test
    void anotherAccountsUserOrAMissingOneIsNotFound() {
        Account account = newAccount();
        UUID userId = UUID.randomUUID();
        history(userId).append(created(userId, account.id(), 1, "Mine", BASE));
        awaitVersion(userId, 0);

        assertThat(problem(() -> fetch(Surface.V4_USER, UUID.randomUUID(), userId, 0)).code())
                .isEqualTo(ErrorCode.NOT_FOUND);
        UsersException missing = problem(() -> fetch(Surface.V4_USER, account.id(), UUID.randomUUID(), -1));
        assertThat(missing.code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(missing.getMessage()).contains("not found");
    }

    @Test
    void givesUpWithNotReadyWhenTheDirectoryStaysBehind() {
        Account account = newAccount();
        UUID userId = UUID.randomUUID();
        history(userId).append(created(userId, account.id(), 1, "Behind", BASE));
        awaitVersion(userId, 0);
        UserViewQueryHandler impatient = new UserViewQueryHandler(rows, roles, progress, parked, Duration.ofMillis(50),
                owners);

        assertThat(problem(() -> impatient.handle(new FetchUserView(Surface.V4_USER, account.id(), userId, 3))).code())
                .isEqualTo(ErrorCode.NOT_READY);
        // a write whose row has not appeared at all is behind too, not missing
        assertThat(problem(() -> impatient.handle(
                new FetchUserView(Surface.V4_USER, account.id(), UUID.randomUUID(), 0))).code())
                .isEqualTo(ErrorCode.NOT_READY);
    }

    @Test
    void answersTheV3UserAndTheV4AccountUserOnceTheDirectoryHasTheVersion() {
        Account account = newAccount();
        addAccountRole(account.id(), "on-call", BASE);
        UUID userId = UUID.randomUUID();
        long version = history(userId).append(created(userId, account.id(), 3, "Peggy Hill", BASE),
                new RolesAssigned(userId, List.of("on-call")), new TeamsAssigned(userId, List.of("tm_1")));

        Map<String, Object> v3 = fetch(Surface.V3_USER, account.id(), userId, version);
        assertThat(v3.keySet()).containsExactly("id", "first_name", "last_name", "email", "customer_id", "language",
                "timezone", "phone", "roles", "resource_type");
        assertThat(v3).containsEntry("first_name", "Peggy").containsEntry("last_name", "Hill")
                .containsEntry("customer_id", account.id().toString()).containsEntry("roles", List.of("on-call"));

        Map<String, Object> accountUser = fetch(Surface.V4_ACCOUNT_USER, account.id(), userId, version);
        assertThat(accountUser.keySet()).containsExactly("id", "prefix_id", "tiny_id", "account_id", "roles",
                "team_ids", "user", "created_at", "updated_at");
        assertThat(accountUser.get("roles")).isEqualTo(Map.of("admin", false, "billing", false,
                "broadcaster", false, "communicator", false, "on-call", true));
        assertThat(accountUser.get("team_ids")).isEqualTo(List.of("tm_1"));
        assertThat(List.copyOf(((Map<?, ?>) accountUser.get("roles")).keySet()))
                .isEqualTo(List.of("admin", "billing", "broadcaster", "communicator", "on-call"));
        assertThat(((Map<?, ?>) accountUser.get("user")).get("name")).isEqualTo("Peggy Hill");

        assertThat(problem(() -> fetch(Surface.V3_USER, UUID.randomUUID(), userId, -1)).code())
                .isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(problem(() -> fetch(Surface.V4_ACCOUNT_USER, account.id(), UUID.randomUUID(), -1)).code())
                .isEqualTo(ErrorCode.NOT_FOUND);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> fetch(Surface surface, UUID accountId, UUID userId, long minVersion) {
        return (Map<String, Object>) queries.query(new FetchUserView(surface, accountId, userId, minVersion),
                ResponseTypes.instanceOf(Map.class)).join();
    }

    /** The UsersException behind whatever the query bus wrapped it in. */
    private static UsersException problem(Runnable call) {
        Throwable thrown = catchThrowable(call::run);
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof UsersException e) {
                return e;
            }
        }
        throw new AssertionError("expected a UsersException, got " + thrown, thrown);
    }
}
