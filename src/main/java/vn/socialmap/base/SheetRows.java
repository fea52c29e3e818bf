package vn.socialmap.base;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * The rows of an import template's first sheet as text, below its heading row: cells as
 * shown (dates as ISO dates), blank rows skipped. An unreadable file is refused with
 * {@code <prefix>.error.file}.
 */
public final class SheetRows {

    public static List<List<String>> read(byte[] file, int columns, String messagePrefix) {
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(file))) {
            Sheet sheet = book.getSheetAt(0);
            DataFormatter text = new DataFormatter(Locale.ROOT);
            List<List<String>> rows = new ArrayList<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>(columns);
                boolean blank = true;
                for (int c = 0; c < columns; c++) {
                    Cell cell = row == null ? null : row.getCell(c);
                    String v = cell == null ? "" : cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)
                            ? cell.getLocalDateTimeCellValue().toLocalDate().toString() : text.formatCellValue(cell).strip();
                    blank &= v.isEmpty();
                    cells.add(v);
                }
                if (!blank) {
                    rows.add(cells);
                }
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            throw new ValidationException("file", messagePrefix + ".error.file");
        }
    }

    private SheetRows() {
    }
}
