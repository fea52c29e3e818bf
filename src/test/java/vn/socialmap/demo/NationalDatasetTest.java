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
import vn.socialmap.cases.PathStatus;

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
    void generatesPeopleInTodaysRealCommunesWithValidPaths() {
        long persons = count("select count(*) from person");
        long events = count("select count(*) from case_event");
        long before = count("select coalesce(max(id), 0) from person");
        LocalDate until = LocalDate.of(2026, 10, 31);
        NationalDataset.Report report = dataset.generate(new NationalDatasetProperties(true, (int) persons + 4_000,
                events + 40_000, 7, until));

        // the 32 provinces of today without history (all but Hà Nội and Đà Nẵng)
        assertThat(report.provinces()).isEqualTo(32);
        assertThat(count("select count(*) from person") - persons).isEqualTo(4_000).isEqualTo(report.persons());
        assertThat(count("select count(*) from case_event") - events).isEqualTo(report.events()).isBetween(36_000L, 44_000L);
        // every new person lives in a commune of today of their province, placed in it by their point when they have one
        assertThat(count("""
                select count(*) from person p
                left join admin_unit c on c.structure = '2025-07' and c.code = p.current_commune_code
                                       and c.province_code = p.province_code and c.level = 'COMMUNE'
                where p.id > %d and (c.code is null or p.current_structure <> '2025-07'
                                     or p.province_code in ('01', '48')
                                     or p.current_point is not null and not ST_Covers(c.geom, p.current_point))""".formatted(before)))
                .isZero();
        // every path is one the rules accept, and the projection holds what the rules make of it
        Map<Long, List<PathRules.Event>> paths = new LinkedHashMap<>();
        Map<Long, LocalDate> births = new LinkedHashMap<>();
        jdbc.sql("""
                select e.person_id, e.id, e.type, e.event_date, e.facility_code, e.details::text, p.birth_date
                from case_event e join person p on p.id = e.person_id
                where p.id > :before
                order by e.person_id, e.event_date, e.id""").param("before", before).query(rs -> {
            long person = rs.getLong(1);
            births.put(person, rs.getObject(7, LocalDate.class));
            Map<String, Object> details = tools.jackson.databind.json.JsonMapper.builder().build()
                    .readValue(rs.getString(6), new tools.jackson.core.type.TypeReference<Map<String, Object>>() { });
            paths.computeIfAbsent(person, k -> new ArrayList<>()).add(new PathRules.Event(rs.getLong(2),
                    EventType.valueOf(rs.getString(3)), rs.getObject(4, LocalDate.class), rs.getString(5), details, null));
        });
        assertThat(paths).hasSize(4_000);
        for (LocalDate day : List.of(LocalDate.of(2023, 12, 31), LocalDate.of(2026, 10, 31))) {
            long onRecord = 0;
            for (var path : paths.entrySet()) {
                var periods = PathRules.replay(births.get(path.getKey()), until, path.getValue());
                onRecord += PathRules.statusesOn(periods, day).contains(PathStatus.ON_RECORD) ? 1 : 0;
            }
            assertThat(onRecord).as("on record on %s", day).isPositive().isEqualTo(count("""
                    select count(distinct s.person_id) from person_status_period s
                    where s.person_id > %d and s.status = 'ON_RECORD'
                      and s.valid_from <= date '%s' and (s.valid_to is null or s.valid_to > date '%s')"""
                    .formatted(before, day, day)));
        }
        // support events pad the paths of people who were in rehab, as the generator says
        assertThat(count("select count(*) from case_event e where e.person_id > " + before + " and e.type = 'SUPPORT'"))
                .isGreaterThan(5_000);
    }

    @Test
    void sharesAddUpAndVary() {
        int[] shares = NationalDataset.shares(1_000_000, 61, new java.util.Random(1));
        assertThat(java.util.Arrays.stream(shares).asLongStream().sum()).isEqualTo(1_000_000);
        assertThat(java.util.Arrays.stream(shares).max().orElseThrow()).isGreaterThan(2 * 1_000_000 / 61);
    }
}
