package dev.users.command.domain;

import dev.users.command.api.AddEmail;
import dev.users.command.api.AddPhone;
import dev.users.command.api.AssignRoles;
import dev.users.command.api.AssignTeams;
import dev.users.command.api.ChangeRoles;
import dev.users.command.api.CreateUser;
import dev.users.command.api.MakeAddressPrimary;
import dev.users.command.api.NewEmail;
import dev.users.command.api.NewPhone;
import dev.users.command.api.RecordSignIn;
import dev.users.command.api.RemoveEmail;
import dev.users.command.api.ReviseUser;
import dev.users.command.api.UpdateProfile;
import dev.users.events.EmailAdded;
import dev.users.events.EmailRemoved;
import dev.users.events.MetaChanged;
import dev.users.events.PhoneAdded;
import dev.users.events.RolesAssigned;
import dev.users.events.UserSignedIn;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static dev.users.command.domain.UserTest.ACCOUNT;
import static dev.users.command.domain.UserTest.LIMITS;
import static dev.users.command.domain.UserTest.T0;
import static dev.users.command.domain.UserTest.T1;
import static dev.users.command.domain.UserTest.USER;
import static dev.users.command.domain.UserTest.created;
import static dev.users.command.domain.UserTest.email1;
import static dev.users.command.domain.UserTest.newEmail;
import static dev.users.command.domain.UserTest.newPhone;
import static dev.users.command.domain.UsersErrors.usersError;
import static dev.users.errors.ErrorCode.INVALID;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-user limits ({@link UserTest#LIMITS}: 3 emails, 3 phones, 2 roles, 3 team ids of 8 characters, 3 meta keys
 * of 8 characters with values of 20) on every path that adds, and the rule against sign-ins in the future.
 */
class UserLimitsTest {

    AggregateTestFixture<User> fixture;
    InMemoryEmailClaims claims;

    @BeforeEach
    void setUp() {
        claims = new InMemoryEmailClaims();
        fixture = new AggregateTestFixture<>(User.class);
        fixture.registerInjectableResource(claims);
        fixture.registerInjectableResource(new InMemoryMembershipRegistry());
        fixture.registerInjectableResource(new InMemoryAccountOwners());
        fixture.registerInjectableResource(new InMemoryRoleCatalog().define(ACCOUNT, "support"));
        fixture.registerInjectableResource(new CountingTinyIds());
        fixture.registerInjectableResource(LIMITS);
    }

    static UUID id(int n) {
        return UUID.fromString(String.format("00000000-0000-0000-0000-%012d", 9000 + n));
    }

    static String address(int n) {
        return "ann" + n + "@example.com";
    }

    static String number(int n) {
        return "+1201555012" + n;
    }

    static List<NewEmail> emails(int count) {
        return IntStream.range(0, count).mapToObj(n -> newEmail(id(n), address(n), n == 0)).toList();
    }

    static List<NewPhone> phones(int count) {
        return IntStream.range(0, count).mapToObj(n -> newPhone(id(100 + n), number(n), n == 0)).toList();
    }

    static EmailAdded emailAdded(int n) {
        return new EmailAdded(USER, id(n), address(n), n == 0);
    }

    static UpdateProfile meta(Map<String, String> meta) {
        return new UpdateProfile(USER, ACCOUNT, null, null, null, null, null, null, null, null, null, meta);
    }

    // ---- create -------------------------------------------------------------------------------------------------

    @Test
    void createOverEveryLimitNamesEachOne() {
        fixture.givenNoPriorActivity()
                .when(new CreateUser(USER, ACCOUNT, "Ann", null, null, null, null, null,
                        Map.of("a", "1", "b", "2", "c", "3", "d", "4"), emails(4), phones(4),
                        List.of("admin", "billing", "support"), List.of("t1", "t2", "t3", "t4"), T0))
                .expectException(usersError(INVALID, "at most 3 emails", "at most 3 phones", "at most 2 roles",
                        "at most 3 team ids", "at most 3 meta keys"))
                .expectNoEvents();
        assertThat(claims.claims).isEmpty();
    }

    @Test
    void createAtEveryLimitSucceeds() {
        fixture.givenNoPriorActivity()
                .when(new CreateUser(USER, ACCOUNT, "Ann", null, null, null, null, null,
                        Map.of("a", "1", "b", "2", "c", "3"), emails(3), phones(3), List.of("admin", "support", "admin"),
                        List.of("t1", "t2", "t3"), T0))
                .expectSuccessfulHandlerExecution()
                .expectState(user -> assertThat(user.size()).isEqualTo(new UserLimits.Size(3, 3, 2, 3, 3)));
    }

    @Test
    void createRefusesLongMetaAndTeamIds() {
        fixture.givenNoPriorActivity()
                .when(new CreateUser(USER, ACCOUNT, "Ann", null, null, null, null, null,
                        Map.of("much-too-long", "v", "k", "x".repeat(21)), emails(1), null, null,
                        List.of("team-id-too-long"), T0))
                .expectException(usersError(INVALID, "meta keys can be at most 8 characters",
                        "meta.k can be at most 20 characters", "a team id can be at most 8 characters"))
                .expectNoEvents();
    }

    // ---- single changes ---------------------------------------------------------------------------------------

    @Test
    void addingAnEmailOverTheLimitIsRefusedAndReleasesItsClaim() {
        fixture.given(created(), emailAdded(0), emailAdded(1), emailAdded(2))
                .when(new AddEmail(USER, ACCOUNT, newEmail(id(3), address(3), false)))
                .expectException(usersError(INVALID, "a user can have at most 3 emails"))
                .expectNoEvents();
        assertThat(claims.claims).doesNotContainKey(address(3));
    }

    @Test
    void makingANewAddressPrimaryOverTheLimitIsRefused() {
        fixture.given(created(), emailAdded(0), emailAdded(1), emailAdded(2))
                .when(new MakeAddressPrimary(USER, ACCOUNT, address(3), id(3)))
                .expectException(usersError(INVALID, "at most 3 emails"))
                .expectNoEvents();
    }

    @Test
    void addingAPhoneOverTheLimitIsRefused() {
        fixture.given(created(), email1(), new PhoneAdded(USER, id(100), number(0), "US", true, null),
                        new PhoneAdded(USER, id(101), number(1), "US", false, null),
                        new PhoneAdded(USER, id(102), number(2), "US", false, null))
                .when(new AddPhone(USER, ACCOUNT, newPhone(id(103), number(3), false)))
                .expectException(usersError(INVALID, "a user can have at most 3 phones"))
                .expectNoEvents();
    }

    @Test
    void assigningOrGrantingRolesOverTheLimitIsRefused() {
        fixture.given(created(), email1())
                .when(new AssignRoles(USER, ACCOUNT, List.of("admin", "billing", "support")))
                .expectException(usersError(INVALID, "a user can have at most 2 roles"));
        fixture.given(created(), email1(), new RolesAssigned(USER, List.of("admin", "billing")))
                .when(new ChangeRoles(USER, ACCOUNT, List.of("support"), List.of()))
                .expectException(usersError(INVALID, "at most 2 roles"))
                .expectNoEvents();
    }

    @Test
    void grantingOneAndRevokingAnotherAtTheLimitIsFine() {
        fixture.given(created(), email1(), new RolesAssigned(USER, List.of("admin", "billing")))
                .when(new ChangeRoles(USER, ACCOUNT, List.of("support"), List.of("billing")))
                .expectEvents(new RolesAssigned(USER, List.of("admin", "support")));
    }

    @Test
    void teamIdsOverTheLimitOrTooLongAreRefused() {
        fixture.given(created(), email1())
                .when(new AssignTeams(USER, ACCOUNT, List.of("t1", "t2", "t3", "t4")))
                .expectException(usersError(INVALID, "a user can have at most 3 team ids"));
        fixture.given(created(), email1())
                .when(new AssignTeams(USER, ACCOUNT, List.of("t1", "123456789")))
                .expectException(usersError(INVALID, "a team id can be at most 8 characters"));
    }

    @Test
    void metaOverTheLimitsIsRefused() {
        fixture.given(created(), email1())
                .when(meta(Map.of("a", "1", "b", "2", "c", "3", "d", "4")))
                .expectException(usersError(INVALID, "a user can have at most 3 meta keys"))
                .expectNoEvents();
        fixture.given(created(), email1())
                .when(meta(Map.of("123456789", "v")))
                .expectException(usersError(INVALID, "meta keys can be at most 8 characters"));
        fixture.given(created(), email1())
                .when(meta(Map.of("k", "x".repeat(21))))
                .expectException(usersError(INVALID, "meta.k can be at most 20 characters"));
        fixture.given(created(), email1())
                .when(meta(Map.of("12345678", "x".repeat(20))))
                .expectEvents(new MetaChanged(USER, Map.of("12345678", "x".repeat(20))));
    }

    // ---- revisions and lowered limits ---------------------------------------------------------------------------

    @Test
    void aRevisionThatEndsWithinTheLimitMayPassItOnTheWay() {
        claims.claims.put(address(2), USER);
        fixture.given(created(), emailAdded(0), emailAdded(1), emailAdded(2))
                .when(new ReviseUser(USER, ACCOUNT, List.of(
                        new AddEmail(USER, ACCOUNT, newEmail(id(3), address(3), false)),
                        new RemoveEmail(USER, ACCOUNT, id(2)))))
                .expectEvents(emailAdded(3), new EmailRemoved(USER, id(2), address(2)));
    }

    @Test
    void aRevisionThatEndsOverTheLimitIsRefusedWhole() {
        fixture.given(created(), emailAdded(0), emailAdded(1))
                .when(new ReviseUser(USER, ACCOUNT, List.of(
                        UserTest.profile("Ann Smith", null, null),
                        new AddEmail(USER, ACCOUNT, newEmail(id(2), address(2), false)),
                        new AddEmail(USER, ACCOUNT, newEmail(id(3), address(3), false)))))
                .expectException(usersError(INVALID, "at most 3 emails (this request would leave 4)"))
                .expectNoEvents();
        assertThat(claims.claims).isEmpty();
    }

    @Test
    void aUserOverALoweredLimitMayShrinkOrStayButNotGrow() {
        claims.claims.put(address(3), USER);
        fixture.given(created(), emailAdded(0), emailAdded(1), emailAdded(2), emailAdded(3))
                .when(new RemoveEmail(USER, ACCOUNT, id(3)))
                .expectEvents(new EmailRemoved(USER, id(3), address(3)));
        fixture.given(created(), emailAdded(0), emailAdded(1), emailAdded(2), emailAdded(3))
                .when(UserTest.profile("Ann Smith", null, null))
                .expectSuccessfulHandlerExecution();
        fixture.given(created(), emailAdded(0), emailAdded(1), emailAdded(2), emailAdded(3))
                .when(new AddEmail(USER, ACCOUNT, newEmail(id(4), address(4), false)))
                .expectException(usersError(INVALID, "at most 3 emails"));
    }

    // ---- sign-ins -----------------------------------------------------------------------------------------------

    @Test
    void aSignInUpToTheSkewAheadOfItsReceiptIsRecorded() {
        Instant received = T1;
        Instant latest = received.plus(Duration.ofMinutes(5));
        fixture.given(created(), email1())
                .when(new RecordSignIn(USER, ACCOUNT, latest, received))
                .expectEvents(new UserSignedIn(USER, null, latest));
    }

    @Test
    void aSignInFurtherAheadIsRefused() {
        Instant received = T1;
        Instant tooLate = received.plus(Duration.ofMinutes(5)).plusNanos(1_000);
        fixture.given(created(), email1())
                .when(new RecordSignIn(USER, ACCOUNT, tooLate, received))
                .expectException(usersError(INVALID, tooLate.toString(), "is in the future", "5 minutes",
                        received.toString()))
                .expectNoEvents();
        fixture.given(created(), email1())
                .when(new RecordSignIn(USER, ACCOUNT, Instant.parse("9999-01-01T00:00:00Z"), received))
                .expectException(usersError(INVALID, "is in the future"));
    }

    @Test
    void theRuleDependsOnTheReceiptTimeNotOnTheClock() {
        Instant future = Instant.parse("2090-06-01T00:00:00Z");
        fixture.given(created(), email1())
                .when(new RecordSignIn(USER, ACCOUNT, future, future.minusSeconds(60)))
                .expectEvents(new UserSignedIn(USER, null, future));
    }

    @Test
    void aSignInBeforeTheEpochOrWithoutReceiptTimeIsRefused() {
        Instant ancient = Instant.parse("-4713-01-01T00:00:00Z");
        fixture.given(created(), email1())
                .when(new RecordSignIn(USER, ACCOUNT, ancient, T1))
                .expectException(usersError(INVALID, "is before 1970-01-01T00:00:00Z"));
        fixture.given(created(), email1())
                .when(new RecordSignIn(USER, ACCOUNT, T1, null))
                .expectException(usersError(INVALID, "the time the sign-in was received is required"));
    }

    @Test
    void aFutureSignInInsideARevisionIsRefusedToo() {
        fixture.given(created(), email1())
                .when(new ReviseUser(USER, ACCOUNT, List.of(UserTest.profile("Ann Smith", null, null),
                        new RecordSignIn(USER, ACCOUNT, T1.plus(Duration.ofHours(1)), T1))))
                .expectException(usersError(INVALID, "is in the future"))
                .expectNoEvents();
    }
}
