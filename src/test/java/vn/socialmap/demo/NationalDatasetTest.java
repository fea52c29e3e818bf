package vn.socialmap.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import vn.socialmap.IntegrationTest;
import vn.socialmap.cases.EventType;
import vn.socialmap.cases.PathRules;

/** The national dataset generator at a small size: counts, shapes and paths; rolled back. */
@Transactional
class NationalDatasetTest extends IntegrationTest {

    @Autowired
    NationalDataset dataset;
    @Autowired
    JdbcClient jdbc;

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void generatesProvincesWithValidShapesAndPeopleWithValidPaths() {
        long persons = count("select count(*) from person");
        long events = count("select count(*) from case_event");
        NationalDataset.Report report = dataset.generate(new NationalDatasetProperties(true, 2, (int) persons + 4_000,
                events + 40_000, 7));

        assertThat(report.provinces()).isEqualTo(2);
        assertThat(count("select count(*) from admin_unit where geometry_source = 'GENERATED' and level = 'PROVINCE'")).isEqualTo(2);
        assertThat(count("select count(*) from admin_unit where geometry_source = 'GENERATED' and level = 'DISTRICT'"))
                .isEqualTo(report.districts()).isBetween(18L, 32L);
        assertThat(count("select count(*) from admin_unit where geometry_source = 'GENERATED' and level = 'COMMUNE'"))
                .isEqualTo(report.communes()).isBetween(12L * 18, 16L * 32);
        // every shape valid; communes tile their district and districts their province exactly, without overlaps
        assertThat(count("select count(*) from admin_unit where geometry_source = 'GENERATED' and not ST_IsValid(geom)")).isZero();
        assertThat(count("""
                select count(*) from admin_unit parent
                where parent.geometry_source = 'GENERATED' and parent.level <> 'COMMUNE'
                  and abs(ST_Area(parent.geom) - (select sum(ST_Area(c.geom)) from admin_unit c
                                                  where c.parent_code = parent.code and c.valid_to is null)) > 1e-9
                """)).isZero();
        assertThat(count("""
                select count(*) from admin_unit a join admin_unit b
                  on a.geom && b.geom and a.code < b.code and ST_Overlaps(a.geom, b.geom)
                where a.geometry_source = 'GENERATED' and b.geometry_source = 'GENERATED' and a.level = b.level""")).isZero();
        // they do not overlap the real provinces either
        assertThat(count("""
                select count(*) from admin_unit g join admin_unit r on g.geom && r.geom and ST_Intersects(g.geom, r.geom)
                where g.level = 'PROVINCE' and r.level = 'PROVINCE' and g.geometry_source = 'GENERATED'
                  and r.geometry_source <> 'GENERATED'""")).isZero();

        assertThat(count("select count(*) from person") - persons).isEqualTo(4_000).isEqualTo(report.persons());
        assertThat(count("select count(*) from case_event") - events).isEqualTo(report.events()).isBetween(38_000L, 42_000L);
        // every person lives in a generated commune of their province and district
        assertThat(count("""
                select count(*) from person p join admin_unit g on g.code = p.province_code and g.geometry_source = 'GENERATED'
                left join admin_unit c on c.code = p.current_commune_code and c.parent_code = p.current_district_code
                                       and c.province_code = p.province_code
                where c.code is null""")).isZero();
        // every path is one the rules accept, and the projection holds what the rules make of it
        Map<Long, List<PathRules.Event>> paths = new LinkedHashMap<>();
        Map<Long, LocalDate> births = new LinkedHashMap<>();
        jdbc.sql("""
                select e.person_id, e.id, e.type, e.event_date, e.facility_code, e.details::text, p.birth_date
                from case_event e join person p on p.id = e.person_id
                join admin_unit g on g.code = p.province_code and g.level = 'PROVINCE' and g.geometry_source = 'GENERATED'
                order by e.person_id, e.event_date, e.id""").query(rs -> {
            long person = rs.getLong(1);
            births.put(person, rs.getObject(7, LocalDate.class));
            Map<String, Object> details = tools.jackson.databind.json.JsonMapper.builder().build()
                    .readValue(rs.getString(6), new tools.jackson.core.type.TypeReference<Map<String, Object>>() { });
            paths.computeIfAbsent(person, k -> new ArrayList<>()).add(new PathRules.Event(rs.getLong(2),
                    EventType.valueOf(rs.getString(3)), rs.getObject(4, LocalDate.class), rs.getString(5), details, null));
        });
        assertThat(paths).hasSize(4_000);
        long onRecordAtEnd = 0;
        for (var path : paths.entrySet()) {
            var periods = PathRules.replay(births.get(path.getKey()), LocalDate.of(2023, 12, 31), path.getValue());
            onRecordAtEnd += PathRules.statusesOn(periods, LocalDate.of(2023, 12, 31)).isEmpty() ? 0 : 1;
        }
        assertThat(onRecordAtEnd).isEqualTo(count("""
                select count(distinct s.person_id) from person_status_period s
                join admin_unit g on g.code = s.province_code and g.level = 'PROVINCE' and g.geometry_source = 'GENERATED'
                where s.valid_from <= date '2023-12-31' and (s.valid_to is null or s.valid_to > date '2023-12-31')"""));
        // support events pad the paths of people who were in rehab, as the generator says
        assertThat(count("""
                select count(*) from case_event e join admin_unit g on g.code = e.province_code and g.level = 'PROVINCE'
                where g.geometry_source = 'GENERATED' and e.type = 'SUPPORT'""")).isGreaterThan(10_000);
    }

    @Test
    void sharesAddUpAndVary() {
        int[] shares = NationalDataset.shares(1_000_000, 61, new java.util.Random(1));
        assertThat(java.util.Arrays.stream(shares).asLongStream().sum()).isEqualTo(1_000_000);
        assertThat(java.util.Arrays.stream(shares).max().orElseThrow()).isGreaterThan(2 * 1_000_000 / 61);
    }
}
