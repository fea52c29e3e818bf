package vn.socialmap.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import vn.socialmap.IntegrationTest;
import vn.socialmap.geography.AdminLevel;
import vn.socialmap.geography.AdminStructures;
import vn.socialmap.security.CurrentUser;

/**
 * Status counts from the monthly rollup equal the counts read from the periods themselves,
 * on any date, after every kind of write, and after the horizon moves on. Rolled back.
 */
@Transactional
class StatusRollupTest extends IntegrationTest {

    static final List<LocalDate> DATES = List.of(LocalDate.of(2016, 1, 1), LocalDate.of(2019, 6, 30), LocalDate.of(2021, 12, 31),
            LocalDate.of(2022, 3, 1), LocalDate.of(2022, 6, 15), LocalDate.of(2023, 12, 31), LocalDate.of(2025, 3, 1),
            LocalDate.of(2025, 7, 1), LocalDate.now().plusDays(40));

    @Autowired
    StatusCounts counts;
    @Autowired
    StatusRollup rollup;
    @Autowired
    PersonService persons;
    @Autowired
    CurrentUser currentUser;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AdminStructures structures;

    /** unit|status -> people, read from the periods. */
    private Map<String, Long> direct(String province, AdminLevel level, LocalDate date) {
        String column = level == AdminLevel.DISTRICT ? "district_code" : "commune_code";
        Map<String, Long> result = new TreeMap<>();
        jdbc.sql("select " + column + ", status, count(distinct person_id) from person_status_period "
                        + "where (cast(:p as text) is null or province_code = :p) and valid_from <= :d "
                        + "and (valid_to is null or valid_to > :d) group by 1, 2")
                .param("p", province).param("d", Date.valueOf(date))
                .query(rs -> {
                    result.put(rs.getString(1) + "|" + rs.getString(2), rs.getLong(3));
                });
        return result;
    }

    private Map<String, Long> fromRollup(String province, AdminLevel level, LocalDate date) {
        Map<String, Long> result = new TreeMap<>();
        for (StatusCounts.UnitCounts unit : counts.count(province, level, date, currentUser.scope()).units()) {
            unit.counts().forEach((status, n) -> {
                if (n != null && n != 0) {
                    result.put(unit.code() + "|" + status, n);
                }
            });
        }
        return result;
    }

    /** unit|status -> people, each counted in their commune of today (their placement in today's structure). */
    private Map<String, Long> directOnToday(String province, LocalDate date) {
        Map<String, Long> result = new TreeMap<>();
        jdbc.sql("""
                        select pl.commune_code, s.status, count(distinct s.person_id) from person_status_period s
                        join person_placement pl on pl.province_code = s.province_code and pl.person_id = s.person_id
                             and pl.structure = :today
                        where s.province_code = :p and s.valid_from <= :d and (s.valid_to is null or s.valid_to > :d)
                        group by 1, 2""")
                .param("p", province).param("d", Date.valueOf(date)).param("today", structures.current().code())
                .query(rs -> {
                    result.put(rs.getString(1) + "|" + rs.getString(2), rs.getLong(3));
                });
        return result;
    }

    private Map<String, Long> fromRollupOnToday(String province, LocalDate date) {
        Map<String, Long> result = new TreeMap<>();
        for (StatusCounts.UnitCounts unit : counts.count(province, AdminLevel.COMMUNE, date, LocalDate.now(), currentUser.scope())
                .units()) {
            unit.counts().forEach((status, n) -> {
                if (n != null && n != 0) {
                    result.put(unit.code() + "|" + status, n);
                }
            });
        }
        return result;
    }

    private void assertAgreeEverywhere() {
        for (LocalDate date : DATES) {
            // carried onto today's communes, from the rollup's commune of today
            for (String province : List.of("01", "48")) {
                assertThat(fromRollupOnToday(province, date)).as("on today's communes " + province + " " + date)
                        .isEqualTo(directOnToday(province, date));
            }
            for (AdminLevel level : List.of(AdminLevel.DISTRICT, AdminLevel.COMMUNE)) {
                // no district level from 01/07/2025: no rows, as in the periods no district is set
                boolean levelInForce = structures.on(date).levels().contains(level);
                for (String province : java.util.Arrays.asList("01", "48", null)) {
                    assertThat(fromRollup(province, level, date)).as(province + " " + level + " " + date)
                            .isEqualTo(levelInForce ? direct(province, level, date) : Map.of());
                }
            }
        }
    }

    @Test
    void theRollupAgreesWithThePeriodsOnTheDemoData() {
        signIn("admin");
        assertThat(direct("01", AdminLevel.COMMUNE, LocalDate.of(2021, 12, 31))).isNotEmpty();
        assertAgreeEverywhere();
    }

    @Test
    void itStaysInStepWithEditsMergesAndTheMonthlyAdvance() {
        signIn("admin");
        PersonForm form = new PersonForm("Đỗ Văn Cuộn", LocalDate.of(1990, 1, 1), Sex.MALE, null, "00229", null, "00229", null,
                null, null, null, null);
        long a = persons.create(form).person().getId();
        long b = persons.create(form).person().getId();
        persons.addEvent(a, new EventForm(EventType.DRUG_USE_RECORD, LocalDate.of(2021, 11, 20), null, Map.of(), null));
        persons.addEvent(a, new EventForm(EventType.ADDICTION_DETERMINATION, LocalDate.of(2022, 2, 1), "TTYT Ba Đình",
                Map.of("result", "ADDICTED"), null));
        persons.addEvent(b, new EventForm(EventType.DRUG_USE_RECORD, LocalDate.of(2022, 3, 1), null, Map.of(), null));
        persons.addEvent(b, new EventForm(EventType.METHADONE_START, LocalDate.of(2022, 4, 15), "MMT-01", Map.of(), null));
        Person moved = persons.get(a).person();
        persons.update(a, new PersonForm("Đỗ Văn Cuộn", LocalDate.of(1990, 1, 1), Sex.MALE, null, "00004", null, "00004", null,
                null, null, null, null), moved.getVersion());
        persons.merge(a, b);
        assertAgreeEverywhere();

        // the horizon three months back: the advance rebuilds the same rows
        Map<String, Long> before = snapshot();
        jdbc.sql("update status_count_horizon set month = (month - interval '3 months')::date").update();
        jdbc.sql("delete from status_count_month where month > (select month from status_count_horizon)").update();
        rollup.advance();
        assertThat(snapshot()).isEqualTo(before);
        assertAgreeEverywhere();
    }

    private Map<String, Long> snapshot() {
        Map<String, Long> rows = new TreeMap<>();
        jdbc.sql("select month, structure, commune_code, current_commune_code, status, n from status_count_month where n <> 0")
                .query(rs -> {
            rows.put(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4) + "|"
                    + rs.getString(5), rs.getLong(6));
        });
        return rows;
    }
}
