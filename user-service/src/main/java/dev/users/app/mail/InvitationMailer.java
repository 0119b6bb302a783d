package dev.users.app.mail;

import dev.users.command.web.InvitationTokens;
import dev.users.events.EmailAdded;
import dev.users.events.MembershipAccepted;
import dev.users.events.MembershipInvited;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sends the invitation and welcome e-mails, on a tracking processor of its own ({@link MailConfiguration}): the
 * write that caused them committed long before, so a mail server that is down or refuses never fails a write. A
 * message that cannot be sent is logged and not retried (the event stays in the store, for a downstream mailer).
 * <ul>
 *   <li>invitation ({@link MembershipInvited}): to the address the invitation was made with, with the signed links
 *       that accept or decline it ({@link InvitationTokens});</li>
 *   <li>welcome, for a new user: to the first address the user was created with (the event right after
 *       {@code UserCreated}); no password, the service keeps none;</li>
 *   <li>welcome to the account, once the person accepted an invitation: to the invitation's address.</li>
 * </ul>
 */
@ProcessingGroup(MailConfiguration.GROUP)
public class InvitationMailer {

    private static final Logger LOG = LoggerFactory.getLogger(InvitationMailer.class);

    private final JavaMailSender sender;
    private final InvitationTokens tokens;
    private final MailSettings settings;
    /** Invitation addresses by membership, for the welcome after acceptance; a restart forgets them (no welcome). */
    private final Map<UUID, String> invitedAddresses = new ConcurrentHashMap<>();

    InvitationMailer(JavaMailSender sender, InvitationTokens tokens, MailSettings settings) {
        this.sender = sender;
        this.tokens = tokens;
        this.settings = settings;
    }

    @EventHandler
    public void on(MembershipInvited event) {
        invitedAddresses.put(event.membershipId(), event.email());
        String token = tokens.issue(new InvitationTokens.Invitation(event.membershipId(), event.userId(),
                event.accountId()));
        String links = settings.linkBase() + "/invitations/" + token;
        send(event.email(), "You are invited to join an account",
                "An account invited you to join it as one of its users.\n\n"
                        + "Accept (POST):  " + links + "/accept\n"
                        + "Decline (POST): " + links + "/decline\n\n"
                        + "If you did not expect this invitation, you can ignore this message.\n");
    }

    @EventHandler
    public void on(MembershipAccepted event) {
        String address = invitedAddresses.remove(event.membershipId());
        if (address != null) {
            send(address, "Welcome to your new account",
                    "You accepted the invitation and are now one of the account's users.\n");
        }
    }

    /** The first address of a new user: the event right after its creation (sequence 0). */
    @EventHandler
    public void on(EmailAdded event, @SequenceNumber long sequence) {
        if (sequence == 1) {
            send(event.address(), "Welcome", "An account added you as one of its users. This service keeps no"
                    + " password for you: sign in the way your account provides.\n");
        }
    }

    private void send(String to, String subject, String text) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(settings.from());
        message.setTo(to);
        message.setSubject(subject);
        message.setText(text);
        try {
            sender.send(message);
        } catch (MailException e) {
            LOG.warn("could not send \"{}\" to {}: {}", subject, to, e.getMessage());
        }
    }
}
