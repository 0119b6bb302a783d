package dev.users.command.infra;

import dev.users.command.domain.TinyIds;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@link TinyIds} from the {@code user_tiny_id_seq} sequence, a block at a time: the sequence moves by
 * {@link #BLOCK} (migration V8) and each value {@code hi} it hands out stands for the ids {@code hi-BLOCK+1 .. hi},
 * so a create costs a round trip to PostgreSQL only once in {@code BLOCK} times. Ids stay unique across nodes and are
 * never reused; a restart skips what was left of its block, and with several nodes ids are not in creation order.
 */
@Component
public class JdbcTinyIds implements TinyIds {

    /** Must equal the sequence's INCREMENT BY (V8__tiny_id_blocks.sql). */
    static final int BLOCK = 20;

    private final JdbcTemplate jdbc;
    private long next;
    private long last = -1;

    public JdbcTinyIds(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public synchronized long next() {
        if (next > last) {
            long hi = nextBlockEnd();
            next = Math.max(1, hi - BLOCK + 1); // the sequence's very first value (1) stands for itself alone
            last = hi;
        }
        return next++;
    }

    private long nextBlockEnd() {
        Long hi = jdbc.queryForObject("select nextval('user_tiny_id_seq')", Long.class);
        if (hi == null) {
            throw new IllegalStateException("user_tiny_id_seq returned no value");
        }
        return hi;
    }
}
