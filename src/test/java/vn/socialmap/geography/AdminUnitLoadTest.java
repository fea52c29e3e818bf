package vn.socialmap.geography;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.socialmap.IntegrationTest;

/** The loaded geography and the invariants of the approximate commune partition, checked in PostGIS. */
class AdminUnitLoadTest extends IntegrationTest {

    /** Tolerance relative to the district's area, as the partition promises. */
    private static final double AREA_TOLERANCE = 1e-9;

    @Autowired
    JdbcTemplate jdbc;

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    @Test
    void hanoiHas30DistrictsAnd579Communes() {
        assertThat(count("select count(*) from admin_unit where province_code = '01' and level = 'DISTRICT'")).isEqualTo(30);
        assertThat(count("select count(*) from admin_unit where province_code = '01' and level = 'COMMUNE'")).isEqualTo(579);
        assertThat(count("select count(*) from admin_unit where parent_code = '001'")).isEqualTo(14);
        assertThat(count("select count(*) from admin_unit where code = '01' and level = 'PROVINCE'")).isEqualTo(1);
    }

    @Autowired
    AdminUnitService units;

    @Test
    void theMapsPopupCountsEveryDistrictsCommunesInOneAnswer() {
        Map<String, Long> perDistrict = units.childCounts("01", AdminLevel.DISTRICT);
        assertThat(perDistrict).hasSize(30).containsEntry("001", 14L);
        for (AdminUnit district : units.byLevel("01", AdminLevel.DISTRICT)) {
            assertThat(perDistrict.get(district.getCode())).isEqualTo(units.children(district.getCode()).size());
        }
        assertThat(perDistrict.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(579);
        assertThat(units.childCounts("01", AdminLevel.COMMUNE)).isEmpty();
    }

    @Test
    void daNangHas8DistrictsAnd56CommunesAndHoangSaHasNone() {
        assertThat(count("select count(*) from admin_unit where province_code = '48' and level = 'DISTRICT'")).isEqualTo(8);
        assertThat(count("select count(*) from admin_unit where province_code = '48' and level = 'COMMUNE'")).isEqualTo(56);
        assertThat(count("select count(*) from admin_unit where parent_code = '498'")).isZero();
    }

    @Test
    void districtsAreOfficialAndCommunesApproximate() {
        assertThat(count("select count(*) from admin_unit where level = 'DISTRICT' and geometry_source <> 'OFFICIAL'")).isZero();
        assertThat(count("select count(*) from admin_unit where level = 'COMMUNE' and geometry_source <> 'APPROXIMATE'")).isZero();
    }

    @Test
    void everyShapeIsValidMultiPolygonIn4326() {
        assertThat(count("select count(*) from admin_unit where not ST_IsValid(geom) or ST_SRID(geom) <> 4326 or ST_IsEmpty(geom)")).isZero();
    }

    @Test
    void communesTileTheirDistrict() {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                select d.code,
                       ST_Area(d.geom) as district_area,
                       ST_Area(ST_Union(c.geom)) as union_area,
                       ST_Area(ST_SymDifference(ST_Union(c.geom), d.geom)) as mismatch,
                       sum(ST_Area(c.geom)) as summed_area
                from admin_unit d join admin_unit c on c.parent_code = d.code and c.level = 'COMMUNE'
                where d.level = 'DISTRICT'
                group by d.code, d.geom""");
        assertThat(rows).hasSize(30 + 7);
        for (Map<String, Object> row : rows) {
            double area = ((Number) row.get("district_area")).doubleValue();
            assertThat(Math.abs(((Number) row.get("union_area")).doubleValue() - area))
                    .as("union of communes vs district %s", row.get("code")).isLessThanOrEqualTo(AREA_TOLERANCE * area);
            assertThat(((Number) row.get("mismatch")).doubleValue())
                    .as("symmetric difference with district %s", row.get("code")).isLessThanOrEqualTo(AREA_TOLERANCE * area);
            // the sum of the parts equals the union only when the parts do not overlap
            assertThat(Math.abs(((Number) row.get("summed_area")).doubleValue() - area))
                    .as("sum of commune areas vs district %s", row.get("code")).isLessThanOrEqualTo(AREA_TOLERANCE * area);
        }
    }

    @Test
    void neighbouringCommunesDoNotOverlap() {
        List<Map<String, Object>> overlaps = jdbc.queryForList("""
                select a.code as a, b.code as b, ST_Area(ST_Intersection(a.geom, b.geom)) as overlap, ST_Area(d.geom) as district_area
                from admin_unit a
                join admin_unit b on b.parent_code = a.parent_code and b.code > a.code and ST_Intersects(a.geom, b.geom)
                join admin_unit d on d.code = a.parent_code
                where a.level = 'COMMUNE'""");
        assertThat(overlaps).isNotEmpty();
        for (Map<String, Object> row : overlaps) {
            assertThat(((Number) row.get("overlap")).doubleValue())
                    .as("overlap of %s and %s", row.get("a"), row.get("b"))
                    .isLessThanOrEqualTo(AREA_TOLERANCE * ((Number) row.get("district_area")).doubleValue());
        }
    }

    @Test
    void everyCommuneIsOneCompactPiece() {
        // Sơn Trà (493) has an islet apart from the mainland; it joins the nearest commune.
        assertThat(jdbc.queryForList("""
                select code from admin_unit
                where level = 'COMMUNE' and ST_NumGeometries(geom) <> 1 and parent_code <> '493'""", String.class)).isEmpty();
        // Polsby-Popper compactness 4*pi*A/P^2: 1 for a disc, about 0.785 for a square.
        Double least = jdbc.queryForObject("""
                select min(4 * pi() * ST_Area(geom::geography) / power(ST_Perimeter(geom::geography), 2))
                from admin_unit where level = 'COMMUNE' and ST_NumGeometries(geom) = 1""", Double.class);
        assertThat(least).isGreaterThan(0.15);
    }
}
