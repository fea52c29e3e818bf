package vn.socialmap.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import vn.socialmap.IntegrationTest;
import vn.socialmap.base.ValidationException;

/**
 * The person tables stay ready for distribution by province (docs/scaling.md): every key
 * leads with province_code, and a record never changes province. Rolled back after each test.
 */
@Transactional
class DistributionKeysTest extends IntegrationTest {

    static final List<String> PERSON_TABLES = List.of("person", "case_event", "person_status_period", "event_count_day",
            "person_service_year", "service_first_day", "person_placement");

    @Autowired
    PersonService persons;
    @Autowired
    JdbcClient jdbc;

    @Test
    void everyKeyOfThePersonTablesLeadsWithTheProvinceCode() {
        // primary, unique and foreign keys among them, and unique indexes, with their first column; keys
        // to reference tables (admin_structure), replicated to every node, are not distribution keys
        List<String> keys = jdbc.sql("""
                select c.conrelid::regclass || '.' || c.conname || ' ' || a.attname
                from pg_constraint c join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
                where c.conrelid::regclass::text = any(:tables)
                  and (c.contype in ('p', 'u') or c.contype = 'f' and c.confrelid::regclass::text = any(:tables))
                union all
                select i.indrelid::regclass || '.' || i.indexrelid::regclass || ' ' || a.attname
                from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
                where i.indrelid::regclass::text = any(:tables) and i.indisunique""")
                .param("tables", PERSON_TABLES.toArray(String[]::new)).query(String.class).list();
        assertThat(keys).hasSizeGreaterThanOrEqualTo(8);
        // the one exception, planned in docs/scaling.md: one live record per national ID across provinces
        assertThat(keys).filteredOn(k -> !k.endsWith(" province_code")).containsExactly("person.person_national_id national_id");
    }

    @Test
    void aRecordDoesNotMoveToAnotherProvince() {
        signIn("admin");
        Person person = persons.create(form("00229")).person();
        assertThatThrownBy(() -> persons.update(person.getId(), form("20242"), person.getVersion()))
                .isInstanceOf(ValidationException.class).extracting("messageKey").isEqualTo("person.error.province.change");
        assertThat(jdbc.sql("select current_commune_code from person where id = :id").param("id", person.getId())
                .query(String.class).single()).isEqualTo("00229");
    }

    @Test
    void recordsOfTwoProvincesAreNotMerged() {
        signIn("admin");
        long hanoi = persons.create(form("00229")).person().getId();
        long daNang = persons.create(form("20242")).person().getId();
        assertThatThrownBy(() -> persons.merge(hanoi, daNang))
                .isInstanceOf(ValidationException.class).extracting("messageKey").isEqualTo("person.error.merge.province");
        assertThat(jdbc.sql("select merged_into_id from person where id = :id").param("id", daNang).query(Long.class).optional())
                .isEmpty();
    }

    private static PersonForm form(String commune) {
        return new PersonForm("Lê Văn Phân Vùng", LocalDate.of(1985, 5, 5), Sex.MALE, null, commune, null, commune, null,
                null, null, null, null);
    }
}
