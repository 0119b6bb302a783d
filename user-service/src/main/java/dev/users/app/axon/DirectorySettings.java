package dev.users.app.axon;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code users.directory.*}: the read models' processor ({@code user-directory}).
 *
 * @param batchSize at most this many events per read-model transaction
 */
@ConfigurationProperties("users.directory")
public record DirectorySettings(@DefaultValue("500") int batchSize) {
}
