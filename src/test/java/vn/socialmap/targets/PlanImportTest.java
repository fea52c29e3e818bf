package vn.socialmap.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

import vn.socialmap.IntegrationTest;
import vn.socialmap.targets.PlanModel.Level;

class PlanImportTest extends IntegrationTest {

    @Autowired
    PlanImport imports;
    @Autowired
    ProgressService progress;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProgressLayer progressLayer;

    /**
     * The plans imported here are Hà Nội's and would be read by every later test of the shared demo
     * database (the map's plan layer takes the newest plan in force): they are removed again.
     */
    @AfterEach
    void removeTheImportedPlans() {
        String plans = "select id from plan where number like '%/KH-TEST' and province_code = '01'";
        jdbc.update("delete from plan_target where indicator_id in (select id from plan_indicator where plan_id in (" + plans + "))");
        jdbc.update("delete from plan_indicator where plan_id in (" + plans + ")");
        jdbc.update("delete from plan where id in (" + plans + ")");
    }

    private byte[] workbook(String number, Object[][] rows) throws Exception {
        ByteArrayOutputStream template = new ByteArrayOutputStream();
        imports.writeTemplate(template);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template.toByteArray()))) {
            Sheet s = wb.getSheetAt(0);
            String[] header = {number, "UBND quận Cầu Giấy", "2022-12-01", "Kế hoạch thử", "2022-01-01", "2022-12-31", "01"};
            for (int i = 0; i < header.length; i++) {
                s.getRow(i).createCell(1).setCellValue(header[i]);
            }
            for (int r = 0; r < rows.length; r++) {
                var row = s.createRow(PlanImport.FIRST_DATA_ROW + r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(String.valueOf(rows[r][c]));
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void aValidPlanIsImportedAndMeasured() throws Exception {
        signIn("admin");
        byte[] file = workbook("05/KH-TEST", new Object[][] {
                {"DOSSIERS", "Lập hồ sơ cai nghiện bắt buộc", "PEOPLE", "EVENTS", "COMPULSORY_DOSSIER", "", "không", "CITY", "01", "950"},
                {"DOSSIERS", "Lập hồ sơ cai nghiện bắt buộc", "PEOPLE", "EVENTS", "COMPULSORY_DOSSIER", "", "không", "DISTRICT", "005", "30"},
                {"METHADONE", "Điều trị Methadone", "PEOPLE", "HOLDING", "ON_METHADONE", "", "", "CITY", "01", "6500"},
        });
        PlanImport.Result result = imports.importXlsx(file);
        assertThat(result.problems()).isEmpty();
        var city = progress.progress(result.planId(), LocalDate.of(2022, 6, 30), Level.CITY);
        assertThat(city).extracting(ProgressService.Row::indicatorCode).containsExactly("DOSSIERS", "METHADONE");
        assertThat(city.getFirst().actual()).isEqualTo(547);
    }

    /** The map's plan layer offers any plan's indicators with district targets, named as the plan names them. */
    @Test
    void anImportedPlansDistrictIndicatorsAreTheMapsVariants() throws Exception {
        signIn("admin");
        byte[] file = workbook("07/KH-TEST", new Object[][] {
                {"METHADONE_DISTRICT", "Điều trị Methadone theo quận", "PEOPLE", "HOLDING", "ON_METHADONE", "", "", "CITY", "01", "6500"},
                {"METHADONE_DISTRICT", "Điều trị Methadone theo quận", "PEOPLE", "HOLDING", "ON_METHADONE", "", "", "DISTRICT", "005", "300"},
                {"CITY_ONLY", "Chỉ tiêu chỉ cấp thành phố", "PEOPLE", "HOLDING", "ON_METHADONE", "", "", "CITY", "01", "10"},
        });
        assertThat(imports.importXlsx(file).problems()).isEmpty();

        assertThat(progressLayer.variants()).contains("METHADONE_DISTRICT").doesNotContain("CITY_ONLY");
        assertThat(progressLayer.variantLabelKey("METHADONE_DISTRICT")).isEqualTo("map.layer.progress.indicator");
        assertThat(progressLayer.variantLabelArguments("METHADONE_DISTRICT")).containsExactly("Điều trị Methadone theo quận");
        assertThat(progressLayer.values("METHADONE_DISTRICT", "01", vn.socialmap.geography.AdminLevel.DISTRICT,
                LocalDate.of(2022, 6, 30)).byUnit()).containsKey("005");
    }

    @Test
    void aFileWithAnyBadRowImportsNothingAndNamesTheRows() throws Exception {
        signIn("admin");
        long before = jdbc.queryForObject("select count(*) from plan", Long.class);
        byte[] file = workbook("06/KH-TEST", new Object[][] {
                {"DOSSIERS", "Lập hồ sơ", "PEOPLE", "EVENTS", "COMPULSORY_DOSSIER", "", "", "CITY", "01", "950"},
                {"BAD", "Sai loại sự kiện", "PEOPLE", "EVENTS", "PARTY", "", "", "CITY", "01", "10"},
                {"BAD2", "Sai quận", "PEOPLE", "EVENTS", "RELAPSE", "", "", "DISTRICT", "999", "10"},
                {"BAD3", "Âm", "PEOPLE", "EVENTS", "RELAPSE", "", "", "CITY", "01", "-1"},
        });
        PlanImport.Result result = imports.importXlsx(file);
        assertThat(result.planId()).isNull();
        assertThat(result.problems()).extracting(PlanImport.Problem::row).containsExactly(11, 12, 13);
        assertThat(jdbc.queryForObject("select count(*) from plan", Long.class)).isEqualTo(before);
        assertThat(imports.importXlsx("not a spreadsheet".getBytes()).problems()).hasSize(1);
    }

    @Test
    void onlyAnAdministratorImports() {
        signIn("leader");
        assertThatThrownBy(() -> imports.importXlsx(new byte[0])).isInstanceOf(AccessDeniedException.class);
    }
}
