package dev.users.clientit;

import dev.users.client.ApiClient;
import dev.users.client.ApiException;
import dev.users.client.api.AccountUsersApi;
import dev.users.client.api.SignInsApi;
import dev.users.client.api.UsersApi;
import dev.users.client.api.V3UsersApi;
import dev.users.client.model.NewUser;
import dev.users.client.model.RecordSignInRequest;
import dev.users.client.model.SignInList;
import dev.users.client.model.User;
import dev.users.client.model.UserList;
import dev.users.client.model.UserParams;
import dev.users.client.model.UserParamsPhonesAttributesInner;
import dev.users.client.model.V3CreateUserRequest;
import dev.users.client.model.V3User;
import dev.users.client.model.V4Error;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The README's walk-through ("A walk-through with curl"), step by step, through the Java client openapi-generator
 * made from docs/openapi.json, against the built service: what a team adopting the service would do first.
 */
class ReadmeWalkThroughIT {

    private static final String KEY = "usk_walkthrough_key";
    private static RunningService service;
    private static ApiClient client;

    @BeforeAll
    static void start() throws Exception {
        service = RunningService.start(KEY);
        client = new ApiClient();
        client.updateBaseUri(service.baseUri());
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + KEY));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void theReadmeWalkThrough() throws ApiException {
        UsersApi users = new UsersApi(client);

        // create (the seed's own example): the user, 201
        User bobby = users.createUser(new NewUser().name("Bobby Hill").email("bobby@example.com"), null);
        assertThat(bobby.getName()).isEqualTo("Bobby Hill");
        assertThat(bobby.getPrefixId()).startsWith("usr_");
        assertThat(bobby.getEmails()).singleElement().satisfies(email -> {
            assertThat(email.getEmail()).isEqualTo("bobby@example.com");
            assertThat(email.getPrimary()).isTrue();
        });
        String id = bobby.getId().toString();

        // add a phone: no leading + means the account's default region (US); stored E.164 with its country
        User withPhone = users.updateUser(id, new UserParams().phonesAttributes(List.of(
                new UserParamsPhonesAttributesInner().phone("(415) 555-2671").primary(true))), null);
        assertThat(withPhone.getPhones()).singleElement().satisfies(phone -> {
            assertThat(phone.getPhone()).isEqualTo("+14155552671");
            assertThat(phone.getCountry()).isEqualTo("US");
        });

        // list: pagination and sort, and the search
        UserList page = users.listUsers(20, null, 1, "name", "asc", null, null);
        assertThat(page.getTotalCount()).isEqualTo(1);
        assertThat(page.getHasMore()).isFalse();
        assertThat(page.getData()).extracting(User::getId).containsExactly(bobby.getId());
        assertThat(users.listUsers(null, null, null, null, null, "Bob", null).getData()).hasSize(1);
        assertThat(users.listUsers(null, null, null, null, null, "Nobody", null).getData()).isEmpty();

        // retrieve by id or prefix id
        assertThat(users.retrieveUser(id, null, null, null).getPhones()).hasSize(1);
        assertThat(users.retrieveUser(bobby.getPrefixId(), null, null, null).getId()).isEqualTo(bobby.getId());

        // record sign-ins and read the audit
        SignInsApi signIns = new SignInsApi(client);
        OffsetDateTime at = OffsetDateTime.parse("2026-01-15T09:00:00Z");
        User signedIn = signIns.recordSignIn(id, null, new RecordSignInRequest().at(at));
        assertThat(signedIn.getLastSignInAt()).isEqualTo(at);
        // no `at`: now (an empty object; the generated client would send the JSON null for no body, a 400)
        signIns.recordSignIn(id, null, new RecordSignInRequest());
        SignInList audit = signIns.listUserSignIns(id, null, null, null, null, null);
        assertThat(audit.getTotalCount()).isEqualTo(2);
        assertThat(signIns.listAccountSignIns("2026-01-01T00:00:00Z", null, null, null, null).getTotalCount())
                .isEqualTo(2);

        // the same users through IMCO's v3 surface: list, create with a role, delete
        V3UsersApi v3 = new V3UsersApi(client);
        assertThat(v3.v3ListUsers(null, null)).extracting(V3User::getFirstName).containsExactly("Bobby");
        V3User peggy = v3.v3CreateUser(new V3CreateUserRequest().firstName("Peggy").lastName("Hill")
                .roleIds(List.of("admin")).timezone("Central Time (US & Canada)"), null);
        assertThat(peggy.getRoles()).containsExactly("admin");
        assertThat(users.retrieveUser(peggy.getId().toString(), null, null, null).getName()).isEqualTo("Peggy Hill");
        v3.v3DeleteUser(peggy.getId().toString(), null);

        // then 404 on both surfaces, each in its own error format
        ApiException v4Gone = catchThrowableOfType(ApiException.class,
                () -> users.retrieveUser(peggy.getId().toString(), null, null, null));
        assertThat(v4Gone.getCode()).isEqualTo(404);
        V4Error error = read(v4Gone.getResponseBody(), V4Error.class);
        assertThat(error.getCode()).isEqualTo(404);
        assertThat(error.getErrors()).singleElement().satisfies(e -> assertThat(e.getMessage()).contains("not found"));
        ApiException v3Gone = catchThrowableOfType(ApiException.class,
                () -> v3.v3ShowUser(peggy.getId().toString(), null, null, null));
        assertThat(v3Gone.getCode()).isEqualTo(404);
        assertThat(read(v3Gone.getResponseBody(), dev.users.client.model.V3Error.class).getError())
                .contains("not found");

        // v4 deletes through the account user; a user's DELETE is PagerTree's 405
        assertThat(catchThrowableOfType(ApiException.class, () -> users.deleteUser(id)).getCode()).isEqualTo(405);
        new AccountUsersApi(client).deleteAccountUser(id, null);
        assertThat(users.listUsers(null, null, null, null, null, null, null).getTotalCount()).isZero();
    }

    private static <T> T read(String body, Class<T> type) {
        try {
            return client.getObjectMapper().readValue(body, type);
        } catch (java.io.IOException e) {
            throw new AssertionError("not a " + type.getSimpleName() + ": " + body, e);
        }
    }
}
