package vn.socialmap.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.annotation.Transactional;

import vn.socialmap.IntegrationTest;
import vn.socialmap.base.ValidationException;
import vn.socialmap.geography.AdminLevel;
import vn.socialmap.imports.boundaries.BoundaryFileException;
import vn.socialmap.imports.boundaries.BoundaryImportService;
import vn.socialmap.imports.boundaries.BoundaryImportService.Options;
import vn.socialmap.imports.boundaries.BoundaryImportService.Report;

/**
 * Da Nang's districts imported from each format and coordinate system. The fixtures in
 * src/test/resources/imports were made with GDAL's ogr2ogr from gis-data/danang-districts.geojson
 * (the shapes loaded at start): a GeoPackage in VN-2000 / UTM 48N (EPSG:3405), a zipped
 * Shapefile in VN-2000 TM-3 with the local central meridian 107°45' (a .prj naming VN-2000,
 * no EPSG code), a file with a self-intersecting district, one with an unknown code, and a
 * zip cut in half. Each test's transaction is rolled back.
 */
@Transactional
class BoundaryImportTest extends IntegrationTest {

    /** Đà Nẵng's districts of 2025-01, the last structure that had them (the same eight since 2022). */
    static final Options DA_NANG = new Options("48", AdminLevel.DISTRICT, "code", "name", 10_000, "2025-01");

    @Autowired
    BoundaryImportService imports;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void asAdmin() {
        signIn("admin");
    }

    private static byte[] fixture(String name) throws IOException {
        try (var in = BoundaryImportTest.class.getResourceAsStream("/imports/" + name)) {
            return in.readAllBytes();
        }
    }

    /** Largest distance (metres) between a staged shape and the current one, over all districts. */
    private double largestShift(long importId) {
        return jdbc.sql("""
                select max(ST_HausdorffDistance(s.geom::geography::geometry, a.geom) * 111320) from boundary_import_unit s
                join admin_unit a on a.structure = '2025-01' and a.code = s.code where s.import_id = :id""")
                .param("id", importId).query(Double.class).single();
    }

    /** The zipped Shapefile in VN-2000 TM-3 107°45' (metres) without its .prj: a file that names no coordinate system. */
    static byte[] withoutPrj() throws IOException {
        var out = new java.io.ByteArrayOutputStream();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(fixture("danang-districts-vn2000-tm3.zip")));
             var zip = new java.util.zip.ZipOutputStream(out)) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (!e.getName().endsWith(".prj")) {
                    zip.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                    in.transferTo(zip);
                    zip.closeEntry();
                }
            }
        }
        return out.toByteArray();
    }

    /** Đà Nẵng's districts with the shapes of Thanh Khê (491) and Hải Châu (492) swapped. */
    static byte[] swapped() throws IOException {
        var root = (tools.jackson.databind.node.ObjectNode) new tools.jackson.databind.ObjectMapper()
                .readTree(Files.readAllBytes(Path.of("gis-data/danang-districts.geojson")));
        var features = (tools.jackson.databind.node.ArrayNode) root.get("features");
        tools.jackson.databind.node.ObjectNode thanhKhe = null;
        tools.jackson.databind.node.ObjectNode haiChau = null;
        for (var f : features) {
            String code = f.path("properties").path("code").asString();
            if (code.equals("491")) {
                thanhKhe = (tools.jackson.databind.node.ObjectNode) f;
            } else if (code.equals("492")) {
                haiChau = (tools.jackson.databind.node.ObjectNode) f;
            }
        }
        var geometry = thanhKhe.get("geometry");
        thanhKhe.set("geometry", haiChau.get("geometry"));
        haiChau.set("geometry", geometry);
        return root.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static Options daNang(Integer chosenEpsg) {
        return new Options("48", AdminLevel.DISTRICT, "code", "name", 10_000, "2025-01", chosenEpsg);
    }

    private long imports() {
        return jdbc.sql("select count(*) from boundary_import").query(Long.class).single();
    }

    private void assertClean(Report r) {
        assertThat(r.features()).isEqualTo(8);
        assertThat(r.unknownCodes()).isEmpty();
        assertThat(r.missingUnits()).isEmpty();
        assertThat(r.duplicateCodes()).isEmpty();
        assertThat(r.invalid()).isEmpty();
        assertThat(r.overlaps()).isEmpty();
        assertThat(r.committable()).isTrue();
    }

    @Test
    void wgs84GeoJsonComesBackUnchanged() throws IOException {
        Report r = imports.stage(Files.readAllBytes(Path.of("gis-data/danang-districts.geojson")), "danang-districts.geojson", DA_NANG);
        assertClean(r);
        assertThat(largestShift(r.importId())).isLessThan(0.01);
        assertThat(r.changes()).isNotEmpty().allSatisfy(c -> assertThat(c.changedPercent()).isLessThan(1e-6));
        assertThat(r.confirmationNeeded()).isFalse();
        assertThat(r.outside()).isEmpty();
        assertThat(r.sourceCrs()).isEqualTo("WGS84 (RFC 7946)");
    }

    @Test
    void aShapefileWithoutPrjIsNotReadUntilTheUserNamesItsCoordinateSystem() throws IOException {
        long before = imports();
        assertThatThrownBy(() -> imports.stage(withoutPrj(), "danang.zip", daNang(null)))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> {
                    assertThat(((ValidationException) e).messageKey()).isEqualTo("boundaries.error.noCrs");
                    assertThat(((ValidationException) e).field()).isEqualTo("crs");
                });
        assertThat(imports()).isEqualTo(before);
    }

    @Test
    void metresReadAsDegreesAreRefusedNamingTheProblem() throws IOException {
        long before = imports();
        // the filed case: eastings of 5xx xxx m taken for longitudes
        assertThatThrownBy(() -> imports.stage(withoutPrj(), "danang.zip", daNang(4326)))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> {
                    ValidationException v = (ValidationException) e;
                    assertThat(v.messageKey()).isEqualTo("boundaries.error.notDegrees");
                    assertThat((long) v.arguments()[1]).isGreaterThan(500_000);
                    assertThat((long) v.arguments()[3]).isGreaterThan(1_700_000);
                });
        assertThat(imports()).isEqualTo(before);
    }

    @Test
    void choosingDaNangsVn2000ZoneReadsTheFileWithoutPrjInPlace() throws IOException {
        Report r = imports.stage(withoutPrj(), "danang.zip", daNang(5899));
        assertClean(r);
        assertThat(r.chosenEpsg()).isEqualTo(5899);
        assertThat(r.sourceCrs()).isEqualTo("EPSG:5899");
        // the file was written by GDAL from the shapes loaded at start: read back in EPSG:5899 every
        // vertex is where it was, within the half metre the .prj path is held to
        assertThat(largestShift(r.importId())).isLessThan(0.5);
        assertThat(r.confirmationNeeded()).isFalse();
    }

    @Test
    void theWrongZonePutsTheShapesOutsideTheProvinceAndNothingCanBeCommitted() throws IOException {
        long units = jdbc.sql("select count(*) from admin_unit").query(Long.class).single();
        // Hà Nội's central meridian (105°) for Đà Nẵng's file: the districts land some 250 km west, in
        // Laos, and the Hoàng Sa islands off the coast, 27 km out to sea
        Report r = imports.stage(withoutPrj(), "danang.zip", daNang(5897));
        assertThat(r.outside()).hasSize(8).allSatisfy(o -> assertThat(o.distanceM()).isGreaterThan(20_000));
        assertThat(r.committable()).isFalse();
        assertThatThrownBy(() -> imports.commit(r.importId(), true)).isInstanceOf(ValidationException.class);
        assertThat(jdbc.sql("select count(*) from admin_unit").query(Long.class).single()).isEqualTo(units);
    }

    @Test
    void onlyTheOfferedCoordinateSystemsCanBeChosen() {
        assertThatThrownBy(() -> imports.stage(withoutPrj(), "danang.zip", daNang(32648)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("boundaries.error.crsChoice");
    }

    @Test
    void veryLargeShapeChangesAreCommittedOnlyWhenConfirmed() throws IOException {
        // Thanh Khê (491) and Hải Châu (492) swap shapes: both change by far more than half their area
        Report r = imports.stage(swapped(), "swapped.geojson", DA_NANG);
        assertThat(r.changes()).filteredOn(BoundaryImportService.Change::large)
                .extracting(BoundaryImportService.Change::code).containsExactlyInAnyOrder("491", "492");
        assertThat(r.committable()).isTrue();
        assertThat(r.confirmationNeeded()).isTrue();
        assertThat(r.largeChangePercent()).isEqualTo(50);
        String unchanged = "select count(*) from admin_unit a join boundary_import_unit s on s.import_id = :id and s.code = a.code"
                + " where a.structure = '2025-01' and a.level = 'DISTRICT' and ST_Equals(a.geom, s.geom)";
        assertThatThrownBy(() -> imports.commit(r.importId()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("boundaries.error.unconfirmed");
        assertThat(imports.report(r.importId()).status()).isEqualTo("PENDING");
        assertThat(jdbc.sql(unchanged).param("id", r.importId()).query(Long.class).single()).as("only the six unchanged").isEqualTo(6);
        imports.commit(r.importId(), true);
        assertThat(imports.report(r.importId()).status()).isEqualTo("COMMITTED");
        assertThat(jdbc.sql(unchanged).param("id", r.importId()).query(Long.class).single()).isEqualTo(8);
    }

    @Test
    void geoPackageInVn2000Utm48NIsTransformedToWgs84() throws IOException {
        Report r = imports.stage(fixture("danang-districts-utm48.gpkg"), "danang.gpkg", DA_NANG);
        assertClean(r);
        assertThat(r.sourceCrs()).contains("VN-2000");
        // GDAL and PostGIS apply the same seven-parameter shift: the round trip is within centimetres
        assertThat(largestShift(r.importId())).isLessThan(0.5);
    }

    @Test
    void shapefileInALocalVn2000ZoneIsTransformedFromItsPrj() throws IOException {
        Report r = imports.stage(fixture("danang-districts-vn2000-tm3.zip"), "danang.zip", DA_NANG);
        assertClean(r);
        assertThat(largestShift(r.importId())).isLessThan(0.5);
    }

    @Test
    void committingAnEndedStructuresShapesCorrectsThemInPlace() throws IOException {
        long before = jdbc.sql("select count(*) from admin_unit where province_code = '48'").query(Long.class).single();
        Report r = imports.stage(fixture("danang-districts-utm48.gpkg"), "danang.gpkg", DA_NANG);
        imports.commit(r.importId());
        assertThat(imports.report(r.importId()).status()).isEqualTo("COMMITTED");
        // a structure that ended has no "from now on": its shapes are corrected, not versioned
        assertThat(jdbc.sql("""
                select count(*) from admin_unit a join boundary_import_unit s on s.import_id = :id and s.code = a.code
                where a.structure = '2025-01' and a.level = 'DISTRICT' and a.geometry_source = 'OFFICIAL'
                  and ST_Equals(a.geom, s.geom)""").param("id", r.importId()).query(Long.class).single()).isEqualTo(8);
        assertThat(jdbc.sql("select count(*) from admin_unit where province_code = '48'").query(Long.class).single())
                .isEqualTo(before);
        assertThatThrownBy(() -> imports.commit(r.importId())).isInstanceOf(vn.socialmap.base.ValidationException.class);
    }

    @Test
    void committingTodaysCommunesMakesNewVersionsAndKeepsTheOldShapesAsHistory() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        byte[] file = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl()
                        + "/api/v1/exports/admin-units?province=48&level=commune&format=geojson"))
                .header("Authorization", basic("planner", "demo")).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body();
        long before = jdbc.sql("select count(*) from admin_unit where province_code = '48'").query(Long.class).single();
        Report r = imports.stage(file, "danang-communes.geojson", new Options("48", AdminLevel.COMMUNE, "code", "name", 10_000,
                "2025-07"));
        assertThat(r.features()).isEqualTo(94);
        assertThat(r.unknownCodes()).isEmpty();
        assertThat(r.missingUnits()).isEmpty();
        imports.commit(r.importId());
        long after = jdbc.sql("select count(*) from admin_unit where province_code = '48'").query(Long.class).single();
        long history = jdbc.sql("""
                select count(*) from admin_unit where province_code = '48' and structure = '2025-07' and level = 'COMMUNE'
                  and valid_to is not null""").query(Long.class).single();
        // today's communes began before today: each keeps its old version, ended today
        assertThat(after).isEqualTo(before + 94);
        assertThat(history).isEqualTo(94);
    }

    @Test
    void anInvalidPolygonIsRepairedAndReported() throws IOException {
        Report r = imports.stage(fixture("danang-invalid.geojson"), "danang-invalid.geojson", DA_NANG);
        assertThat(r.invalid()).singleElement().satisfies(i -> {
            assertThat(i.code()).isEqualTo("491");
            assertThat(i.reason()).containsIgnoringCase("self-intersection");
            assertThat(i.repaired()).isTrue();
        });
        // the bow-tie over Thanh Khê's extent overlaps its neighbours
        assertThat(r.overlaps()).isNotEmpty().allSatisfy(o -> assertThat(o.first() + o.second()).contains("491"));
    }

    @Test
    void anUnknownCodeIsReportedAndTheFileCannotBeCommitted() throws IOException {
        long units = jdbc.sql("select count(*) from admin_unit").query(Long.class).single();
        Report r = imports.stage(fixture("danang-unknown-code.geojson"), "danang-unknown.geojson", DA_NANG);
        assertThat(r.unknownCodes()).containsExactly("999");
        assertThat(r.missingUnits()).containsExactly("492 Quận Hải Châu");
        assertThat(r.committable()).isFalse();
        assertThatThrownBy(() -> imports.commit(r.importId())).isInstanceOf(vn.socialmap.base.ValidationException.class);
        assertThat(jdbc.sql("select count(*) from admin_unit").query(Long.class).single()).isEqualTo(units);
    }

    @Test
    void aFileCutInHalfIsRefusedAndStagesNothing() throws IOException {
        long staged = jdbc.sql("select count(*) from boundary_import").query(Long.class).single();
        assertThatThrownBy(() -> imports.stage(fixture("danang-truncated.zip"), "danang.zip", DA_NANG))
                .isInstanceOf(BoundaryFileException.class);
        byte[] json = fixture("danang-invalid.geojson");
        assertThatThrownBy(() -> imports.stage(java.util.Arrays.copyOf(json, json.length / 2), "half.geojson", DA_NANG))
                .isInstanceOf(BoundaryFileException.class).hasMessageContaining("boundaries.error.json");
        assertThat(jdbc.sql("select count(*) from boundary_import").query(Long.class).single()).isEqualTo(staged);
    }

    @Test
    void aWrongCodeFieldNamesTheFieldsThereAre() throws IOException {
        assertThatThrownBy(() -> imports.stage(fixture("danang-districts-utm48.gpkg"), "danang.gpkg",
                new Options("48", AdminLevel.DISTRICT, "ma_huyen", "name", 10_000, "2025-01")))
                .isInstanceOf(BoundaryFileException.class)
                .satisfies(e -> assertThat(((BoundaryFileException) e).arguments()).contains("ma_huyen"));
    }

    @Test
    void cancellingChangesNothingAndOnlyAdminsImport() throws IOException {
        Report r = imports.stage(fixture("danang-districts-vn2000-tm3.zip"), "danang.zip", DA_NANG);
        imports.cancel(r.importId());
        assertThat(imports.report(r.importId()).status()).isEqualTo("CANCELLED");
        assertThat(jdbc.sql("select count(*) from admin_unit a join boundary_import_unit s on s.import_id = :id and s.code = a.code"
                + " where a.structure = '2025-01' and ST_Equals(a.geom, s.geom)").param("id", r.importId())
                .query(Long.class).single()).as("no shape taken from the cancelled file").isZero();
        signIn("planner");
        assertThatThrownBy(() -> imports.stage(fixture("danang-districts-vn2000-tm3.zip"), "danang.zip", DA_NANG))
                .isInstanceOf(AccessDeniedException.class);
    }
}
