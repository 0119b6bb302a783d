package dev.users.app.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The event processors' token claims ({@code tokenentry.owner}) left by a service that died: a processor only takes
 * over another node's claim once it is older than Axon's claim timeout (10 s), and until then every write answers
 * 202 (its read model does not catch up). Released when the embedded server starts, before the processors do: with
 * the {@link DataDirectoryLock} held, no other node can be using this database, so every claim in it is abandoned.
 * A clean stop releases its claims itself, and then this changes nothing.
 */
final class AbandonedTokenClaims {

    private AbandonedTokenClaims() {
    }

    static void release(EmbeddedPostgres postgres, RecoveryNotes notes) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            if (!tokenTableExists(statement)) {
                return; // a new store: Flyway creates the table later
            }
            int released = statement.executeUpdate("UPDATE tokenentry SET owner = NULL WHERE owner IS NOT NULL");
            if (released > 0) {
                notes.add("Released " + released + " event processor token claim(s) of a service that did not stop "
                        + "cleanly");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot release the token claims of a previous run", e);
        }
    }

    private static boolean tokenTableExists(Statement statement) throws SQLException {
        try (ResultSet result = statement.executeQuery("SELECT to_regclass('public.tokenentry') IS NOT NULL")) {
            return result.next() && result.getBoolean(1);
        }
    }
}
