package dev.users.command.domain;

import dev.users.roles.PredefinedRoles;

import java.util.Set;
import java.util.UUID;

/** The role names an account may assign: the {@link #PREDEFINED} ones plus the account's own. */
public interface RoleCatalog {

    Set<String> PREDEFINED = Set.copyOf(PredefinedRoles.names());

    /** Every role name that exists in {@code accountId}'s catalog, predefined ones included. */
    Set<String> roleNames(UUID accountId);
}
