package dev.users.command.infra;

import org.axonframework.common.IdentifierFactory;

/**
 * Axon's identifiers (event ids above all) as time-ordered UUIDs, see {@link TimeOrderedIds}. Axon finds it through
 * Java's ServiceLoader (META-INF/services/org.axonframework.common.IdentifierFactory).
 */
public final class TimeOrderedIdentifierFactory extends IdentifierFactory {

    @Override
    public String generateIdentifier() {
        return TimeOrderedIds.next().toString();
    }
}
