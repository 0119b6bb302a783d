package dev.users.query.directory;

import dev.users.query.list.SqlValues;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ObjLongConsumer;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import static dev.users.query.list.SqlValues.array;
import static dev.users.query.list.SqlValues.instant;
import static dev.users.query.list.SqlValues.iso;
import static dev.users.query.list.SqlValues.storable;

/**
 * One column of the directory's tables, declared once ({@link DirectoryColumns}, {@link RowChange}): its name, its
 * SQL type, and how a {@link DirectoryRow}'s value travels to it and back. Bound as a statement's parameter, put in
 * the JSON from which {@code jsonb_to_recordset} makes rows ({@link #insertFromJson}), read from a result set, and
 * made storable ({@code SqlValues.storable}) before it is written. There is a factory per kind of value, so that a
 * flag or a number is bound with the driver's primitive setter: nothing is boxed on the way to a statement.
 */
final class Column {

    /** The jsonb values, children with snake_case keys ({@code prefix_id}) as the API shows them. */
    static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

    final String name;
    final String type;
    private final Bind bind;
    private final Function<DirectoryRow, Object> json;
    private final Read read;
    /** Null when the column holds no text. */
    private final Consumer<DirectoryRow> makeStorable;

    private Column(String name, String type, Bind bind, Function<DirectoryRow, Object> json, Read read,
                   Consumer<DirectoryRow> makeStorable) {
        this.name = name;
        this.type = type;
        this.bind = bind;
        this.json = json;
        this.read = read;
        this.makeStorable = makeStorable;
    }

    static Column uuid(String name, Function<DirectoryRow, UUID> get, BiConsumer<DirectoryRow, UUID> set) {
        return new Column(name, "uuid", (ps, i, row) -> ps.setObject(i, get.apply(row)), get::apply,
                (rs, row) -> set.accept(row, rs.getObject(name, UUID.class)), null);
    }

    static Column number(String name, ToLongFunction<DirectoryRow> get, ObjLongConsumer<DirectoryRow> set) {
        return new Column(name, "bigint", (ps, i, row) -> ps.setLong(i, get.applyAsLong(row)), get::applyAsLong,
                (rs, row) -> set.accept(row, rs.getLong(name)), null);
    }

    static Column flag(String name, Predicate<DirectoryRow> get, FlagSetter set) {
        return new Column(name, "boolean", (ps, i, row) -> ps.setBoolean(i, get.test(row)), get::test,
                (rs, row) -> set.set(row, rs.getBoolean(name)), null);
    }

    static Column text(String name, Function<DirectoryRow, String> get, BiConsumer<DirectoryRow, String> set) {
        return new Column(name, "text", (ps, i, row) -> ps.setString(i, get.apply(row)), get::apply,
                (rs, row) -> set.accept(row, rs.getString(name)), row -> set.accept(row, storable(get.apply(row))));
    }

    /** Bound as an OffsetDateTime (the driver cannot bind an Instant); in JSON as ISO-8601, read exactly. */
    static Column timestamp(String name, Function<DirectoryRow, Instant> get, BiConsumer<DirectoryRow, Instant> set) {
        return new Column(name, "timestamptz",
                (ps, i, row) -> ps.setObject(i, SqlValues.timestamp(get.apply(row)), Types.TIMESTAMP_WITH_TIMEZONE),
                row -> iso(get.apply(row)), (rs, row) -> set.accept(row, instant(rs, name)), null);
    }

    static Column texts(String name, Function<DirectoryRow, List<String>> get,
                        BiConsumer<DirectoryRow, List<String>> set) {
        return new Column(name, "text[]", (ps, i, row) -> ps.setArray(i, array(ps, "text", get.apply(row))),
                get::apply, (rs, row) -> set.accept(row, texts(rs.getArray(name))),
                row -> set.accept(row, storable(get.apply(row))));
    }

    /**
     * A value kept as jsonb, read back as {@code type}; {@code storable} returns it with every text storable. Bound
     * as text (its placeholder casts it, see {@link #placeholder()}).
     */
    static <T> Column jsonb(String name, TypeReference<? extends T> type, Function<DirectoryRow, T> get,
                            BiConsumer<DirectoryRow, T> set, UnaryOperator<T> storable) {
        return new Column(name, "jsonb", (ps, i, row) -> ps.setString(i, JSON.writeValueAsString(get.apply(row))),
                get::apply, (rs, row) -> set.accept(row, JSON.readValue(rs.getString(name), type)),
                row -> set.accept(row, storable.apply(get.apply(row))));
    }

    /**
     * A column whose value is computed from the row and only ever written through JSON (the lookup table's, see
     * {@link DirectoryLookup}): never bound, never read back.
     */
    static Column computed(String name, String type, Function<DirectoryRow, Object> value) {
        return new Column(name, type, null, value, null, null);
    }

    void bind(PreparedStatement ps, int index, DirectoryRow row) throws SQLException {
        bind.bind(ps, index, row);
    }

    void read(ResultSet rs, DirectoryRow row) throws SQLException {
        read.read(rs, row);
    }

    boolean holdsText() {
        return makeStorable != null;
    }

    /** Only for a column that {@link #holdsText()}. */
    void makeStorable(DirectoryRow row) {
        makeStorable.accept(row);
    }

    /** The placeholder of this column's value in a statement: jsonb travels as text and is cast. */
    String placeholder() {
        return type.equals("jsonb") ? "cast(? as jsonb)" : "?";
    }

    static String names(List<Column> columns) {
        return columns.stream().map(column -> column.name).collect(Collectors.joining(", "));
    }

    static String placeholders(List<Column> columns) {
        return columns.stream().map(Column::placeholder).collect(Collectors.joining(", "));
    }

    /**
     * An INSERT of {@code columns} from one JSON array of objects, one per row ({@link #json}), that PostgreSQL turns
     * into rows ({@code jsonb_to_recordset}): a batch's rows in one statement, one parameter, whatever their number.
     */
    static String insertFromJson(String table, List<Column> columns) {
        String names = names(columns);
        return "insert into " + table + " (" + names + ") select " + names
                + " from jsonb_to_recordset(cast(? as jsonb)) as r("
                + columns.stream().map(column -> column.name + " " + column.type).collect(Collectors.joining(", "))
                + ")";
    }

    /** The parameter of {@link #insertFromJson}: per row, an object with a member per column. */
    static String json(List<Column> columns, Collection<DirectoryRow> rows) {
        List<Map<String, Object>> json = new ArrayList<>(rows.size());
        for (DirectoryRow row : rows) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                Column column = columns.get(i);
                values.put(column.name, column.json.apply(row));
            }
            json.add(values);
        }
        return JSON.writeValueAsString(json);
    }

    private static List<String> texts(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    @FunctionalInterface
    interface FlagSetter {
        void set(DirectoryRow row, boolean value);
    }

    @FunctionalInterface
    private interface Bind {
        void bind(PreparedStatement ps, int index, DirectoryRow row) throws SQLException;
    }

    @FunctionalInterface
    private interface Read {
        void read(ResultSet rs, DirectoryRow row) throws SQLException;
    }
}
