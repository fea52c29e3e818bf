package vn.socialmap.imports.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A count kept back reads "<5" where people read the file, null where programs do; an unknown value stays empty. */
class HiddenCellsTest {

    private final ExportWriters writers = new ExportWriters(JsonMapper.builder().build());
    private final ExportTable table = new ExportTable("status_counts", List.of("code", "on_record", "population"),
            List.<Object[]>of(new Object[] {"00004", new ExportTable.Hidden("<5"), null}, new Object[] {"00008", 12L, 2000}), null);

    @Test
    void aSpreadsheetSaysACountIsHidden() throws Exception {
        assertThat(write(ExportFormat.CSV).toString(StandardCharsets.UTF_8).lines().toList())
                .containsExactly("\uFEFFcode,on_record,population", "00004,<5,", "00008,12,2000");
        try (var book = new XSSFWorkbook(new java.io.ByteArrayInputStream(write(ExportFormat.XLSX).toByteArray()))) {
            var row = book.getSheetAt(0).getRow(1);
            assertThat(row.getCell(1).getStringCellValue()).isEqualTo("<5");
            assertThat(row.getCell(2)).as("unknown stays empty").isNull();
        }
    }

    @Test
    void aProgramReadsNull() throws Exception {
        JsonNode fc = JsonMapper.builder().build().readTree(write(ExportFormat.GEOJSON).toByteArray());
        JsonNode hidden = fc.path("features").get(0).path("properties");
        assertThat(hidden.path("on_record").isNull()).isTrue();
        assertThat(fc.path("features").get(1).path("properties").path("on_record").asLong()).isEqualTo(12);
    }

    private ByteArrayOutputStream write(ExportFormat format) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writers.write(table, format, out);
        return out;
    }
}
