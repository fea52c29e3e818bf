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
                  select 1 from person_status_period s where s.person_id = p.id and s.status = 'ON_RECORD' and s.valid_from <= ?)""",
                Long.class, java.sql.Date.valueOf(date));
    }

    @Test
    void peopleOnRecordAtTheEndOf2020And2021() {
        assertThat(demoOnRecord(LocalDate.of(2020, 12, 31))).isEqualTo(12_500);
        assertThat(demoOnRecord(LocalDate.of(2021, 12, 31))).isEqualTo(18_000);
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
        // Hoàn Kiếm (002) and Đống Đa (006) have 42 and 58 dossier targets of 950
        long all = jdbc.queryForObject("select count(*) from person where demo and province_code = '01'", Long.class);
        long dongDa = jdbc.queryForObject("select count(*) from person where demo and current_district_code = '006'", Long.class);
        assertThat((double) dongDa / all).isCloseTo(58.0 / 950, org.assertj.core.data.Offset.offset(0.01));
        assertThat(indicators.holding("01", PathStatus.IN_COMPULSORY, LocalDate.of(2022, 6, 30))).isPositive();
        assertThat(jdbc.queryForObject("select count(*) from person where demo and province_code = '48'", Long.class)).isEqualTo(1_550);
    }

    @Test
    void theProjectionMatchesAReplayOfTheEvents() {
        Long mismatches = jdbc.queryForObject("""
                select count(*) from person p where p.demo and p.id % 97 = 0 and not exists (
                  select 1 from person_status_period s where s.person_id = p.id and s.status = 'ON_RECORD')""", Long.class);
        assertThat(mismatches).isZero();
    }
}
