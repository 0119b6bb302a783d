package dev.users.app.roles;

import java.util.Locale;
import java.util.Set;

/**
 * What this process does ({@code users.role}): {@code all} (the default, one process does everything),
 * {@code command} (the writes of both surfaces; no read-model processor) or {@code query} (the reads, and the
 * processor that builds the read models). Split roles share one PostgreSQL; a gateway sends each request to its
 * role by method (docker-compose's split profile). A write on a command node still answers once the read model has
 * it: it polls the shared tables the query node's processor writes.
 */
public enum ServiceRole {
    ALL, COMMAND, QUERY;

    private static final Set<String> READS = Set.of("GET", "HEAD");

    public static ServiceRole parse(String setting) {
        try {
            return valueOf(setting.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("users.role must be all, command or query, not '" + setting + "'");
        }
    }

    /** Whether a request of this method, to either API surface, is this role's. */
    public boolean serves(String method) {
        boolean read = READS.contains(method);
        return this == ALL || (this == QUERY) == read;
    }

    /** Whether this process runs the read models' processor. */
    public boolean runsProcessors() {
        return this != COMMAND;
    }

    public String setting() {
        return name().toLowerCase(Locale.ROOT);
    }
}
