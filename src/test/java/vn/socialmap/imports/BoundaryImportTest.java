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

    static final Options DA_NANG = new Options("48", AdminLevel.DISTRICT, "code", "name", 10_000);

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
                join admin_unit a on a.code = s.code and a.valid_to is null where s.import_id = :id""")
                .param("id", importId).query(Double.class).single();
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
        assertThat(r.changes()).allSatisfy(c -> assertThat(c.changedPercent()).isLessThan(1e-6));
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
    void commitMakesNewOfficialVersionsAndKeepsTheOldShapesAsHistory() throws IOException {
        long before = jdbc.sql("select count(*) from admin_unit where province_code = '48'").query(Long.class).single();
        Report r = imports.stage(fixture("danang-districts-utm48.gpkg"), "danang.gpkg", DA_NANG);
        imports.commit(r.importId());
        assertThat(imports.report(r.importId()).status()).isEqualTo("COMMITTED");
        List<String> sources = jdbc.sql("select geometry_source from admin_unit where province_code = '48' and level = 'DISTRICT' "
                + "and valid_to is null").query(String.class).list();
        assertThat(sources).hasSize(8).containsOnly("OFFICIAL");
        long after = jdbc.sql("select count(*) from admin_unit where province_code = '48'").query(Long.class).single();
        long history = jdbc.sql("select count(*) from admin_unit where province_code = '48' and level = 'DISTRICT' and valid_to is not null")
                .query(Long.class).single();
        // the loaded districts started before today: each keeps its old version
        assertThat(after).isEqualTo(before + 8);
        assertThat(history).isEqualTo(8);
        assertThatThrownBy(() -> imports.commit(r.importId())).isInstanceOf(vn.socialmap.base.ValidationException.class);
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
                new Options("48", AdminLevel.DISTRICT, "ma_huyen", "name", 10_000)))
                .isInstanceOf(BoundaryFileException.class)
                .satisfies(e -> assertThat(((BoundaryFileException) e).arguments()).contains("ma_huyen"));
    }

    @Test
    void cancellingChangesNothingAndOnlyAdminsImport() throws IOException {
        Report r = imports.stage(fixture("danang-districts-vn2000-tm3.zip"), "danang.zip", DA_NANG);
        imports.cancel(r.importId());
        assertThat(imports.report(r.importId()).status()).isEqualTo("CANCELLED");
        assertThat(jdbc.sql("select count(*) from admin_unit where province_code = '48' and valid_to is not null")
                .query(Long.class).single()).isZero();
        signIn("planner");
        assertThatThrownBy(() -> imports.stage(fixture("danang-districts-vn2000-tm3.zip"), "danang.zip", DA_NANG))
                .isInstanceOf(AccessDeniedException.class);
    }
}
