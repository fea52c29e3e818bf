package vn.socialmap.geography;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.FileSystemResource;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.ObjectMapper;

import vn.socialmap.IntegrationTest;

/**
 * The three structures as loaded: units per date, codes reused across structures, today's real
 * shapes equal to the shipped files, the crosswalks complete for Hà Nội, and the invariants of
 * the derived (approximate) communes of 2022 and 2025-01, checked in PostGIS.
 */
class AdminUnitLoadTest extends IntegrationTest {

    static final LocalDate JUNE_2022 = LocalDate.of(2022, 6, 30);
    static final LocalDate MARCH_2025 = LocalDate.of(2025, 3, 1);
    static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
    /** Tolerance relative to the district's area, as the partition promises. */
    private static final double AREA_TOLERANCE = 1e-9;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AdminUnitService units;
    @Autowired
    AdminStructures structures;
    @Autowired
    Successions successions;
    @Autowired
    ObjectMapper json;

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    @Test
    void unitsFollowTheDate() {
        assertThat(units.byLevel("01", AdminLevel.DISTRICT, JUNE_2022)).hasSize(30);
        assertThat(units.byLevel("01", AdminLevel.COMMUNE, JUNE_2022)).hasSize(579);
        assertThat(units.children("001", JUNE_2022)).hasSize(14);
        assertThat(units.byLevel("01", AdminLevel.DISTRICT, MARCH_2025)).hasSize(30);
        assertThat(units.byLevel("01", AdminLevel.COMMUNE, MARCH_2025)).hasSize(526);
        assertThat(units.byLevel("01", AdminLevel.DISTRICT, TODAY)).isEmpty();
        assertThat(units.byLevel("01", AdminLevel.COMMUNE, TODAY)).hasSize(126);
        assertThat(units.byLevel("48", AdminLevel.COMMUNE, JUNE_2022)).hasSize(56);
        assertThat(units.byLevel("48", AdminLevel.COMMUNE, MARCH_2025)).hasSize(47);
        assertThat(units.byLevel("48", AdminLevel.COMMUNE, TODAY)).hasSize(94);
        assertThat(units.children("498", JUNE_2022)).as("Huyện Hoàng Sa had no communes").isEmpty();
        assertThat(units.provinces(TODAY)).hasSize(34);
        assertThat(units.nationally(AdminLevel.COMMUNE, TODAY)).hasSize(3_321);
        // the day a structure ends belongs to it, the next day to the next one
        assertThat(structures.on(LocalDate.of(2024, 12, 31)).code()).isEqualTo("2022");
        assertThat(structures.on(LocalDate.of(2025, 1, 1)).code()).isEqualTo("2025-01");
        assertThat(structures.on(LocalDate.of(2025, 6, 30)).code()).isEqualTo("2025-01");
        assertThat(structures.on(LocalDate.of(2025, 7, 1)).code()).isEqualTo("2025-07");
        assertThat(structures.on(LocalDate.of(2016, 1, 1)).code()).as("records before 2022 are shown on it").isEqualTo("2022");
    }

    @Test
    void aCodeIsAUnitOnlyWithItsStructure() {
        AdminUnit trucBach = units.find("00004", JUNE_2022).orElseThrow();
        AdminUnit baDinh = units.find("00004", TODAY).orElseThrow();
        assertThat(trucBach.getName()).isEqualTo("Phường Trúc Bạch");
        assertThat(baDinh.getName()).isEqualTo("Phường Ba Đình");
        assertThat(trucBach.ref()).isEqualTo(new UnitRef("2022", "00004")).isNotEqualTo(baDinh.ref());
        assertThat(units.find(new UnitRef("2025-07", "00004"))).contains(baDinh);
        assertThat(count("select count(*) from admin_unit where code = '00004'")).isEqualTo(3);
    }

    @Test
    void theMapsPopupCountsEveryDistrictsCommunesInOneAnswer() {
        Map<String, Long> perDistrict = units.childCounts("01", AdminLevel.DISTRICT, JUNE_2022);
        assertThat(perDistrict).hasSize(30).containsEntry("001", 14L);
        for (AdminUnit district : units.byLevel("01", AdminLevel.DISTRICT, JUNE_2022)) {
            assertThat(perDistrict.get(district.getCode())).isEqualTo(units.children(district).size());
        }
        assertThat(perDistrict.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(579);
        assertThat(units.childCounts("01", AdminLevel.COMMUNE, JUNE_2022)).isEmpty();
        assertThat(units.childCounts("01", AdminLevel.PROVINCE, TODAY)).containsEntry("01", 126L);
    }

    @Test
    void todaysCommunesHaveTheShippedShapesPopulationAndArea() throws IOException {
        BoundaryReader reader = new BoundaryReader(json, new GeometryFactory(new PrecisionModel(), 4326));
        for (String[] city : new String[][] {{"01", "hanoi"}, {"48", "danang"}}) {
            Map<String, MultiPolygon> shipped = reader.read(new FileSystemResource(
                    Path.of(System.getProperty("user.dir"), "..", "shared", "gis-data", city[1] + "-communes-2025.geojson")));
            List<AdminUnit> loaded = units.byLevel(city[0], AdminLevel.COMMUNE, TODAY);
            assertThat(loaded).hasSize(shipped.size());
            for (AdminUnit u : loaded) {
                assertThat(u.getGeom().norm().equalsExact(shipped.get(u.getCode()).norm())).as("shape of %s", u.getCode()).isTrue();
                assertThat(u.getGeometrySource()).isEqualTo(GeometrySource.OFFICIAL);
            }
        }
        assertThat(units.find("00004", TODAY).orElseThrow().getPopulation()).isEqualTo(65_023);
        assertThat(units.find("00004", TODAY).orElseThrow().getAreaKm2()).isEqualTo(2.97);
        assertThat(count("select count(*) from admin_unit where structure = '2025-07' and province_code = '01' and level = 'COMMUNE'"
                + " and population is null")).isZero();
        // Xã Avương has no figure in the source; Đặc khu Hoàng Sa has no residents on record
        assertThat(count("select count(*) from admin_unit where structure = '2025-07' and province_code = '48' and level = 'COMMUNE'"
                + " and population is null")).isEqualTo(2);
        assertThat(units.find("01", TODAY).orElseThrow().getPopulation()).isEqualTo(8_811_473);
    }

    @Test
    void invalidShapesOfTheNationalFileAreRepairedAndReported() {
        assertThat(count("select count(*) from admin_unit where not ST_IsValid(geom) or ST_SRID(geom) <> 4326 or ST_IsEmpty(geom)"))
                .isZero();
        String notes = jdbc.queryForObject(
                "select string_agg(notes, E'\\n') from admin_structure_load where structure = '2025-07'", String.class);
        assertThat(notes.lines()).hasSize(2).allMatch(l -> l.startsWith("86 ") && l.contains("Self-intersection"));
    }

    @Test
    void hanoisCrosswalkChainsAreComplete() {
        AdminStructure middle = structures.require("2025-01");
        AdminStructure today = structures.require("2025-07");
        Set<String> reached = new TreeSet<>();
        for (AdminUnit c : units.byLevel("01", AdminLevel.COMMUNE, JUNE_2022)) {
            Set<String> next = successions.carry(c.ref(), middle);
            assertThat(next).as("2025-01 commune of %s", c.getCode()).hasSize(1);
            Set<String> now = successions.carry(c.ref(), today);
            assertThat(now).as("communes of today of %s", c.getCode()).isNotEmpty();
            reached.addAll(now);
        }
        assertThat(reached).hasSize(126);
        Set<String> from202501 = units.byLevel("01", AdminLevel.COMMUNE, MARCH_2025).stream()
                .flatMap(c -> successions.carry(c.ref(), today).stream()).collect(Collectors.toCollection(TreeSet::new));
        assertThat(from202501).hasSize(126);
        for (AdminUnit c : units.byLevel("01", AdminLevel.COMMUNE, TODAY)) {
            assertThat(successions.predecessors(c.ref())).as("formed from").isNotEmpty()
                    .allSatisfy(s -> assertThat(s.source()).isNotBlank());
            assertThat(successions.carry(c.ref(), structures.require("2022"))).isNotEmpty();
        }
        // 198 of the 526 were split between several communes of today
        assertThat(count("""
                select count(*) from (select predecessor_code from admin_unit_succession
                where predecessor_structure = '2025-01' and predecessor_province = '01' and level = 'COMMUNE'
                group by 1 having count(*) > 1) x""")).isEqualTo(198);
        // a split's shares of residents add up to one
        assertThat(count("""
                select count(*) from (select predecessor_code, sum(population_share) s from admin_unit_succession
                where predecessor_structure = '2025-01' and predecessor_province = '01' and level = 'COMMUNE'
                group by 1 having abs(sum(population_share) - 1) > 1e-6) x""")).isZero();
    }

    @Test
    void olderUnitsHaveAPopulationOnlyWhereTheCrosswalkIsWhole() {
        // a district whose communes went, whole, into communes of today formed from it alone
        List<Map<String, Object>> known = jdbc.queryForList("""
                select code, population from admin_unit where structure = '2025-01' and province_code = '01'
                  and level = 'DISTRICT' and population is not null""");
        assertThat(known).isNotEmpty();
        for (Map<String, Object> d : known) {
            Long sum = jdbc.queryForObject("""
                    select sum(distinct_population) from (select distinct t.code, t.population as distinct_population
                    from admin_unit c join admin_unit_succession s on s.predecessor_structure = '2025-01'
                      and s.predecessor_code = c.code and s.level = 'COMMUNE'
                    join admin_unit t on t.structure = '2025-07' and t.code = s.successor_code
                    where c.structure = '2025-01' and c.parent_code = ?) x""", Long.class, d.get("code"));
            assertThat(((Number) d.get("population")).longValue()).as("district %s", d.get("code")).isEqualTo(sum);
        }
        assertThat(units.find("01", JUNE_2022).orElseThrow().getPopulation()).as("all of Hà Nội").isEqualTo(8_811_473);
        assertThat(units.find("001", JUNE_2022).orElseThrow().getPopulation()).as("Ba Đình shares communes").isNull();
    }

    @Test
    void districtsAreOfficialAndOldCommunesApproximate() {
        assertThat(count("select count(*) from admin_unit where level = 'DISTRICT' and geometry_source <> 'OFFICIAL'")).isZero();
        assertThat(count("select count(*) from admin_unit where level = 'COMMUNE' and structure <> '2025-07'"
                + " and geometry_source <> 'APPROXIMATE'")).isZero();
        assertThat(count("select count(*) from admin_unit where structure = '2025-07' and geometry_source <> 'OFFICIAL'")).isZero();
    }

    @Test
    void oldCommunesTileTheirDistrict() {
        for (String structure : List.of("2022", "2025-01")) {
            List<Map<String, Object>> rows = jdbc.queryForList("""
                    select d.code,
                           ST_Area(d.geom) as district_area,
                           ST_Area(ST_Union(c.geom)) as union_area,
                           ST_Area(ST_SymDifference(ST_Union(c.geom), d.geom)) as mismatch,
                           sum(ST_Area(c.geom)) as summed_area
                    from admin_unit d join admin_unit c on c.structure = d.structure and c.parent_code = d.code and c.level = 'COMMUNE'
                    where d.level = 'DISTRICT' and d.structure = ?
                    group by d.code, d.geom""", structure);
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
    }

    @Test
    void anOldCommuneLiesInTheCommunesItWentInto() {
        // the share of each 2025-01 commune's area inside the union of today's communes it went into
        Double least = jdbc.queryForObject("""
                select min(ST_Area(ST_Intersection(c.geom, s.u)) / ST_Area(c.geom)) from admin_unit c
                cross join lateral (select ST_Union(t.geom) as u from admin_unit_succession x
                    join admin_unit t on t.structure = '2025-07' and t.code = x.successor_code
                    where x.predecessor_structure = '2025-01' and x.predecessor_code = c.code and x.level = 'COMMUNE') s
                where c.structure = '2025-01' and c.level = 'COMMUNE' and c.province_code = '01'""", Double.class);
        assertThat(least).isGreaterThan(0.74);
        // and a 2022 commune in the 2025-01 commune it went into (to a few square metres of rounding)
        assertThat(count("""
                select count(*) from admin_unit c join admin_unit_succession x on x.predecessor_structure = '2022'
                  and x.predecessor_code = c.code and x.level = 'COMMUNE'
                join admin_unit m on m.structure = '2025-01' and m.code = x.successor_code
                where c.structure = '2022' and c.level = 'COMMUNE'
                  and ST_Area(ST_Difference(c.geom, m.geom)) > 1e-5 * ST_Area(c.geom)""")).isZero();
    }

    @Test
    void everyOldCommuneIsOneCompactPiece() {
        // Sơn Trà (493) has an islet apart from the mainland; it stays with the commune it belongs to.
        assertThat(jdbc.queryForList("""
                select code from admin_unit
                where level = 'COMMUNE' and structure <> '2025-07' and ST_NumGeometries(geom) <> 1 and parent_code <> '493'""",
                String.class)).isEmpty();
        // Polsby-Popper compactness 4*pi*A/P^2: 1 for a disc, about 0.785 for a square.
        Double least = jdbc.queryForObject("""
                select min(4 * pi() * ST_Area(geom::geography) / power(ST_Perimeter(geom::geography), 2))
                from admin_unit where level = 'COMMUNE' and structure <> '2025-07' and ST_NumGeometries(geom) = 1""", Double.class);
        assertThat(least).isGreaterThan(0.15);
    }
}
