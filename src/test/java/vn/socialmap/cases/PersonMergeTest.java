package vn.socialmap.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.socialmap.IntegrationTest;

class PersonMergeTest extends IntegrationTest {

    @Autowired
    PersonService persons;
    @Autowired
    JdbcTemplate jdbc;


    private PersonForm form(String name) {
        return new PersonForm(name, LocalDate.of(1983, 3, 3), Sex.FEMALE, null, "00229", null, "00229", null,
                null, null, null, null);
    }

    @Test
    void mergingKeepsEveryEvent() {
        signIn("commune-00229");
        long survivor = persons.create(form("Đinh Thị Gộp")).person().getId();
        long duplicate = persons.create(form("Đinh Thị Gộp")).person().getId();
        persons.addEvent(survivor, new EventForm(EventType.DRUG_USE_RECORD, LocalDate.of(2021, 1, 1), null, Map.of(), null));
        // each record opens with its own listing; the merged path keeps both as recorded
        persons.addEvent(duplicate, new EventForm(EventType.DRUG_USE_RECORD, LocalDate.of(2021, 5, 1), null, Map.of(), null));
        persons.addEvent(duplicate, new EventForm(EventType.METHADONE_START, LocalDate.of(2021, 6, 1), "MMT-02", Map.of(), null));
        persons.addEvent(duplicate, new EventForm(EventType.METHADONE_STOP, LocalDate.of(2021, 9, 1), null,
                Map.of("reason", "chuyển cơ sở"), null));

        signIn("admin");
        persons.merge(survivor, duplicate);
        PersonService.PersonDetail merged = persons.get(survivor);
        assertThat(merged.events()).hasSize(4);
        assertThat(jdbc.queryForObject("select count(*) from case_event where person_id = ?", Long.class, duplicate)).isZero();
        assertThat(jdbc.queryForObject("select merged_into_id from person where id = ?", Long.class, duplicate)).isEqualTo(survivor);
        assertThat(PathRules.statusesOn(merged.periods(), LocalDate.of(2021, 7, 1))).contains(PathStatus.ON_METHADONE);
        assertThat(jdbc.queryForObject("select count(*) from person_status_period where person_id = ?", Long.class, duplicate)).isZero();
    }

    @Test
    void anExportHoldsOnlyTheCallersAreaAndIsAudited() throws Exception {
        signIn("district-005");
        String exports = "select count(*) from audit_entry where action = 'EXPORT' and username = 'district-005'";
        long before = jdbc.queryForObject(exports, Long.class);
        assertThat(persons.export(new PersonFilter("003", null, null, null, null, null, null, null))).isEmpty();
        assertThat(persons.export(PersonFilter.none())).isNotEmpty()
                .allSatisfy(p -> assertThat(p.formerDistrictCode()).isEqualTo("005"));
        assertThat(jdbc.queryForObject(exports, Long.class)).isEqualTo(before + 2);
    }
}
