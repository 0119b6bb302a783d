package dev.users.command.domain;

import dev.users.command.api.AddEmail;
import dev.users.command.api.AddPhone;
import dev.users.command.api.AssignRoles;
import dev.users.command.api.AssignTeams;
import dev.users.command.api.BlockPhone;
import dev.users.command.api.ChangeEmailAddress;
import dev.users.command.api.ChangePhoneNumber;
import dev.users.command.api.MakeAddressPrimary;
import dev.users.command.api.CreateUser;
import dev.users.command.api.MakeEmailPrimary;
import dev.users.command.api.MakePhonePrimary;
import dev.users.command.api.NewEmail;
import dev.users.command.api.NewPhone;
import dev.users.command.api.RecordSignIn;
import dev.users.command.api.RemoveEmail;
import dev.users.command.api.RemovePhone;
import dev.users.command.api.RemoveUser;
import dev.users.command.api.ReviseUser;
import dev.users.command.api.UnblockPhone;
import dev.users.command.api.UpdateProfile;
import dev.users.command.infra.AggregateJson;
import dev.users.events.EmailAdded;
import dev.users.events.EmailRemoved;
import dev.users.events.LanguageChanged;
import dev.users.events.MetaChanged;
import dev.users.events.NotificationPreferences;
import dev.users.events.NotificationPreferencesChanged;
import dev.users.events.PhoneAdded;
import dev.users.events.PhoneBlocked;
import dev.users.events.PhoneRemoved;
import dev.users.events.PhoneUnblocked;
import dev.users.events.PrimaryEmailChanged;
import dev.users.events.PrimaryPhoneChanged;
import dev.users.events.RolesAssigned;
import dev.users.events.TeamsAssigned;
import dev.users.events.TimeZoneChanged;
import dev.users.events.TimeZoneSetting;
import dev.users.events.UserCreated;
import dev.users.events.UserRemoved;
import dev.users.events.UserRenamed;
import dev.users.events.UserSignedIn;
import org.axonframework.eventsourcing.AggregateDeletedException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.users.command.domain.UsersErrors.usersError;
import static dev.users.errors.ErrorCode.CONFLICT;
import static dev.users.errors.ErrorCode.INVALID;
import static dev.users.errors.ErrorCode.NOT_FOUND;
import static org.assertj.core.api.Assertions.assertThat;

class UserTest {

    static final UUID USER = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    static final UUID OTHER_USER = UUID.fromString("00000000-0000-0000-0000-0000000000a2");
    static final UUID ACCOUNT = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    static final UUID OTHER_ACCOUNT = UUID.fromString("00000000-0000-0000-0000-0000000000c2");
    static final UUID E1 = UUID.fromString("00000000-0000-0000-0000-0000000000e1");
    static final UUID E2 = UUID.fromString("00000000-0000-0000-0000-0000000000e2");
    static final UUID E3 = UUID.fromString("00000000-0000-0000-0000-0000000000e3");
    static final UUID P1 = UUID.fromString("00000000-0000-0000-0000-0000000000f1");
    static final UUID P2 = UUID.fromString("00000000-0000-0000-0000-0000000000f2");
    static final UUID P3 = UUID.fromString("00000000-0000-0000-0000-0000000000f3");
    static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    static final Instant T1 = Instant.parse("2024-02-01T00:00:00Z");
    static final Instant T2 = Instant.parse("2024-03-01T00:00:00Z");
    static final String US_NUMBER = "+12015550123";
    static final String GB_NUMBER = "+442079460958";
    static final NotificationPreferences ALL = NotificationPreferences.DEFAULT;
    /** Small limits, so that going over one takes a few items. */
    static final UserLimits LIMITS = new UserLimits(3, 3, 2, 3, 8, 3, 8, 20, Duration.ofMinutes(5));

    AggregateTestFixture<User> fixture;
    InMemoryEmailClaims claims;

    @BeforeEach
    void setUp() {
        claims = new InMemoryEmailClaims();
        claims.claims.put("taken@example.com", OTHER_USER);
        fixture = new AggregateTestFixture<>(User.class);
        fixture.registerInjectableResource(claims);
        fixture.registerInjectableResource(new InMemoryMembershipRegistry());
        fixture.registerInjectableResource(new InMemoryAccountOwners());
        fixture.registerInjectableResource(new InMemoryRoleCatalog().define(ACCOUNT, "support"));
        fixture.registerInjectableResource(new CountingTinyIds());
        fixture.registerInjectableResource(LIMITS);
    }

    // ---- given events -------------------------------------------------------------------------------------------

    static UserCreated created() {
        return new UserCreated(USER, ACCOUNT, 1000, "Ann Lee", "Ann", "Lee", null, "en", ALL, Map.of(), T0);
    }

    static EmailAdded email1() {
        return new EmailAdded(USER, E1, "ann@example.com", true);
    }

    static EmailAdded email2() {
        return new EmailAdded(USER, E2, "ann@work.example.org", false);
    }

    static PhoneAdded phone1() {
        return new PhoneAdded(USER, P1, US_NUMBER, "US", true, "sms");
    }

    static PhoneAdded phone2() {
        return new PhoneAdded(USER, P2, GB_NUMBER, "GB", false, null);
    }

    static CreateUser create(List<NewEmail> emails, List<NewPhone> phones, List<String> roles) {
        return new CreateUser(USER, ACCOUNT, "Ann Lee", "Ann", "Lee", null, "en", null, Map.of("k", "v"), emails,
                phones, roles, null, T0);
    }

    /** A sign-in the service received at the very instant it names. */
    static RecordSignIn signIn(UUID account, Instant at) {
        return new RecordSignIn(USER, account, at, at);
    }

    static NewEmail newEmail(UUID id, String address, boolean primary) {
        return new NewEmail(id, address, primary);
    }

    static NewPhone newPhone(UUID id, String number, boolean primary) {
        return new NewPhone(id, number, null, primary, null);
    }

    static UpdateProfile profile(String name, String first, String last) {
        return new UpdateProfile(USER, ACCOUNT, name, first, last, null, null, null, null, null, null, null);
    }

    // ---- CreateUser ---------------------------------------------------------------------------------------------

    @Test
    void createsUserWithEmailsPhonesAndRoles() {
        fixture.givenNoPriorActivity()
                .when(create(List.of(newEmail(E1, "ann@example.com", false), newEmail(E2, "ann@work.example.org", true)),
                        List.of(newPhone(P1, "+1 201-555-0123", false)), List.of("support", "admin", "admin")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(
                        new UserCreated(USER, ACCOUNT, 1000, "Ann Lee", "Ann", "Lee", null, "en", ALL, Map.of("k", "v"), T0),
                        new EmailAdded(USER, E1, "ann@example.com", false),
                        new EmailAdded(USER, E2, "ann@work.example.org", true),
                        new PhoneAdded(USER, P1, US_NUMBER, "US", true, null),
                        new RolesAssigned(USER, List.of("admin", "support")))
                .expectResultMessagePayload(4L)
                .expectState(user -> {
                    assertThat(user.emails.primary()).get().extracting(UserEmail::id).isEqualTo(E2);
                    assertThat(user.phones.primary()).get().extracting(UserPhone::id).isEqualTo(P1);
                });
        assertThat(claims.claims).containsEntry("ann@example.com", USER).containsEntry("ann@work.example.org", USER);
    }

    @Test
    void firstEmailIsPrimaryWhenNoneIsFlagged() {
        fixture.givenNoPriorActivity()
                .when(create(List.of(newEmail(E1, "a@example.com", false), newEmail(E2, "b@example.com", false)),
                        null, null))
                .expectEvents(
                        new UserCreated(USER, ACCOUNT, 1000, "Ann Lee", "Ann", "Lee", null, "en", ALL, Map.of("k", "v"), T0),
                        new EmailAdded(USER, E1, "a@example.com", true),
                        new EmailAdded(USER, E2, "b@example.com", false))
                .expectResultMessagePayload(2L);
    }

    @Test
    void createWithoutEmailIsAllowedForV3Users() {
        fixture.givenNoPriorActivity()
                .when(create(List.of(), List.of(), List.of("admin")))
                .expectEvents(
                        new UserCreated(USER, ACCOUNT, 1000, "Ann Lee", "Ann", "Lee", null, "en", ALL, Map.of("k", "v"), T0),
                        new RolesAssigned(USER, List.of("admin")));
    }

    @Test
    void createKeepsTeamIds() {
        fixture.givenNoPriorActivity()
                .when(new CreateUser(USER, ACCOUNT, "Ann Lee", null, null, null, null, null, null,
                        List.of(newEmail(E1, "a@example.com", true)), null, null, List.of("t1", "t2"), T0))
                .expectEvents(
                        new UserCreated(USER, ACCOUNT, 1000, "Ann Lee", null, null, null, null, ALL, Map.of(), T0),
                        new EmailAdded(USER, E1, "a@example.com", true), new TeamsAssigned(USER, List.of("t1", "t2")));
    }

    @Test
    void assignTeamsReplacesTheList() {
        fixture.given(created(), email1(), new TeamsAssigned(USER, List.of("t1")))
                .when(new AssignTeams(USER, ACCOUNT, List.of("t2")))
                .expectEvents(new TeamsAssigned(USER, List.of("t2")));
    }

    @Test
    void assignSameTeamsChangesNothing() {
        fixture.given(created(), email1(), new TeamsAssigned(USER, List.of("t1")))
                .when(new AssignTeams(USER, ACCOUNT, List.of("t1")))
                .expectNoEvents();
    }

    @Test
    void createRejectsTwoPrimaryEmails() {
        fixture.givenNoPriorActivity()
                .when(create(List.of(newEmail(E1, "a@example.com", true), newEmail(E2, "b@example.com", true)),
                        null, null))
                .expectException(usersError(INVALID, "only one email can be primary"));
    }

    @Test
    void createRejectsTwoPrimaryPhones() {
        fixture.givenNoPriorActivity()
                .when(create(List.of(newEmail(E1, "a@example.com", false)),
                        List.of(newPhone(P1, US_NUMBER, true), newPhone(P2, GB_NUMBER, true)), null))
                .expectException(usersError(INVALID, "only one phone can be primary"));
    }

    @Test
    void createRejectsDuplicateAddress() {
        fixture.givenNoPriorActivity()
                .when(create(List.of(newEmail(E1, "a@example.com", false), newEmail(E2, "a@example.com", false)),
                        null, null))
                .expectException(usersError(INVALID, "email a@example.com is listed more than once"));
        assertThat(claims.claims).doesNotContainKey("a@example.com");
    }

    @Test
    void createRejectsDuplicatePhoneNumber() {
        fixture.givenNoPriorActivity()
                .when(create(List.of(newEmail(E1, "a@example.com", false)),
                        List.of(newPhone(P1, US_NUMBER, false), newPhone(P2, "+1 (201) 555-0123", false)), null))
                .expectException(usersError(INVALID, "phone " + US_NUMBER + " is listed more than once"));
    }

    @Test
    void createRejectsUnknownRole() {
        fixture.givenNoPriorActivity()
                .when(create(List.of(newEmail(E1, "a@example.com", false)), null, List.of("admin", "wizard")))
                .expectException(usersError(INVALID, "role 'wizard' does not exist"));
    }

    @Test
    void createRejectsTakenEmail() {
        fixture.givenNoPriorActivity()
                .when(create(List.of(newEmail(E1, "taken@example.com", false)), null, null))
                .expectException(usersError(CONFLICT, "email taken@example.com is already taken"))
                .expectNoEvents();
        assertThat(claims.claims).containsEntry("taken@example.com", OTHER_USER);
    }

    @Test
    void createReportsEveryProblemAtOnce() {
        fixture.givenNoPriorActivity()
                .when(create(List.of(newEmail(E1, "not-an-email", false)), List.of(newPhone(P1, "+1 555", false)),
                        List.of("wizard")))
                .expectException(usersError(INVALID, "email 'not-an-email' is not a valid email address",
                        "phone '+1 555' is not a valid phone number", "role 'wizard' does not exist"));
    }

    // ---- account isolation, removal, non-existence -------------------------------------------------------------

    @Test
    void anotherAccountsUserIsNotFound() {
        fixture.given(created(), email1())
                .when(signIn(OTHER_ACCOUNT, T1))
                .expectException(usersError(NOT_FOUND, "user not found"))
                .expectNoEvents();
    }

    @Test
    void removeUserReleasesEmails() {
        claims.claims.put("ann@example.com", USER);
        claims.claims.put("ann@work.example.org", USER);
        fixture.given(created(), email1(), email2())
                .when(new RemoveUser(USER, ACCOUNT, T1))
                .expectEvents(new UserRemoved(USER, List.of("ann@example.com", "ann@work.example.org"), T1))
                .expectResultMessagePayload(3L)
                .expectMarkedDeleted();
        assertThat(claims.claims).containsOnlyKeys("taken@example.com");
    }

    @Test
    void commandsAfterRemovalFail() {
        fixture.given(created(), email1(), new UserRemoved(USER, List.of("ann@example.com"), T1))
                .when(signIn(ACCOUNT, T2))
                .expectException(AggregateDeletedException.class)
                .expectNoEvents();
    }

    @Test
    void removeUserFromAnotherAccountIsNotFound() {
        fixture.given(created(), email1())
                .when(new RemoveUser(USER, OTHER_ACCOUNT, T1))
                .expectException(usersError(NOT_FOUND, "user not found"))
                .expectNoEvents();
    }

    // ---- UpdateProfile -----------------------------------------------------------------------------------------

    @Test
    void updateProfileEmitsOneEventPerChangedGroup() {
        TimeZoneSetting london = new TimeZoneSetting("London", "Europe/London");
        fixture.given(created(), email1())
                .when(new UpdateProfile(USER, ACCOUNT, null, "Anne", null, london, "fr", null, false, null, null,
                        Map.of("team", "blue")))
                .expectEvents(new UserRenamed(USER, "Ann Lee", "Anne", "Lee"),
                        new TimeZoneChanged(USER, london),
                        new LanguageChanged(USER, "fr"),
                        new NotificationPreferencesChanged(USER, new NotificationPreferences(true, false, true, true)),
                        new MetaChanged(USER, Map.of("team", "blue")))
                .expectResultMessagePayload(6L);
    }

    @Test
    void renamingWithOnlyNameClearsFirstAndLast() {
        fixture.given(created(), email1())
                .when(profile("Ann Smith", null, null))
                .expectEvents(new UserRenamed(USER, "Ann Smith", null, null));
    }

    @Test
    void updateProfileWithoutChangesEmitsNothing() {
        fixture.given(created(), email1())
                .when(new UpdateProfile(USER, ACCOUNT, "Ann Lee", "Ann", "Lee", null, "en", true, true, null, null,
                        Map.of()))
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    // ---- emails ------------------------------------------------------------------------------------------------

    @Test
    void addEmailClaimsTheAddress() {
        fixture.given(created(), email1())
                .when(new AddEmail(USER, ACCOUNT, newEmail(E2, "ann@work.example.org", false)))
                .expectEvents(email2())
                .expectResultMessagePayload(2L);
        assertThat(claims.claims).containsEntry("ann@work.example.org", USER);
    }

    @Test
    void addingAPrimaryEmailDemotesTheOldOne() {
        fixture.given(created(), email1())
                .when(new AddEmail(USER, ACCOUNT, newEmail(E2, "ann@work.example.org", true)))
                .expectEvents(new EmailAdded(USER, E2, "ann@work.example.org", true))
                .expectState(user -> assertThat(user.emails.all()).containsExactly(
                        new UserEmail(E1, "ann@example.com", false), new UserEmail(E2, "ann@work.example.org", true)));
    }

    @Test
    void cannotAddAnAddressTheUserAlreadyHas() {
        fixture.given(created(), email1())
                .when(new AddEmail(USER, ACCOUNT, newEmail(E2, "ann@example.com", false)))
                .expectException(usersError(INVALID, "already has email ann@example.com"));
    }

    @Test
    void cannotAddAnAddressAnotherUserHolds() {
        fixture.given(created(), email1())
                .when(new AddEmail(USER, ACCOUNT, newEmail(E2, "taken@example.com", false)))
                .expectException(usersError(CONFLICT, "email taken@example.com is already taken"))
                .expectNoEvents();
    }

    @Test
    void cannotAddInvalidEmail() {
        fixture.given(created(), email1())
                .when(new AddEmail(USER, ACCOUNT, newEmail(E2, "ann at example.com", false)))
                .expectException(usersError(INVALID, "'ann at example.com' is not a valid email address"));
    }

    @Test
    void removeEmailReleasesTheAddress() {
        claims.claims.put("ann@work.example.org", USER);
        fixture.given(created(), email1(), email2())
                .when(new RemoveEmail(USER, ACCOUNT, E2))
                .expectEvents(new EmailRemoved(USER, E2, "ann@work.example.org"))
                .expectResultMessagePayload(3L);
        assertThat(claims.claims).doesNotContainKey("ann@work.example.org");
    }

    @Test
    void removingPrimaryEmailWithOthersIsRejected() {
        fixture.given(created(), email1(), email2())
                .when(new RemoveEmail(USER, ACCOUNT, E1))
                .expectException(usersError(INVALID, "primary email ann@example.com", "make another email primary first"));
    }

    @Test
    void removingTheLastEmailIsRejected() {
        fixture.given(created(), email1())
                .when(new RemoveEmail(USER, ACCOUNT, E1))
                .expectException(usersError(INVALID, "only email"));
    }

    @Test
    void unknownEmailIsNotFound() {
        fixture.given(created(), email1())
                .when(new MakeEmailPrimary(USER, ACCOUNT, E3))
                .expectException(usersError(NOT_FOUND, "email " + E3 + " not found"));
    }

    @Test
    void makeEmailPrimary() {
        fixture.given(created(), email1(), email2())
                .when(new MakeEmailPrimary(USER, ACCOUNT, E2))
                .expectEvents(new PrimaryEmailChanged(USER, E2))
                .expectState(user -> assertThat(user.emails.primary()).get().extracting(UserEmail::id).isEqualTo(E2));
    }

    @Test
    void makingThePrimaryEmailPrimaryChangesNothing() {
        fixture.given(created(), email1(), email2())
                .when(new MakeEmailPrimary(USER, ACCOUNT, E1))
                .expectNoEvents()
                .expectResultMessagePayload(2L);
    }

    // ---- phones ------------------------------------------------------------------------------------------------

    @Test
    void firstPhoneBecomesPrimaryAndIsStoredCanonically() {
        fixture.given(created(), email1())
                .when(new AddPhone(USER, ACCOUNT, new NewPhone(P1, "+1 (201) 555-0123", "US", false, "sms")))
                .expectEvents(phone1())
                .expectResultMessagePayload(2L);
    }

    @Test
    void addingAPrimaryPhoneDemotesTheOldOne() {
        fixture.given(created(), email1(), phone1())
                .when(new AddPhone(USER, ACCOUNT, newPhone(P2, GB_NUMBER, true)))
                .expectEvents(new PhoneAdded(USER, P2, GB_NUMBER, "GB", true, null))
                .expectState(user -> assertThat(user.phones.primary()).get().extracting(UserPhone::id).isEqualTo(P2));
    }

    @Test
    void cannotAddInvalidPhoneNumber() {
        fixture.given(created(), email1())
                .when(new AddPhone(USER, ACCOUNT, newPhone(P1, "+1 555", false)))
                .expectException(usersError(INVALID, "phone '+1 555' is not a valid phone number"))
                .expectNoEvents();
    }

    @Test
    void cannotAddPhoneNumberNotInE164Form() {
        fixture.given(created(), email1())
                .when(new AddPhone(USER, ACCOUNT, newPhone(P1, "2015550123", false)))
                .expectException(usersError(INVALID, "phone '2015550123' is not a valid phone number"));
    }

    @Test
    void cannotAddTheSamePhoneNumberTwice() {
        fixture.given(created(), email1(), phone1())
                .when(new AddPhone(USER, ACCOUNT, newPhone(P2, "+1 201 555 0123", false)))
                .expectException(usersError(INVALID, "already has phone " + US_NUMBER));
    }

    @Test
    void removePhone() {
        fixture.given(created(), email1(), phone1(), phone2())
                .when(new RemovePhone(USER, ACCOUNT, P2))
                .expectEvents(new PhoneRemoved(USER, P2))
                .expectResultMessagePayload(4L);
    }

    @Test
    void removingPrimaryPhoneWithOthersIsRejected() {
        fixture.given(created(), email1(), phone1(), phone2())
                .when(new RemovePhone(USER, ACCOUNT, P1))
                .expectException(usersError(INVALID, "primary phone " + US_NUMBER, "make another phone primary first"));
    }

    @Test
    void removingTheLastPhoneIsFine() {
        fixture.given(created(), email1(), phone1())
                .when(new RemovePhone(USER, ACCOUNT, P1))
                .expectEvents(new PhoneRemoved(USER, P1))
                .expectState(user -> assertThat(user.phones.all()).isEmpty());
    }

    @Test
    void unknownPhoneIsNotFound() {
        fixture.given(created(), email1(), phone1())
                .when(new BlockPhone(USER, ACCOUNT, P3))
                .expectException(usersError(NOT_FOUND, "phone " + P3 + " not found"));
    }

    @Test
    void makePhonePrimary() {
        fixture.given(created(), email1(), phone1(), phone2())
                .when(new MakePhonePrimary(USER, ACCOUNT, P2))
                .expectEvents(new PrimaryPhoneChanged(USER, P2))
                .expectState(user -> assertThat(user.phones.primary()).get().extracting(UserPhone::id).isEqualTo(P2));
    }

    @Test
    void makingThePrimaryPhonePrimaryChangesNothing() {
        fixture.given(created(), email1(), phone1())
                .when(new MakePhonePrimary(USER, ACCOUNT, P1))
                .expectNoEvents();
    }

    @Test
    void blockAndUnblockPhone() {
        fixture.given(created(), email1(), phone1())
                .when(new BlockPhone(USER, ACCOUNT, P1))
                .expectEvents(new PhoneBlocked(USER, P1))
                .expectState(user -> assertThat(user.phones.require(P1).blocked()).isTrue());
        fixture.given(created(), email1(), phone1(), new PhoneBlocked(USER, P1))
                .when(new UnblockPhone(USER, ACCOUNT, P1))
                .expectEvents(new PhoneUnblocked(USER, P1))
                .expectResultMessagePayload(4L);
    }

    @Test
    void blockingABlockedPhoneOrUnblockingAnUnblockedOneChangesNothing() {
        fixture.given(created(), email1(), phone1(), new PhoneBlocked(USER, P1))
                .when(new BlockPhone(USER, ACCOUNT, P1))
                .expectNoEvents()
                .expectResultMessagePayload(3L);
        fixture.given(created(), email1(), phone1())
                .when(new UnblockPhone(USER, ACCOUNT, P1))
                .expectNoEvents();
    }

    // ---- roles -------------------------------------------------------------------------------------------------

    @Test
    void assignRolesSortsAndDeduplicates() {
        fixture.given(created(), email1())
                .when(new AssignRoles(USER, ACCOUNT, List.of("support", "billing", "support")))
                .expectEvents(new RolesAssigned(USER, List.of("billing", "support")))
                .expectResultMessagePayload(2L);
    }

    @Test
    void assigningTheSameRolesChangesNothing() {
        fixture.given(created(), email1(), new RolesAssigned(USER, List.of("admin", "billing")))
                .when(new AssignRoles(USER, ACCOUNT, List.of("billing", "admin")))
                .expectNoEvents();
    }

    @Test
    void assigningNoRolesClearsThem() {
        fixture.given(created(), email1(), new RolesAssigned(USER, List.of("admin")))
                .when(new AssignRoles(USER, ACCOUNT, List.of()))
                .expectEvents(new RolesAssigned(USER, List.of()));
    }

    @Test
    void rolesMustBeInTheAccountsCatalog() {
        fixture.given(created(), email1())
                .when(new AssignRoles(USER, ACCOUNT, List.of("admin", "wizard", "gardener")))
                .expectException(usersError(INVALID, "role 'wizard' does not exist in this account",
                        "role 'gardener' does not exist in this account"));
    }

    // ---- sign-in -----------------------------------------------------------------------------------------------

    @Test
    void recordSignIn() {
        fixture.given(created(), email1(), new UserSignedIn(USER, null, T1))
                .when(signIn(ACCOUNT, T2))
                .expectEvents(new UserSignedIn(USER, T1, T2))
                .expectResultMessagePayload(3L);
    }

    @Test
    void signInCannotMoveBackwards() {
        fixture.given(created(), email1(), new UserSignedIn(USER, null, T2))
                .when(signIn(ACCOUNT, T1))
                .expectException(usersError(INVALID, T1.toString(), T2.toString(), "cannot move backwards"));
    }

    @Test
    void signInAtTheSameInstantChangesNothing() {
        fixture.given(created(), email1(), new UserSignedIn(USER, null, T1))
                .when(signIn(ACCOUNT, T1))
                .expectNoEvents()
                .expectResultMessagePayload(2L);
    }

    // ---- ReviseUser --------------------------------------------------------------------------------------------

    @Test
    void reviseUserAppliesEveryStepInOrder() {
        claims.claims.put("ann@example.com", USER);
        fixture.given(created(), email1())
                .when(new ReviseUser(USER, ACCOUNT, List.of(
                        profile("Ann Smith", "Ann", "Smith"),
                        new AddEmail(USER, ACCOUNT, newEmail(E2, "ann@work.example.org", false)),
                        new MakeEmailPrimary(USER, ACCOUNT, E2),
                        new RemoveEmail(USER, ACCOUNT, E1),
                        new AddPhone(USER, ACCOUNT, newPhone(P1, GB_NUMBER, false)))))
                .expectEvents(new UserRenamed(USER, "Ann Smith", "Ann", "Smith"),
                        email2(),
                        new PrimaryEmailChanged(USER, E2),
                        new EmailRemoved(USER, E1, "ann@example.com"),
                        new PhoneAdded(USER, P1, GB_NUMBER, "GB", true, null))
                .expectResultMessagePayload(6L);
        assertThat(claims.claims).containsOnlyKeys("taken@example.com", "ann@work.example.org");
    }

    @Test
    void reviseUserIsAllOrNothing() {
        claims.claims.put("ann@example.com", USER);
        fixture.given(created(), email1())
                .when(new ReviseUser(USER, ACCOUNT, List.of(
                        new AddEmail(USER, ACCOUNT, newEmail(E2, "ann@work.example.org", true)),
                        new RemoveEmail(USER, ACCOUNT, E1),
                        new AddPhone(USER, ACCOUNT, newPhone(P1, "garbage", false)))))
                .expectException(usersError(INVALID, "phone 'garbage' is not a valid phone number"))
                .expectNoEvents();
        assertThat(claims.claims).containsOnlyKeys("taken@example.com", "ann@example.com");
    }

    @Test
    void reviseUserRejectsStepsForAnotherUserOrAccount() {
        fixture.given(created(), email1())
                .when(new ReviseUser(USER, ACCOUNT, List.of(
                        profile("Ann Smith", null, null),
                        signIn(OTHER_ACCOUNT, T1))))
                .expectException(usersError(INVALID, "revision step 2 is not for user " + USER))
                .expectNoEvents();
    }

    @Test
    void reviseUserCannotRemoveTheUser() {
        fixture.given(created(), email1())
                .when(new ReviseUser(USER, ACCOUNT, List.of(new RemoveUser(USER, ACCOUNT, T1))))
                .expectException(usersError(INVALID, "RemoveUser cannot be part of a revision"));
    }

    @Test
    void reviseAnotherAccountsUserIsNotFound() {
        fixture.given(created(), email1())
                .when(new ReviseUser(USER, OTHER_ACCOUNT, List.of(profile("X", null, null))))
                .expectException(usersError(NOT_FOUND, "user not found"));
    }

    @Test
    void userThatNeverExistedIsNotFound() {
        fixture.givenNoPriorActivity()
                .when(signIn(ACCOUNT, T1))
                .expectException(AggregateNotFoundException.class);
    }

    // ---- replacements (v4 update by id) ----------------------------------------------------------------------

    @Test
    void changingAnAddressKeepsItsIdAndPrimaryFlag() {
        fixture.given(created(), email1())
                .when(new ChangeEmailAddress(USER, ACCOUNT, E1, "ann@new.example.com"))
                .expectEvents(new EmailRemoved(USER, E1, "ann@example.com"),
                        new EmailAdded(USER, E1, "ann@new.example.com", true));
        assertThat(claims.claims).containsEntry("ann@new.example.com", USER).doesNotContainKey("ann@example.com");
    }

    @Test
    void cannotChangeAnAddressToATakenOne() {
        fixture.given(created(), email1())
                .when(new ChangeEmailAddress(USER, ACCOUNT, E1, "taken@example.com"))
                .expectException(usersError(CONFLICT, "taken@example.com"));
    }

    @Test
    void changingANumberKeepsPrimaryAndBlocked() {
        fixture.given(created(), email1(), phone1(), new PhoneBlocked(USER, P1))
                .when(new ChangePhoneNumber(USER, ACCOUNT, P1, newPhone(P1, GB_NUMBER, false)))
                .expectEvents(new PhoneRemoved(USER, P1), new PhoneAdded(USER, P1, GB_NUMBER, "GB", true, "sms"),
                        new PhoneBlocked(USER, P1));
    }

    @Test
    void makeAddressPrimaryAddsANewAddress() {
        fixture.given(created(), email1())
                .when(new MakeAddressPrimary(USER, ACCOUNT, "new@example.com", E3))
                .expectEvents(new EmailAdded(USER, E3, "new@example.com", true));
    }

    @Test
    void makeAddressPrimaryPromotesAnExistingAddress() {
        fixture.given(created(), email1(), email2())
                .when(new MakeAddressPrimary(USER, ACCOUNT, "ann@work.example.org", E3))
                .expectEvents(new PrimaryEmailChanged(USER, E2));
    }

    @Test
    void makeAddressPrimaryOfTheCurrentPrimaryChangesNothing() {
        fixture.given(created(), email1())
                .when(new MakeAddressPrimary(USER, ACCOUNT, "ann@example.com", E3))
                .expectNoEvents();
    }

    // ---- snapshots ---------------------------------------------------------------------------------------------

    @Test
    void stateSurvivesAJsonRoundTrip() {
        JsonMapper json = AggregateJson.fieldsOnly(JsonMapper.builder()).build();
        fixture.given(created(), email1(), email2(), phone1(), phone2(), new PhoneBlocked(USER, P2),
                        new RolesAssigned(USER, List.of("admin")), new UserSignedIn(USER, null, T1))
                .when(new UpdateProfile(USER, ACCOUNT, null, null, null, new TimeZoneSetting("London", "Europe/London"),
                        null, null, null, null, null, Map.of("team", "blue")))
                .expectState(user -> {
                    String written = json.writeValueAsString(user);
                    User read = json.readValue(written, User.class);
                    assertThat(json.writeValueAsString(read)).isEqualTo(written);
                    assertThat(read.phones.all()).isEqualTo(user.phones.all());
                    assertThat(read.emails.all()).isEqualTo(user.emails.all());
                    assertThat(read.lastSignInAt).isEqualTo(T1);
                    assertThat(written).doesNotContain("\"all\"");
                });
    }
}
