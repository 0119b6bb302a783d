package dev.users.app.mail;

import dev.users.app.axon.StoreEventSource;
import dev.users.command.web.InvitationTokens;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * The e-mails, only when an SMTP server is configured ({@code spring.mail.host}, Spring Boot's mail settings):
 * without one there is no mailer at all, and the invitations are in the event stream for a downstream mailer.
 * The mailer's processor has a token of its own ({@link #GROUP}) and starts, the first time, at the head of the
 * store: turning mail on never mails the invitations of the past.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("spring.mail.host")
@EnableConfigurationProperties(MailSettings.class)
public class MailConfiguration {

    public static final String GROUP = "invitation-mail";

    @Bean
    InvitationMailer invitationMailer(JavaMailSender sender, InvitationTokens tokens, MailSettings settings) {
        return new InvitationMailer(sender, tokens, settings);
    }

    @Bean
    ConfigurerModule invitationMailProcessor(ObjectProvider<StoreEventSource> source) {
        return configurer -> configurer.eventProcessing().registerTrackingEventProcessor(GROUP,
                c -> source.getObject(),
                c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andInitialTrackingToken(StreamableMessageSource::createHeadToken));
    }
}
