package vn.socialmap.base;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.function.Function;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The rows an import refused, as a workbook the user fixes and imports again: the row
 * number, the cells as they were under the template's headings, and the reason last.
 */
public final class RejectedRows {

    private RejectedRows() {
    }

    /** One refused row: its spreadsheet row number, its cells, and the reason in the user's language. */
    public record Line(int row, List<String> cells, String reason) {
    }

    /**
     * @param prefix translation prefix of the import ("personimport"): its ".sheet",
     *               ".header.row", ".header.reason" and ".header." + column keys are used
     */
    public static void write(String prefix, List<String> columns, List<Line> lines, Function<String, String> translate,
                             OutputStream out) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet(translate.apply(prefix + ".sheet"));
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue(translate.apply(prefix + ".header.row"));
            for (int c = 0; c < columns.size(); c++) {
                header.createCell(c + 1).setCellValue(translate.apply(prefix + ".header." + columns.get(c)));
            }
            header.createCell(columns.size() + 1).setCellValue(translate.apply(prefix + ".header.reason"));
            int r = 1;
            for (Line line : lines) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(line.row());
                for (int c = 0; c < line.cells().size(); c++) {
                    row.createCell(c + 1).setCellValue(line.cells().get(c));
                }
                row.createCell(columns.size() + 1).setCellValue(line.reason());
            }
            book.write(out);
        }
    }
}
