package vn.socialmap.facilities;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;

import vn.socialmap.IntegrationTest;
import vn.socialmap.geography.AdminUnitService;

/** The facility XLSX import on a file with good rows and every kind of bad row; each test is rolled back. */
@Transactional
class FacilityImportTest extends IntegrationTest {

    @Autowired
    FacilityImport imports;
    @Autowired
    FacilityService facilities;
    @Autowired
    AdminUnitService units;

    byte[] file;

    @BeforeEach
    void buildFile() throws Exception {
        signIn("admin");
        Point inside = units.find("00097").orElseThrow().getGeom().getInteriorPoint();
        Point elsewhere = units.find("00004").orElseThrow().getGeom().getInteriorPoint();
        String lon = String.valueOf(inside.getX());
        String lat = String.valueOf(inside.getY());
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"METHADONE_CLINIC", "IMP-1", "Cơ sở Methadone nhập thử", "1 Phố Thử", "00097", lon, lat, "", "", "",
                "ACTIVE", "2024-01-15", "250"});
        rows.add(new String[] {"COUNSELING_POINT", "", "Điểm tư vấn nhập thử", "", "00097", lon, lat, "", "", "", "ACTIVE", "15/1/2024", ""});
        rows.add(new String[] {"COUNSELING_POINT", "", "", "", "00097", lon, lat, "", "", "", "ACTIVE", "2024-01-15", ""});
        rows.add(new String[] {"COUNSELING_POINT", "", "Xã không có", "", "99999", lon, lat, "", "", "", "ACTIVE", "2024-01-15", ""});
        rows.add(new String[] {"COUNSELING_POINT", "", "Điểm ở xã khác", "", "00097", String.valueOf(elsewhere.getX()),
                String.valueOf(elsewhere.getY()), "", "", "", "ACTIVE", "2024-01-15", ""});
        rows.add(new String[] {"COUNSELING_POINT", "", "Ngày không có", "", "00097", lon, lat, "", "", "", "ACTIVE", "31/02/2024", ""});
        rows.add(new String[] {"COUNSELING_POINT", "", "=HYPERLINK(\"http://x\",\"y\")", "", "00097", lon, lat, "", "", "", "ACTIVE",
                "2024-01-15", ""});
        rows.add(new String[] {"COUNSELING_POINT", "", "x".repeat(2000), "", "00097", lon, lat, "", "", "", "ACTIVE", "2024-01-15", ""});
        rows.add(new String[] {"BAKERY", "", "Tiệm bánh", "", "00097", lon, lat, "", "", "", "ACTIVE", "2024-01-15", ""});
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = book.createSheet();
            var header = sheet.createRow(0);
            for (int c = 0; c < FacilityImport.COLUMNS.size(); c++) {
                header.createCell(c).setCellValue(FacilityImport.COLUMNS.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                var row = sheet.createRow(r + 1);
                for (int c = 0; c < rows.get(r).length; c++) {
                    row.createCell(c).setCellValue(rows.get(r)[c]);
                }
            }
            book.write(out);
            file = out.toByteArray();
        }
    }

    private long count() {
        return facilities.find(new FacilityService.Query("01", null, null, null, null)).size();
    }

    @Test
    void allOrNothingImportsNothingAndNamesEveryBadRow() {
        long before = count();
        FacilityImport.Result r = imports.importXlsx(file, "01", FacilityImport.Mode.ALL_OR_NOTHING);
        assertThat(r.applied()).isFalse();
        assertThat(r.created()).isZero();
        assertThat(count()).isEqualTo(before);
        assertThat(r.rejected()).extracting(FacilityImport.Rejected::row).containsExactly(4, 5, 6, 7, 9, 10);
        assertThat(r.rejected()).extracting(FacilityImport.Rejected::messageKey).containsExactly("facility.error.name",
                "facility.error.commune", "facility.error.location.outside", "facilityimport.error.value", "facility.error.name",
                "facilityimport.error.value");
    }

    @Test
    void validRowsAreImportedOnceAndTheRestReturned() throws Exception {
        long before = count();
        FacilityImport.Result first = imports.importXlsx(file, "01", FacilityImport.Mode.VALID_ROWS);
        assertThat(first.created()).isEqualTo(3);
        assertThat(first.rejected()).hasSize(6);
        assertThat(count()).isEqualTo(before + 3);
        // a formula-looking name is kept as text
        assertThat(facilities.find(new FacilityService.Query("01", List.of(FacilityType.COUNSELING_POINT), null, "00097", null)))
                .extracting(Facility::getName).contains("=HYPERLINK(\"http://x\",\"y\")");
        FacilityImport.Result again = imports.importXlsx(file, "01", FacilityImport.Mode.VALID_ROWS);
        assertThat(again.created()).isZero();
        assertThat(again.unchanged()).isEqualTo(3);
        assertThat(count()).isEqualTo(before + 3);
        var out = new ByteArrayOutputStream();
        imports.writeRejected(first.rejected(), x -> x.messageKey(), key -> key, out);
        try (var book = new XSSFWorkbook(new java.io.ByteArrayInputStream(out.toByteArray()))) {
            assertThat(book.getSheetAt(0).getLastRowNum()).isEqualTo(6);
            assertThat(book.getSheetAt(0).getRow(1).getCell(0).getNumericCellValue()).isEqualTo(4);
        }
    }
}
