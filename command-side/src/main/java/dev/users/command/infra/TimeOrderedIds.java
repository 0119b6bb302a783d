package dev.users.command.infra;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

import java.util.UUID;

/**
 * New user ids and event ids: UUID version 7 (RFC 9562), whose leading bits are the creation time in milliseconds.
 * Both are keys of b-trees that grow with every create (the event table's two unique indexes, the read models'
 * primary keys); a random id sends each insert to a random leaf of an index that soon outgrows PostgreSQL's buffers,
 * a time-ordered one to the few leaves at its right edge.
 */
public final class TimeOrderedIds {

    // thread-safe: the generator serialises its clock and counter itself
    private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

    private TimeOrderedIds() {
    }

    public static UUID next() {
        return GENERATOR.generate();
    }
}
