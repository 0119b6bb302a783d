package dev.users.query.export;

/**
 * A value as an export cell. A text that a spreadsheet would read as a formula (it begins with {@code =}, {@code +},
 * {@code -} or {@code @}, or with a tab or carriage return, which some spreadsheets skip before looking) gets a
 * leading {@code '}, so that a name such as {@code =HYPERLINK(…)} is shown as text and never evaluated (OWASP's
 * CSV injection advice). The quoting itself (RFC 4180) is the printer's.
 */
public final class CsvCells {

    private CsvCells() {
    }

    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (value instanceof Number || text.isEmpty()) {
            return text;
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
            default -> text;
        };
    }
}
