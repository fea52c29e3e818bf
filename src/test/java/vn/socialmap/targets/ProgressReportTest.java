package vn.socialmap.targets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.springframework.beans.factory.annotation.Autowired;

import vn.socialmap.IntegrationTest;
import vn.socialmap.targets.PlanModel.Level;

/** Report files read back with the libraries that wrote them. */
class ProgressReportTest extends IntegrationTest {

    @Autowired
    ProgressReport reports;
    @Autowired
    ProgressService progress;

    private long plan78() {
        return progress.plans().stream().filter(p -> p.number().equals(Plan78Loader.NUMBER)).findFirst().orElseThrow().id();
    }

    @Test
    void periodsAroundADate() {
        LocalDate d = LocalDate.of(2022, 5, 17);
        assertThat(ProgressReport.Period.MONTH.around(d)).containsExactly(LocalDate.of(2022, 5, 1), LocalDate.of(2022, 5, 31));
        assertThat(ProgressReport.Period.QUARTER.around(d)).containsExactly(LocalDate.of(2022, 4, 1), LocalDate.of(2022, 6, 30));
        assertThat(ProgressReport.Period.HALF_YEAR.around(d)).containsExactly(LocalDate.of(2022, 1, 1), LocalDate.of(2022, 6, 30));
        assertThat(ProgressReport.Period.YEAR.around(d)).containsExactly(LocalDate.of(2022, 1, 1), LocalDate.of(2022, 12, 31));
    }

    @Test
    void theHalfYearCityReportAsXlsx() throws Exception {
        signIn("district-001");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        reports.writeXlsx(plan78(), ProgressReport.Period.HALF_YEAR, LocalDate.of(2022, 6, 30), Level.CITY, out);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("78/KH-UBND").contains("01/01/2022").contains("30/06/2022");
            assertThat(sheet.getRow(3).getCell(3).getStringCellValue()).isEqualTo("Trong kỳ");
            boolean found = false;
            for (int r = 4; r <= sheet.getLastRowNum(); r++) {
                if (sheet.getRow(r).getCell(1).getStringCellValue().startsWith("Lập hồ sơ")) {
                    assertThat(sheet.getRow(r).getCell(2).getNumericCellValue()).isEqualTo(950);
                    assertThat(sheet.getRow(r).getCell(3).getNumericCellValue()).isEqualTo(547);
                    assertThat(sheet.getRow(r).getCell(4).getNumericCellValue()).isEqualTo(547);
                    assertThat(sheet.getRow(r).getCell(5).getNumericCellValue()).isCloseTo(0.576, org.assertj.core.data.Offset.offset(1e-9));
                    found = true;
                }
            }
            assertThat(found).isTrue();
        }
    }

    @Test
    void theQuarterlyReportCountsTheQuarterAndTheTotalSinceJanuary() throws Exception {
        signIn("district-001");
        var rows = progress.report(plan78(), LocalDate.of(2022, 4, 1), LocalDate.of(2022, 6, 30), Level.CITY);
        var dossiers = rows.stream().filter(r -> r.cumulative().indicatorCode().equals("DOSSIERS")).findFirst().orElseThrow();
        var firstQuarter = progress.progress(plan78(), LocalDate.of(2022, 3, 31), Level.CITY).stream()
                .filter(r -> r.indicatorCode().equals("DOSSIERS")).findFirst().orElseThrow();
        assertThat(dossiers.cumulative().actual()).isEqualTo(547);
        assertThat(dossiers.inPeriod() + firstQuarter.actual()).isEqualTo(547);
    }

    @Test
    void theDistrictReportAsPdfWithItsMap() throws Exception {
        signIn("district-001");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        reports.writePdf(plan78(), ProgressReport.Period.HALF_YEAR, LocalDate.of(2022, 6, 30), Level.DISTRICT, "DOSSIERS", out);
        PdfReader reader = new PdfReader(out.toByteArray());
        StringBuilder text = new StringBuilder();
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(extractor.getTextFromPage(page));
        }
        String all = text.toString().replaceAll("\\s+", "");
        assertThat(all).contains("Báocáo6tháng").contains("QuậnĐốngĐa").contains("Lũykế");
        assertThat(reader.getNumberOfPages()).isGreaterThanOrEqualTo(2);
        byte[] png = reports.districtMap(plan78(), LocalDate.of(2022, 6, 30), "DOSSIERS");
        assertThat(png).hasSizeGreaterThan(1000);
        assertThat(png[1]).isEqualTo((byte) 'P');
    }
}
