package vn.socialmap.base;

import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV for people who open it in a spreadsheet: RFC 4180 (Apache Commons CSV), and a text cell
 * that a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return)
 * is written with a leading apostrophe, so that it stays text (OWASP "CSV injection"). The one
 * place this rule lives; every CSV the application writes goes through it.
 */
public final class SpreadsheetCsv {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

    private SpreadsheetCsv() {
    }

    public static CSVPrinter printer(Writer out) throws IOException {
        return new CSVPrinter(out, FORMAT);
    }

    /** Writes one row; numbers and booleans as they are, null as an empty cell, text made safe. */
    public static void row(CSVPrinter printer, Object... cells) throws IOException {
        printer.printRecord(Arrays.stream(cells).map(SpreadsheetCsv::cell).toArray());
    }

    /** A cell's text as written: empty for null, formula-looking text behind an apostrophe. */
    public static Object cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value;
        }
        String text = value.toString();
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
