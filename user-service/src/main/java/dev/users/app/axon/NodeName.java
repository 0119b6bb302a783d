package dev.users.app.axon;

import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;
import java.util.UUID;

/**
 * The name this service instance claims event-processor segments with ({@code tokenentry.owner}), one per
 * application context. Axon's JdbcTokenStore defaults to the JVM's name ({@code pid@host}), which is not one per
 * node: two contexts in one JVM have the same, and so do two containers that both run the JVM as pid 1 under the
 * same host name. Two nodes of one name each take the other's claim for its own, and both apply every event to the
 * read models. The JVM's name stays in front, for an operator reading the table; the random part after it makes it
 * this instance's alone.
 */
@Component
public class NodeName {

    private final String value = ManagementFactory.getRuntimeMXBean().getName() + "/"
            + UUID.randomUUID().toString().substring(0, 8);

    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
