package dev.users.query.directory;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import static dev.users.query.list.SqlValues.instant;

/** Reads {@code user_directory} rows into {@link UserRow}s. */
@Component
public class UserRows {

    public static final String COLUMNS = "user_id, account_id, tiny_id, name, first_name, last_name, time_zone, "
            + "time_zone_id, preferred_language, last_sign_in_at, notify_push, notify_email, notify_sms, notify_voice, "
            + "meta, roles, team_ids, emails, phones, created_at, updated_at, version";

    /** The jsonb children are written with snake_case keys ({@code prefix_id}), as the API shows them. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
    private static final TypeReference<List<UserRow.Email>> EMAILS = new TypeReference<>() { };
    private static final TypeReference<List<UserRow.Phone>> PHONES = new TypeReference<>() { };
    /** jsonb keeps no key order; sorted keys make the rendered meta stable. */
    private static final TypeReference<TreeMap<String, String>> META = new TypeReference<>() { };

    /** Maps a row selected with {@link #COLUMNS}. */
    public static final RowMapper<UserRow> MAPPER = UserRows::map;

    private final JdbcClient jdbc;

    public UserRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The user whatever its account: the caller decides what another account's user means. */
    public Optional<UserRow> find(UUID userId) {
        return jdbc.sql("select " + COLUMNS + " from user_directory where user_id = ?")
                .param(userId).query(MAPPER).optional();
    }

    public Optional<UserRow> find(UUID accountId, UUID userId) {
        return find(userId).filter(row -> row.accountId().equals(accountId));
    }

    public boolean exists(UUID accountId, UUID userId) {
        return jdbc.sql("select count(*) from user_directory where user_id = ? and account_id = ?")
                .params(userId, accountId).query(Long.class).single() > 0;
    }

    private static UserRow map(ResultSet rs, int rowNum) throws SQLException {
        return new UserRow(rs.getObject("user_id", UUID.class), rs.getObject("account_id", UUID.class),
                rs.getLong("tiny_id"), rs.getString("name"), rs.getString("first_name"), rs.getString("last_name"),
                rs.getString("time_zone"), rs.getString("time_zone_id"), rs.getString("preferred_language"),
                instant(rs, "last_sign_in_at"), rs.getBoolean("notify_push"), rs.getBoolean("notify_email"),
                rs.getBoolean("notify_sms"), rs.getBoolean("notify_voice"),
                JSON.readValue(rs.getString("meta"), META),
                texts(rs.getArray("roles")), texts(rs.getArray("team_ids")),
                JSON.readValue(rs.getString("emails"), EMAILS),
                JSON.readValue(rs.getString("phones"), PHONES), instant(rs, "created_at"),
                instant(rs, "updated_at"), rs.getLong("version"));
    }

    private static List<String> texts(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
