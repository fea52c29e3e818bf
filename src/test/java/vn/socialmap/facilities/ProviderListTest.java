package vn.socialmap.facilities;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.springframework.beans.factory.annotation.Autowired;

import vn.socialmap.IntegrationTest;

/** The published lists open with the libraries that wrote them and hold the right rows. */
class ProviderListTest extends IntegrationTest {

    @Autowired
    ProviderList providers;

    @Test
    void cauGiayListsItsProviderAndThePublicVoluntaryFacilities() {
        List<ProviderList.Entry> entries = providers.entries("005", LocalDate.of(2022, 6, 30));
        assertThat(entries).filteredOn(e -> e.type() == FacilityType.COMMUNITY_PROVIDER).hasSize(2);
        // Appendix II: facilities 2, 5, 6 and 7 mobilise voluntary admissions
        assertThat(entries).filteredOn(e -> e.type() == FacilityType.PUBLIC_REHAB).extracting(ProviderList.Entry::name)
                .containsExactlyInAnyOrder("Cơ sở cai nghiện ma túy số 2 Hà Nội", "Cơ sở cai nghiện ma túy số 5 Hà Nội",
                        "Cơ sở cai nghiện ma túy số 6 Hà Nội", "Cơ sở cai nghiện ma túy số 7 Hà Nội");
        // since 01/03/2025 the police's 4, each taking voluntary admissions (issue 19)
        assertThat(providers.entries("005")).filteredOn(e -> e.type() == FacilityType.PUBLIC_REHAB).extracting(ProviderList.Entry::name)
                .containsExactlyInAnyOrder("Cơ sở cai nghiện ma túy số 1 Hà Nội", "Cơ sở cai nghiện ma túy số 2 Hà Nội",
                        "Cơ sở cai nghiện ma túy số 3 Hà Nội", "Cơ sở cai nghiện ma túy số 4 Hà Nội");
    }

    @Test
    void theXlsxReadsBackWithVietnameseHeadingsAndEveryRow() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        providers.writeXlsx("006", LocalDate.of(2022, 6, 30), out);
        List<ProviderList.Entry> entries = providers.entries("006", LocalDate.of(2022, 6, 30));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).endsWith("Quận Đống Đa");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Ngày 30/06/2022");
            assertThat(sheet.getRow(3).getCell(1).getStringCellValue()).isEqualTo("Tên cơ sở, tổ chức");
            assertThat(sheet.getLastRowNum()).isEqualTo(3 + entries.size());
            for (int i = 0; i < entries.size(); i++) {
                assertThat(sheet.getRow(4 + i).getCell(1).getStringCellValue()).isEqualTo(entries.get(i).name());
            }
        }
    }

    @Test
    void thePdfReadsBackWithTheDistrictDateAndRows() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        providers.writePdf("006", LocalDate.of(2022, 6, 30), out);
        PdfReader reader = new PdfReader(out.toByteArray());
        StringBuilder text = new StringBuilder();
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(extractor.getTextFromPage(page));
        }
        // table cells wrap long names over lines: compare without white space
        String all = text.toString().replaceAll("\\s+", "");
        assertThat(all).contains("QuậnĐốngĐa").contains("30/06/2022").contains("Têncơsở,tổchức");
        for (ProviderList.Entry e : providers.entries("006", LocalDate.of(2022, 6, 30))) {
            assertThat(all).contains(e.name().replaceAll("\\s+", ""));
        }
    }
}
