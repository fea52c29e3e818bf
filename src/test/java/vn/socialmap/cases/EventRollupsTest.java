package vn.socialmap.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import vn.socialmap.IntegrationTest;

/**
 * The event rollups kept by triggers (V10, V22) equal the events that count (effective_case_event)
 * counted from scratch: on the demo data as loaded with COPY, and after new events, a correction, a
 * withdrawal and a merge. Rolled back.
 */
@Transactional
class EventRollupsTest extends IntegrationTest {

    @Autowired
    PersonService persons;
    @Autowired
    JdbcClient jdbc;

    private Map<String, Long> rows(String sql) {
        Map<String, Long> result = new TreeMap<>();
        jdbc.sql(sql).query(rs -> {
            result.put(rs.getString(1), rs.getLong(2));
        });
        return result;
    }

    private void assertRollupsAgreeWithTheEvents() {
        assertThat(rows("select concat_ws('|', province_code, type, event_date, kind, at_facility), n from event_count_day"
                + " where n <> 0"))
                .isEqualTo(rows("select concat_ws('|', e.province_code, e.type, e.event_date, coalesce(e.details ->> 'kind', ''),"
                        + " e.facility_code is not null), count(*) from effective_case_event e group by 1"));
        assertThat(rows("select concat_ws('|', province_code, person_id, year, first_day), 1 from person_service_year"))
                .isEqualTo(rows("select concat_ws('|', e.province_code, e.person_id, extract(year from e.event_date)::int,"
                        + " min(e.event_date)), 1 from effective_case_event e where is_service(e.type)"
                        + " group by e.province_code, e.person_id, extract(year from e.event_date)"));
        assertThat(rows("select concat_ws('|', province_code, first_day), n from service_first_day where n <> 0"))
                .isEqualTo(rows("select concat_ws('|', province_code, first_day), count(*) from person_service_year group by 1"));
    }

    @Test
    void theDemoDataLoadedWithCopyIsRolledUp() {
        assertThat(rows("select province_code, sum(n) from event_count_day group by 1")).containsKeys("01", "48");
        assertRollupsAgreeWithTheEvents();
    }

    @Test
    void newEventsCorrectionsWithdrawalsAndMergesKeepTheRollupsExact() {
        signIn("admin");
        PersonForm form = new PersonForm("Đỗ Văn Cuộn", LocalDate.of(1990, 1, 1), Sex.MALE, null, "00229", null, "00229", null,
                null, null, null, null);
        long a = persons.create(form).person().getId();
        long b = persons.create(form).person().getId();
        persons.addEvent(a, new EventForm(EventType.DRUG_USE_RECORD, LocalDate.of(2023, 1, 20), null, Map.of(), null));
        CaseEvent determination = persons.addEvent(a, new EventForm(EventType.ADDICTION_DETERMINATION, LocalDate.of(2023, 3, 1),
                "TTYT Ba Đình", Map.of("result", "ADDICTED"), null));
        persons.addEvent(b, new EventForm(EventType.DRUG_USE_RECORD, LocalDate.of(2023, 1, 5), null, Map.of(), null));
        CaseEvent methadone = persons.addEvent(b, new EventForm(EventType.METHADONE_START, LocalDate.of(2023, 2, 10), "MMT-01",
                Map.of(), null));
        assertThat(firstService(a, 2023)).isEqualTo(LocalDate.of(2023, 3, 1));
        assertRollupsAgreeWithTheEvents();

        // a correction moves the service earlier; a withdrawal takes one away
        persons.addEvent(a, new EventForm(EventType.ADDICTION_DETERMINATION, LocalDate.of(2023, 2, 1), "TTYT Ba Đình",
                Map.of("result", "ADDICTED"), determination.getId()));
        assertThat(firstService(a, 2023)).isEqualTo(LocalDate.of(2023, 2, 1));
        persons.addEvent(b, new EventForm(EventType.VOID, LocalDate.of(2023, 2, 10), null, Map.of(), methadone.getId()));
        assertThat(firstService(b, 2023)).isNull();
        assertRollupsAgreeWithTheEvents();

        // b's events move to a
        persons.addEvent(b, new EventForm(EventType.METHADONE_START, LocalDate.of(2023, 1, 15), "MMT-01", Map.of(), null));
        persons.merge(a, b);
        assertThat(firstService(a, 2023)).isEqualTo(LocalDate.of(2023, 1, 15));
        assertThat(firstService(b, 2023)).isNull();
        assertRollupsAgreeWithTheEvents();
    }

    private LocalDate firstService(long person, int year) {
        return jdbc.sql("select first_day from person_service_year where person_id = :p and year = :y")
                .param("p", person).param("y", year).query(LocalDate.class).optional().orElse(null);
    }
}
