package vn.socialmap.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.socialmap.IntegrationTest;
import vn.socialmap.cases.CaseIndicators;
import vn.socialmap.cases.EventType;
import vn.socialmap.cases.PathStatus;

/**
 * The demo data reproduces the published figures, counted from its events by the
 * indicator queries the reports use (Hanoi, seeds: Plan 78 and the 2022 six-month report).
 */
class DemoCalibrationTest extends IntegrationTest {

    static final LocalDate H1 = LocalDate.of(2022, 1, 1);
    static final LocalDate H1_END = LocalDate.of(2022, 6, 30);
    static final List<String> PUBLIC_FACILITIES = List.of("1", "2", "3", "4", "5", "6", "7");

    @Autowired
    CaseIndicators indicators;
    @Autowired
    JdbcTemplate jdbc;

    private long demoOnRecord(LocalDate date) {
        return jdbc.queryForObject("""
                select count(*) from person p where p.demo and p.province_code = '01' and exists (
                  select 1 from person_status_period s where s.person_id = p.id and s.status = 'ON_RECORD' and s.valid_from <= ?
                    and (s.valid_to is null or s.valid_to > ?))""",
                Long.class, java.sql.Date.valueOf(date), java.sql.Date.valueOf(date));
    }

    @Test
    void peopleOnRecordAtTheEndOf2020And2021AndInFebruary2025() {
        assertThat(demoOnRecord(LocalDate.of(2020, 12, 31))).isEqualTo(12_500);
        assertThat(demoOnRecord(LocalDate.of(2021, 12, 31))).isEqualTo(18_000);
        // "over 17,000 people on record" in February 2025 (records closed since July 2022 make it so)
        assertThat(demoOnRecord(DemoCalibration.EARLY_2025)).isEqualTo(17_000);
        assertThat(jdbc.queryForObject("select min(event_date) from case_event where demo and type = 'RECORD_CLOSED'",
                LocalDate.class)).isAfterOrEqualTo(LocalDate.of(2022, 7, 1));
    }

    @Test
    void theDataRunsToTheEndOfThePreviousMonth() {
        LocalDate lastMonthEnd = LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).withDayOfMonth(1).minusDays(1);
        LocalDate last = jdbc.queryForObject("select max(event_date) from case_event where demo and province_code = '01'", LocalDate.class);
        assertThat(last).isBeforeOrEqualTo(lastMonthEnd).isAfter(lastMonthEnd.minusDays(15));
        assertThat(jdbc.queryForObject("select edition from demo_edition where province_code = '01'", String.class))
                .endsWith("until " + lastMonthEnd);
        // the later years have their releases, post-rehab management ending, relapses, Methadone and new people
        for (String type : List.of("RELEASE", "POST_REHAB_END", "RELAPSE", "METHADONE_START", "DRUG_USE_RECORD",
                "COMPULSORY_ADMISSION", "RECORD_CLOSED")) {
            assertThat(indicators.events("01", EventType.valueOf(type), LocalDate.of(2025, 7, 1), lastMonthEnd)).as(type).isPositive();
        }
    }

    @Test
    void figuresOf2021() {
        assertThat(indicators.events("01", EventType.COMPULSORY_DOSSIER, LocalDate.of(2021, 1, 1), LocalDate.of(2021, 12, 31)))
                .isEqualTo(1_114);
        assertThat(indicators.events("01", EventType.VOLUNTARY_FACILITY_ADMISSION, LocalDate.of(2021, 1, 1), LocalDate.of(2021, 12, 31)))
                .isEqualTo(1_601);
    }

    @Test
    void figuresOfTheFirstHalfOf2022() {
        long dossiers = indicators.events("01", EventType.COMPULSORY_DOSSIER, H1, H1_END);
        long voluntary = indicators.events("01", EventType.VOLUNTARY_FACILITY_ADMISSION, H1, H1_END);
        assertThat(dossiers).isEqualTo(547);
        assertThat(voluntary).isEqualTo(935);
        assertThat(dossiers + voluntary).as("rehab admissions").isEqualTo(1_482);
        assertThat(indicators.events("01", EventType.VOLUNTARY_COMMUNITY_START, H1, H1_END)).isEqualTo(257);
        assertThat(indicators.events("01", EventType.DETOX, H1, H1_END)).isEqualTo(321);
        assertThat(indicators.facilitiesWith("01", EventType.DETOX, H1, H1_END)).isEqualTo(3);
        assertThat(indicators.eventsAt("01", EventType.METHADONE_START, PUBLIC_FACILITIES, H1, H1_END)).isEqualTo(19);
        assertThat(indicators.support("01", "VOCATIONAL_TRAINING", true, H1, H1_END)).isEqualTo(150);
    }

    @Test
    void peopleLiveInDistrictsInProportionToAppendixI() {
        // Hoàn Kiếm (002) and Đống Đa (006) have 42 and 58 dossier targets of 950: the districts of 2022
        long all = jdbc.queryForObject("select count(*) from person where demo and province_code = '01'", Long.class);
        long dongDa = jdbc.queryForObject("""
                select count(*) from person p join person_placement pl on pl.person_id = p.id and pl.structure = '2022'
                where p.demo and pl.district_code = '006'""", Long.class);
        assertThat((double) dongDa / all).isCloseTo(58.0 / 950, org.assertj.core.data.Offset.offset(0.01));
        assertThat(indicators.holding("01", PathStatus.IN_COMPULSORY, LocalDate.of(2022, 6, 30))).isPositive();
        // Đà Nẵng: 1,550 people recorded before October 2023, about 120 a year since
        assertThat(jdbc.queryForObject("select count(*) from person where demo and province_code = '48'", Long.class))
                .isBetween(1_550L + 300, 1_550L + 500);
        // most residences have a point, and are placed in today's communes by it
        double byPoint = jdbc.queryForObject("""
                select avg(case when method in ('POINT', 'RECORDED') then 1.0 else 0 end) from person_placement pl
                join person p on p.id = pl.person_id where p.demo and pl.structure = '2025-07'""", Double.class);
        assertThat(byPoint).isGreaterThan(0.85);
    }

    /** A sample of people: their events replayed by the rules give the statuses their stored periods hold, on many days. */
    @Test
    void theProjectionMatchesAReplayOfTheEvents() {
        List<Long> sample = jdbc.queryForList("select id from person where demo and id % 97 = 0 order by id", Long.class);
        assertThat(sample).hasSizeGreaterThan(200);
        List<LocalDate> days = List.of(LocalDate.of(2019, 3, 1), LocalDate.of(2021, 12, 31), LocalDate.of(2022, 6, 30),
                LocalDate.of(2024, 12, 31), LocalDate.of(2025, 1, 1), LocalDate.of(2025, 6, 30), LocalDate.of(2025, 7, 1),
                LocalDate.of(2026, 10, 31));
        int held = 0;
        for (long id : sample) {
            LocalDate birth = jdbc.queryForObject("select birth_date from person where id = ?", LocalDate.class, id);
            List<vn.socialmap.cases.PathRules.Event> events = jdbc.query("""
                    select id, type, event_date, facility_code, details::text, supersedes_id from case_event
                    where person_id = ? order by event_date, id""", (rs, n) -> new vn.socialmap.cases.PathRules.Event(
                    rs.getLong(1), EventType.valueOf(rs.getString(2)), rs.getObject(3, LocalDate.class), rs.getString(4),
                    tools.jackson.databind.json.JsonMapper.builder().build().readValue(rs.getString(5),
                            new tools.jackson.core.type.TypeReference<java.util.Map<String, Object>>() { }),
                    (Long) rs.getObject(6)), id);
            var periods = vn.socialmap.cases.PathRules.replay(birth, LocalDate.of(2030, 1, 1), events);
            for (LocalDate day : days) {
                List<String> stored = jdbc.queryForList("""
                        select status from person_status_period where person_id = ? and valid_from <= ?
                          and (valid_to is null or valid_to > ?) order by status""", String.class, id, day, day);
                List<String> replayed = vn.socialmap.cases.PathRules.statusesOn(periods, day).stream().map(Enum::name).sorted()
                        .toList();
                assertThat(stored).as("person %d on %s", id, day).isEqualTo(replayed);
                held += replayed.isEmpty() ? 0 : 1;
            }
        }
        // the comparisons are mostly of statuses held, not of two empty lists
        assertThat(held).as("person-days with a status").isGreaterThan(sample.size() * 2);
    }
}
