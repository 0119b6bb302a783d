package dev.users.app.tls;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code users.tls.*}: client certificates ({@link ClientCertificateAuthority}).
 *
 * @param clientCa PEM file (or location, or PEM text) of the authority whose client certificates the service asks for and trusts; unset: none asked for
 */
@ConfigurationProperties("users.tls")
public record TlsSettings(String clientCa) {
}
