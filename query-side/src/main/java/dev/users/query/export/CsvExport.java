package dev.users.query.export;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

/**
 * Writes an export ({@code Accept: text/csv}) straight to the response while its rows are read: RFC 4180 (commas,
 * CRLF, quotes doubled, a cell quoted when it holds a comma, quote or line break), a header row, every cell through
 * {@link CsvCells}. The rows are read in one read-only transaction, because PostgreSQL's driver reads a result
 * {@link #FETCH_SIZE} rows at a time (a cursor) only outside auto-commit; otherwise it would load the whole result
 * first. So an export of any length holds one fetch of rows and one output buffer, never the result.
 */
@Component
public class CsvExport {

    public static final String MEDIA_TYPE = "text/csv";
    /** Rows per round trip of a cursor: large enough to stream fast, small enough to keep nothing big in memory. */
    public static final int FETCH_SIZE = 1000;
    private static final int BUFFER = 64 * 1024;
    private static final CSVFormat FORMAT = CSVFormat.RFC4180;

    private final TransactionTemplate readOnly;

    public CsvExport(PlatformTransactionManager transactions) {
        this.readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
    }

    /** A template whose queries read {@link #FETCH_SIZE} rows at a time (inside {@link #write}'s transaction). */
    public static NamedParameterJdbcTemplate cursor(DataSource dataSource) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.setFetchSize(FETCH_SIZE);
        return new NamedParameterJdbcTemplate(jdbc);
    }

    /** One row of an export: its cells in the header's order. */
    public interface Rows {
        void row(Object... cells);
    }

    /**
     * Answers 200 with the header and the rows {@code reader} hands over (inside the transaction). A failure after
     * the first bytes cannot become an error answer any more: the connection is then closed mid-body, which a
     * client sees as a truncated download rather than a complete-looking file.
     */
    public void write(HttpServletResponse response, String fileName, List<String> header, Consumer<Rows> reader)
            throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(MEDIA_TYPE + "; charset=UTF-8; header=present");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8),
                BUFFER);
        CSVPrinter printer = new CSVPrinter(out, FORMAT);
        printer.printRecord(header);
        readOnly.executeWithoutResult(status -> reader.accept(cells -> print(printer, cells)));
        printer.flush();
    }

    private static void print(CSVPrinter printer, Object[] cells) {
        try {
            for (Object cell : cells) {
                printer.print(CsvCells.cell(cell));
            }
            printer.println();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
