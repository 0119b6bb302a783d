package dev.users.command.domain;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** {@link TinyIds} from the {@code user_tiny_id_seq} sequence (values are never reused, even on rollback). */
@Component
public class JdbcTinyIds implements TinyIds {

    private final JdbcTemplate jdbc;

    public JdbcTinyIds(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long next() {
        Long next = jdbc.queryForObject("select nextval('user_tiny_id_seq')", Long.class);
        if (next == null) {
            throw new IllegalStateException("user_tiny_id_seq returned no value");
        }
        return next;
    }
}
