package dev.users.command.infra;

import dev.users.command.domain.UserLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/** The {@code users.limits.*} settings and their defaults, handed to the aggregate as a plain {@link UserLimits}. */
@ConfigurationProperties("users.limits")
public record UserLimitsSettings(@DefaultValue("20") int emails,
                                 @DefaultValue("20") int phones,
                                 @DefaultValue("50") int roles,
                                 @DefaultValue("100") int teamIds,
                                 @DefaultValue("100") int teamIdLength,
                                 @DefaultValue("50") int metaKeys,
                                 @DefaultValue("100") int metaKeyLength,
                                 @DefaultValue("1000") int metaValueLength,
                                 @DefaultValue("5m") Duration signInSkew) {

    UserLimits limits() {
        return new UserLimits(emails, phones, roles, teamIds, teamIdLength, metaKeys, metaKeyLength, metaValueLength,
                signInSkew);
    }
}
