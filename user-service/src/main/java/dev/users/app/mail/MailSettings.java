package dev.users.app.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code users.mail}: the sender address of the invitation and welcome e-mails, and the base URL their links start
 * with (the service's public address: the links are {@code <link-base>/invitations/<token>/accept}).
 */
@ConfigurationProperties("users.mail")
public record MailSettings(String from, String linkBase) {

    public MailSettings {
        from = from == null || from.isBlank() ? "users@localhost" : from;
        linkBase = linkBase == null || linkBase.isBlank() ? "http://localhost:8080"
                : linkBase.replaceAll("/+$", "");
    }
}
