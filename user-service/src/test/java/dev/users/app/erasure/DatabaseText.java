package dev.users.app.erasure;

import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSetMetaData;
import java.util.HexFormat;
import java.util.List;

/**
 * Every row of every table of the database as text, the way a full dump holds it: each value as PostgreSQL writes it
 * as text, and each bytea also decoded as UTF-8 (the events' JSON) beside its hex.
 */
final class DatabaseText {

    private DatabaseText() {
    }

    static List<String> tables(JdbcTemplate jdbc) {
        return jdbc.queryForList("select quote_ident(table_schema) || '.' || quote_ident(table_name)"
                + " from information_schema.tables where table_type = 'BASE TABLE'"
                + " and table_schema not in ('pg_catalog', 'information_schema') order by 1", String.class);
    }

    static String dump(JdbcTemplate jdbc) {
        StringBuilder text = new StringBuilder();
        for (String table : tables(jdbc)) {
            text.append("== ").append(table).append('\n');
            jdbc.query("select * from " + table, rs -> {
                ResultSetMetaData meta = rs.getMetaData();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    if ("bytea".equals(meta.getColumnTypeName(i))) {
                        byte[] bytes = rs.getBytes(i);
                        if (bytes != null) {
                            text.append(new String(bytes, StandardCharsets.UTF_8)).append('\t')
                                    .append(HexFormat.of().formatHex(bytes)).append('\t');
                        }
                    } else {
                        text.append(rs.getString(i)).append('\t');
                    }
                }
                text.append('\n');
            });
        }
        return text.toString();
    }
}
