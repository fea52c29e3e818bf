package vn.socialmap.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.socialmap.IntegrationTest;
import vn.socialmap.geography.AdminLevel;
import vn.socialmap.imports.boundaries.BoundaryImportService;

/** Exports read back: GeoPackage and GeoJSON through the boundary reader, CSV and XLSX as tables; scope and suppression kept. */
class ExportApiTest extends IntegrationTest {

    @Autowired
    BoundaryImportService boundaries;
    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<byte[]> get(String user, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Authorization", basic(user, "demo")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    @Transactional
    void exportedGeoPackageAndGeoJsonReadBackAsTheSameShapes() throws Exception {
        for (String format : List.of("gpkg", "geojson")) {
            // the districts of 2025-01, the last structure that had them
            HttpResponse<byte[]> r = get("planner", "/api/v1/exports/admin-units?province=48&level=district&unitsAsOf=2025-06-30&format="
                    + format);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Disposition").orElse("")).contains("attachment").contains("." + format);
            signIn("admin");
            var report = boundaries.stage(r.body(), "export." + format,
                    new BoundaryImportService.Options("48", AdminLevel.DISTRICT, "code", "name", 1, "2025-01"));
            assertThat(report.features()).isEqualTo(8);
            assertThat(report.unknownCodes()).isEmpty();
            assertThat(report.missingUnits()).isEmpty();
            // a GeoPackage keeps full precision; GeoJSON 7 decimals (about 1 cm), a change of well under 0.01% of an area
            double limit = format.equals("gpkg") ? 1e-9 : 1e-2;
            assertThat(report.changes()).isNotEmpty().allSatisfy(c -> assertThat(c.changedPercent()).isLessThan(limit));
        }
    }

    @Test
    void csvIsExcelReadyAndProtectedForLeaders() throws Exception {
        HttpResponse<byte[]> r = get("leader", "/api/v1/exports/status-counts?province=01&level=commune&date=2023-06-30&format=csv");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        String text = new String(r.body(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFstructure,code,name,date,population,on_record,");
        List<String> lines = text.strip().lines().toList();
        // the communes of 30/06/2023, those of the 2022 structure
        assertThat(lines).hasSize(580);
        assertThat(lines.get(1)).startsWith("2022,");
        // every count is published (protected: a small count as 2 or 3, no other below 5 but 0)
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            for (int c = 5; c < cells.length - 1; c++) {
                assertThat(cells[c]).as(line).isNotEmpty();
                assertThat(Integer.parseInt(cells[c])).as(line).isNotIn(1, 4);
            }
        }
    }

    @Test
    void xlsxHoldsEveryRowAndFacilitiesGeoJsonHasPoints() throws Exception {
        HttpResponse<byte[]> x = get("district-001", "/api/v1/exports/status-counts?province=01&level=commune&date=2023-06-30&format=xlsx");
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(x.body()))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(579);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("structure");
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("code");
        }
        JsonNode fc = JsonMapper.builder().build().readTree(get("leader",
                "/api/v1/exports/facilities?province=01&type=METHADONE_CLINIC&type=HOTSPOT&format=geojson").body());
        assertThat(fc.path("features").size()).isPositive();
        for (JsonNode f : fc.path("features")) {
            assertThat(f.path("geometry").path("type").asString()).isEqualTo("Point");
            assertThat(f.path("properties").path("type").asString()).as("no hotspots for a leader").isEqualTo("METHADONE_CLINIC");
        }
    }

    @Test
    void todaysCommunesCarryTheirPopulationAndARateThatIsHiddenWithItsCount() throws Exception {
        List<String> lines = new String(get("leader", "/api/v1/exports/status-counts?province=01&level=commune&format=csv").body(),
                StandardCharsets.UTF_8).strip().lines().toList();
        assertThat(lines).hasSize(127);
        List<String> columns = List.of(lines.getFirst().replace("\uFEFF", "").split(","));
        int onRecord = columns.indexOf("on_record");
        int population = columns.indexOf("population");
        int rate = columns.indexOf("on_record_per_100k");
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            assertThat(cells[0]).isEqualTo("2025-07");
            assertThat(Long.parseLong(cells[population])).as(line).isPositive();
            if (cells[onRecord].equals("<5")) {
                assertThat(cells[rate]).as("a hidden count hides its rate: " + line).isEqualTo("<5");
            } else {
                assertThat(Double.parseDouble(cells[rate])).as(line)
                        .isCloseTo(100_000.0 * Long.parseLong(cells[onRecord]) / Long.parseLong(cells[population]),
                                org.assertj.core.api.Assertions.within(0.051));
            }
        }
    }

    @Test
    void aSpreadsheetForPeopleIsHeadedInWords() throws Exception {
        String vi = new String(get("leader", "/api/v1/exports/status-counts?province=01&level=commune&format=csv&headings=vi")
                .body(), StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
        assertThat(vi).startsWith("\uFEFFCấu trúc hành chính,Mã,Tên,Ngày,Dân số,Có trong hồ sơ,")
                .endsWith(",Điều trị thay thế (Methadone),Có trong hồ sơ / 100.000 dân");
        String codes = new String(get("leader", "/api/v1/exports/status-counts?province=01&level=commune&format=csv").body(),
                StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
        assertThat(codes).startsWith("\uFEFFstructure,code,name,date,population,on_record,");
    }

    @Test
    void personListsAreForPersonRolesInTheirAreaAndAudited() throws Exception {
        assertThat(get("leader", "/api/v1/exports/persons?province=01&format=csv").statusCode()).isEqualTo(403);
        long before = jdbc.sql("select count(*) from audit_entry where action = 'EXPORT'").query(Long.class).single();
        HttpResponse<byte[]> r = get("district-001", "/api/v1/exports/persons?province=01&status=POST_REHAB&format=csv");
        assertThat(r.statusCode()).isEqualTo(200);
        List<String> lines = new String(r.body(), StandardCharsets.UTF_8).strip().lines().toList();
        assertThat(lines.size()).isGreaterThan(1);
        assertThat(lines.subList(1, lines.size())).allSatisfy(l -> assertThat(l.split(",")[6]).isEqualTo("001"));
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'EXPORT'").query(Long.class).single()).isEqualTo(before + 1);
    }

    @Test
    void badRequestsAreRefused() throws Exception {
        for (String path : List.of("/api/v1/exports/weather?province=01", "/api/v1/exports/admin-units?province=01&format=shp",
                "/api/v1/exports/admin-units", "/api/v1/exports/facilities?province=01&type=BAKERY")) {
            assertThat(get("planner", path).statusCode()).as(path).isEqualTo(400);
        }
    }
}
