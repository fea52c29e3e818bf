package vn.socialmap.targets;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import vn.socialmap.IntegrationTest;
import vn.socialmap.targets.PlanModel.Definition;
import vn.socialmap.targets.PlanModel.Level;
import vn.socialmap.targets.ProgressService.Row;
import vn.socialmap.targets.ProgressService.Status;

/**
 * Every kind of indicator definition on a small hand-built registry, where each expected
 * figure can be counted by hand: a fictitious province 99 with two districts and three
 * communes (units of today's structure, which has no districts elsewhere), a plan for the year 2030, and a handful of people whose events sit on the
 * period's boundaries, are corrected or withdrawn. The test's transaction is rolled back.
 */
@Transactional
class IndicatorFixtureTest extends IntegrationTest {

    static final LocalDate FIRST = LocalDate.of(2030, 1, 1);
    static final LocalDate LAST = LocalDate.of(2030, 12, 31);

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlanRepository plans;
    @Autowired
    ProgressService progress;

    long planId;

    @BeforeEach
    void buildRegistry() {
        unit("99", "PROVINCE", null);
        unit("991", "DISTRICT", "99");
        unit("992", "DISTRICT", "99");
        unit("99101", "COMMUNE", "991");
        unit("99102", "COMMUNE", "991");
        unit("99201", "COMMUNE", "992");

        long a = person("99101", "991");
        long b = person("99101", "991");
        long c = person("99102", "991");
        long d = person("99102", "991");
        long e = person("99201", "992");
        // A: compulsory admission on the plan's first day at facility F99, then vocational training there
        event(a, "COMPULSORY_ADMISSION", FIRST, "F99", "{}", null);
        event(a, "SUPPORT", LocalDate.of(2030, 6, 1), "F99", "{\"kind\":\"VOCATIONAL_TRAINING\"}", null);
        // B: one admission the day before the plan, one on its last day; a loan in July, which is not training
        event(b, "VOLUNTARY_FACILITY_ADMISSION", FIRST.minusDays(1), "F98", "{}", null);
        event(b, "VOLUNTARY_FACILITY_ADMISSION", LAST, "F98", "{}", null);
        event(b, "SUPPORT", LocalDate.of(2030, 7, 1), null, "{\"kind\":\"LOAN\"}", null);
        // C: an admission recorded with the wrong date, then corrected: it counts once
        long wrong = event(c, "COMPULSORY_ADMISSION", LocalDate.of(2030, 3, 1), "F98", "{}", null);
        event(c, "COMPULSORY_ADMISSION", LocalDate.of(2030, 3, 2), "F98", "{}", wrong);
        // D: an admission withdrawn: it does not count
        long withdrawn = event(d, "COMPULSORY_ADMISSION", LocalDate.of(2030, 4, 1), "F99", "{}", null);
        event(d, "VOID", LocalDate.of(2030, 4, 1), null, "{}", withdrawn);
        // E: in the other district, admitted at F99
        event(e, "VOLUNTARY_FACILITY_ADMISSION", LocalDate.of(2030, 5, 1), "F99", "{}", null);

        // status periods as the projection would write them; valid_to is the first day no longer held
        for (long p : List.of(a, b, c, d)) {
            period(p, p == c || p == d ? "99102" : "99101", "991", "ON_RECORD", LocalDate.of(2029, 1, 1), null);
        }
        period(e, "99201", "992", "ON_RECORD", LocalDate.of(2029, 1, 1), null);
        period(a, "99101", "991", "ON_METHADONE", LocalDate.of(2030, 2, 1), LocalDate.of(2030, 3, 1));
        period(c, "99102", "991", "ON_METHADONE", LocalDate.of(2030, 2, 15), null);

        planId = plans.insertPlan("99", "1/KH-TEST", "UBND tỉnh thử", LocalDate.of(2029, 12, 1), "Kế hoạch thử", FIRST, LAST);
        long adm = indicator("ADM", PlanModel.Unit.PEOPLE,
                new Definition(IndicatorKind.EVENTS, List.of("COMPULSORY_ADMISSION", "VOLUNTARY_FACILITY_ADMISSION"), false, List.of(), null), 1);
        long train = indicator("TRAIN", PlanModel.Unit.PEOPLE,
                new Definition(IndicatorKind.EVENTS, List.of("SUPPORT"), true, List.of("VOCATIONAL_TRAINING"), null), 2);
        long mmt = indicator("MMT", PlanModel.Unit.PEOPLE, new Definition(IndicatorKind.HOLDING, List.of(), false, List.of(), "ON_METHADONE"), 3);
        long reach = indicator("REACH", PlanModel.Unit.PERCENT, new Definition(IndicatorKind.SHARE, List.of(), false, List.of(), null), 4);
        plans.insertTarget("99", adm, Level.CITY, "99", 10);
        plans.insertTarget("99", adm, Level.DISTRICT, "991", 4);
        plans.insertTarget("99", adm, Level.DISTRICT, "992", 1);
        plans.insertTarget("99", adm, Level.FACILITY, "F99", 2);
        plans.insertTarget("99", train, Level.CITY, "99", 4);
        plans.insertTarget("99", mmt, Level.CITY, "99", 2);
        plans.insertTarget("99", reach, Level.CITY, "99", 80);
        // the counting rules, exactly: as the administrator (callers outside the area get protected figures)
        signIn("admin");
    }

    private Map<String, Row> city(LocalDate asOf) {
        return progress.progress(planId, asOf, Level.CITY).stream().collect(Collectors.toMap(Row::indicatorCode, r -> r));
    }

    @Test
    void eventsCountFromTheFirstToTheLastDayOfThePeriodOnly() {
        assertThat(city(FIRST).get("ADM").actual()).as("A on the first day").isEqualTo(1);
        assertThat(city(FIRST.minusDays(1)).get("ADM").actual()).as("before the plan, B's first admission").isZero();
        assertThat(city(LAST.minusDays(1)).get("ADM").actual()).as("A, C once, E").isEqualTo(3);
        assertThat(city(LAST).get("ADM").actual()).as("and B on the last day").isEqualTo(4);
        assertThat(city(LAST.plusYears(1)).get("ADM").actual()).as("after the plan, nothing more").isEqualTo(4);
    }

    @Test
    void correctionsCountOnceAndWithdrawalsNotAtAll() {
        // without C's correction rule 5, without D's withdrawal 6 would be found
        assertThat(city(LocalDate.of(2030, 4, 30)).get("ADM").actual()).isEqualTo(2);
    }

    @Test
    void supportCountsOnlyItsKindsAndOnlyAtAFacilityWhenAsked() {
        assertThat(city(LAST).get("TRAIN").actual()).isEqualTo(1);
    }

    @Test
    void holdingReadsTheStatusOnTheDateWithTheEndExcluded() {
        assertThat(city(LocalDate.of(2030, 2, 28)).get("MMT").actual()).as("A and C").isEqualTo(2);
        assertThat(city(LocalDate.of(2030, 3, 1)).get("MMT").actual()).as("A's period ended").isEqualTo(1);
        assertThat(city(LocalDate.of(2030, 1, 31)).get("MMT").actual()).isZero();
    }

    @Test
    void shareIsThePercentOfPeopleOnRecordReachedInThePeriod() {
        // by 30 June A, C and E were reached (B only in July, D's admission was withdrawn): 3 of 5
        assertThat(city(LocalDate.of(2030, 6, 30)).get("REACH").actual()).isEqualTo(60);
        assertThat(city(LAST).get("REACH").actual()).isEqualTo(80);
        assertThat(city(LAST).get("REACH").status()).as("a share is held against its target, not the calendar")
                .isEqualTo(Status.ON_TRACK);
    }

    @Test
    void districtsCountWhereThePeopleLiveAndFacilitiesWhereTheEventHappened() {
        Map<String, Long> districts = progress.progress(planId, LAST, Level.DISTRICT).stream()
                .collect(Collectors.toMap(Row::unitCode, Row::actual));
        assertThat(districts).containsExactlyInAnyOrderEntriesOf(Map.of("991", 3L, "992", 1L));
        List<Row> facility = progress.progress(planId, LAST, Level.FACILITY);
        assertThat(facility).singleElement().satisfies(r -> {
            assertThat(r.unitCode()).isEqualTo("F99");
            assertThat(r.actual()).as("A and E; D's was withdrawn").isEqualTo(2);
            assertThat(r.percent()).isEqualTo(100.0);
        });
    }

    @Test
    void statusComparesPercentAchievedWithTheElapsedShareOfThePeriod() {
        // 30 June: 181 of 365 days (49.6%). ADM 3 of 10 = 30%: behind; district 992, 1 of 1: ahead
        assertThat(city(LocalDate.of(2030, 6, 30)).get("ADM").status()).isEqualTo(Status.BEHIND);
        assertThat(ProgressService.elapsedPercent(progress.plan(planId), LocalDate.of(2030, 6, 30)))
                .isCloseTo(100.0 * 181 / 365, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(ProgressService.elapsedPercent(progress.plan(planId), FIRST)).isCloseTo(100.0 / 365, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(ProgressService.elapsedPercent(progress.plan(planId), LAST)).isEqualTo(100.0);
        Row d992 = progress.progress(planId, LocalDate.of(2030, 6, 30), Level.DISTRICT).stream()
                .filter(r -> r.unitCode().equals("992")).findFirst().orElseThrow();
        assertThat(d992.status()).isEqualTo(Status.AHEAD);
    }

    @Test
    void aDistrictsCommunesCarryTheirActualsWithoutTargets() {
        Map<String, Row> adm = progress.communes(planId, LAST, "991").stream().filter(r -> r.indicatorCode().equals("ADM"))
                .collect(Collectors.toMap(Row::unitCode, r -> r));
        assertThat(adm.keySet()).containsExactlyInAnyOrder("99101", "99102");
        assertThat(adm.get("99101").actual()).as("A and B").isEqualTo(2);
        assertThat(adm.get("99102").actual()).as("C once, D withdrawn").isEqualTo(1);
        assertThat(adm.get("99101").target()).isNull();
        Map<String, Long> share = progress.communes(planId, LocalDate.of(2030, 6, 30), "991").stream()
                .filter(r -> r.indicatorCode().equals("REACH")).collect(Collectors.toMap(Row::unitCode, Row::actual));
        assertThat(share).containsExactlyInAnyOrderEntriesOf(Map.of("99101", 50L, "99102", 50L));
    }

    @Test
    void theTrendCountsEventsWithinEachMonthAndReadsStocksAtTheMonthsEnd() {
        LocalDate may15 = LocalDate.of(2030, 5, 15);
        assertThat(progress.cityTrend(planId, "ADM", may15)).extracting(ProgressService.MonthActual::actual)
                .containsExactly(1L, 0L, 1L, 0L, 1L);
        assertThat(progress.cityTrend(planId, "MMT", may15)).extracting(ProgressService.MonthActual::actual)
                .containsExactly(0L, 2L, 1L, 1L, 1L);
        assertThat(progress.cityTrend(planId, "ADM", may15).getLast().month()).isEqualTo(LocalDate.of(2030, 5, 1));
    }

    @Test
    void aLeaderSeesCommuneCountsProtectedAndNoCommuneShares() {
        List<Row> exact = progress.communes(planId, LAST, "991");
        signIn("leader");
        List<Row> rows = progress.communes(planId, LAST, "991");
        assertThat(rows).isNotEmpty().allSatisfy(r -> assertThat(r.actual()).isNotIn(1L, 4L));
        assertThat(rows).noneMatch(r -> r.indicatorCode().equals("REACH"));
        assertThat(exact).anyMatch(r -> r.actual() != null && r.actual() >= 1 && r.actual() <= 4);
    }

    private void unit(String code, String level, String parent) {
        jdbc.sql("""
                insert into admin_unit (structure, code, level, name, name_folded, unit_type, parent_code, province_code, geom,
                                        geometry_source, valid_from)
                values ('2025-07', :c, :l, :n, lower(:n), 'Thử', :parent, '99',
                        ST_Multi(ST_MakeEnvelope(150, -10, 150.01, -9.99, 4326)), 'APPROXIMATE', null)""")
                .param("c", code).param("l", level).param("n", "Đơn vị " + code).param("parent", parent).update();
    }

    private long person(String commune, String district) {
        long id = jdbc.sql("""
                insert into person (province_code, full_name, name_folded, birth_date, sex, permanent_structure,
                                    permanent_commune_code, current_structure, current_commune_code, former_district_code,
                                    created_by, created_at, updated_at)
                values ('99', 'Người thử', 'nguoi thu', date '1990-01-01', 'MALE', '2025-07', :c, '2025-07', :c, :d,
                        'test', now(), now())
                returning id""").param("c", commune).param("d", district).query(Long.class).single();
        jdbc.sql("""
                insert into person_placement (province_code, person_id, structure, commune_code, district_code, method)
                values ('99', :p, '2025-07', :c, :d, 'RECORDED')""").param("p", id).param("c", commune).param("d", district).update();
        return id;
    }

    private long event(long person, String type, LocalDate date, String facility, String details, Long supersedes) {
        return jdbc.sql("""
                insert into case_event (province_code, person_id, type, event_date, facility_code, details, supersedes_id,
                                        recorded_by, recorded_at)
                values ('99', :p, :t, :d, :f, cast(:details as jsonb), :s, 'test', now()) returning id""")
                .param("p", person).param("t", type).param("d", Date.valueOf(date)).param("f", facility)
                .param("details", details).param("s", supersedes).query(Long.class).single();
    }

    private void period(long person, String commune, String district, String status, LocalDate from, LocalDate to) {
        jdbc.sql("""
                insert into person_status_period (person_id, province_code, structure, district_code, commune_code, status,
                                                  valid_from, valid_to)
                values (:p, '99', '2025-07', :d, :c, :s, :f, :t)""")
                .param("p", person).param("d", district).param("c", commune).param("s", status)
                .param("f", Date.valueOf(from)).param("t", to == null ? null : Date.valueOf(to)).update();
    }

    private long indicator(String code, PlanModel.Unit unit, Definition definition, int position) {
        return plans.insertIndicator("99", planId, code, "Chỉ tiêu " + code, unit, definition, position);
    }
}
