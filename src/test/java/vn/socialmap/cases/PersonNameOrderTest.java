package vn.socialmap.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import vn.socialmap.IntegrationTest;

/** Lists of people read in Vietnamese order: by given name, then family and middle names, by the Vietnamese alphabet. */
@Transactional
class PersonNameOrderTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PersonSearch search;

    @Test
    void aListIsInTheOrderOfGivenNamesThenFamilyNames() {
        for (String name : new String[] {"Bùi Thị Bình", "Đỗ Đức Ánh", "Nguyễn Văn An", "Lê Đào", "Trần Anh",
                "Lê Văn Dũng (mẫu)", "Lê Văn Ăn", "Đinh Văn An", " Phạm  Hà "}) {
            jdbc.sql("""
                    insert into person (province_code, full_name, name_folded, birth_date, sex, permanent_structure,
                                        permanent_commune_code, current_structure, current_commune_code,
                                        created_by, created_at, updated_at)
                    values ('99', :n, lower(:n), date '1990-01-01', 'MALE', '2025-07', '99999', '2025-07', '99999',
                            'test', now(), now())""").param("n", name).update();
        }
        var query = new PersonSearch.Query("p.current_commune_code = '99999' and p.merged_into_id is null",
                Map.of("on", LocalDate.of(2026, 11, 28)));

        var names = search.find(query, 0, 20).stream().map(PersonSummary::fullName).toList();

        // a note in brackets is not a name; a < ă (letters), Anh < Ánh (tones after the letters), d < đ < n; the same given name by family name
        assertThat(names).containsExactly("Đinh Văn An", "Nguyễn Văn An", "Trần Anh", "Đỗ Đức Ánh", "Lê Văn Ăn",
                "Bùi Thị Bình", "Lê Văn Dũng (mẫu)", "Lê Đào", " Phạm  Hà ");
    }
}
