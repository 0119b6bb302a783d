package dev.users.app.mail;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.users.app.auth.Accounts;
import dev.users.app.auth.ApiKeys;
import dev.users.app.support.ApiTest;
import dev.users.app.support.Http;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The e-mails through a real SMTP server in the test's process (GreenMail): a new user's welcome, the invitation
 * with its signed links (answered here without an API key), the welcome once accepted; and a mail server that is
 * gone fails no write.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"USERS_BOOTSTRAP_API_KEY=" + ApiTest.BOOTSTRAP_KEY, "spring.mail.host=localhost",
                "spring.mail.properties.mail.smtp.connectiontimeout=2000", "users.mail.from=users@example.com",
                "users.mail.link-base=https://users.example.com/"})
@ActiveProfiles("test")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InvitationMailTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Pattern ACCEPT = Pattern.compile("https://users\\.example\\.com(/invitations/[^/\\s]+)/accept");

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    ApiKeys apiKeys;

    private Http account() {
        UUID id = accounts.create("mail-" + UUID.randomUUID(), "US");
        return new Http(port, apiKeys.issue(id, "test", null, true));
    }

    private List<MimeMessage> mailTo(String address) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                        .anyMatch(r -> r.toString().equalsIgnoreCase(address));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private MimeMessage awaitMail(String address, String subject) {
        return await().atMost(WAIT).until(() -> mailTo(address).stream().filter(m -> {
            try {
                return subject.equals(m.getSubject());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).findFirst().orElse(null), m -> m != null);
    }

    @Test
    @Order(1)
    void aNewUserIsWelcomedAndAnInvitedPersonAcceptsThroughTheMailedLink() throws Exception {
        Http home = account();
        Http member = account();
        String email = "mailed-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        assertThat(home.post("/api/v4/users", Map.of("name", "Mia Mailed", "email", email)).status()).isEqualTo(201);
        MimeMessage welcome = awaitMail(email, "Welcome");
        assertThat(welcome.getFrom()[0].toString()).isEqualTo("users@example.com");
        assertThat(GreenMailUtil.getBody(welcome)).doesNotContainIgnoringCase("password:");

        var invited = member.post("/api/v4/account_users", Map.of("user_attributes", Map.of("name", "Mia",
                "emails_attributes", List.of(Map.of("email", email)))));
        assertThat(invited.status()).isEqualTo(202);
        String acu = invited.json().path("prefix_id").asString();
        MimeMessage invitation = awaitMail(email, "You are invited to join an account");
        Matcher link = ACCEPT.matcher(GreenMailUtil.getBody(invitation).replace("=\r\n", ""));
        assertThat(link.find()).as(GreenMailUtil.getBody(invitation)).isTrue();

        var accepted = new Http(port, null).post(link.group(1) + "/accept", Map.of());
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        await().atMost(WAIT).until(() -> member.get("/api/v4/account_users/" + acu).json().path("state")
                .asString(), "accepted"::equals);
        awaitMail(email, "Welcome to your new account");
        // the link answers once
        assertThat(new Http(port, null).post(link.group(1) + "/decline", Map.of()).status()).isEqualTo(409);
    }

    @Test
    @Order(2)
    void aMailServerThatIsGoneFailsNoWrite() {
        SMTP.stop();
        Http home = account();
        Http member = account();
        String email = "unmailed-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        assertThat(home.post("/api/v4/users", Map.of("name", "Una Unmailed", "email", email)).status())
                .isEqualTo(201);
        var invited = member.post("/api/v4/users", Map.of("name", "Una", "email", email));
        assertThat(invited.status()).isEqualTo(202);
        String acu = invited.json().path("prefix_id").asString();
        await().atMost(WAIT).until(() -> member.get("/api/v4/account_users/" + acu).json().path("state")
                .asString(), "pending"::equals);
    }
}
