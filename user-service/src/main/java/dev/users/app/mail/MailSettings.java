package dev.users.app.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code users.mail}: the sender address of the invitation and welcome e-mails, and the base URL their links start
 * with (the service's public address: the links are {@code <link-base>/invitations/<token>/accept}).
 */
@ConfigurationProperties("users.mail")
public record MailSettings(@DefaultValue(FROM) String from, @DefaultValue(LINK_BASE) String linkBase) {

    private static final String FROM = "users@localhost";
    private static final String LINK_BASE = "http://localhost:8080";

    /**
     * @param from     sender of the invitation and welcome e-mails; blank: the default
     * @param linkBase the service's public address, which the invitation links start with; blank: the default
     */
    public MailSettings {
        from = from == null || from.isBlank() ? FROM : from;
        linkBase = linkBase == null || linkBase.isBlank() ? LINK_BASE : linkBase.replaceAll("/+$", "");
    }
}
