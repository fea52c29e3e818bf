package vn.socialmap.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.socialmap.IntegrationTest;
import vn.socialmap.geography.AdminLevel;
import vn.socialmap.security.CurrentUser;

/** Cached status counts never hide a committed change: each service call here commits. */
class StatusCountsCacheTest extends IntegrationTest {

    @Autowired
    StatusCounts counts;
    @Autowired
    PersonService persons;
    @Autowired
    CurrentUser currentUser;

    private long using(LocalDate date) {
        // 2024's figures carried onto today's communes, where the new person lives
        return counts.count("01", AdminLevel.COMMUNE, date, LocalDate.now(), currentUser.scope()).units().stream()
                .filter(u -> "00229".equals(u.code())).findFirst().orElseThrow().counts().get(PathStatus.USING);
    }

    @Test
    void aCommittedEventShowsInTheNextCount() {
        signIn("admin");
        LocalDate date = LocalDate.of(2024, 5, 1);
        long before = using(date);
        assertThat(using(date)).isEqualTo(before); // served again, from the cache
        long id = persons.create(new PersonForm("Vũ Văn Đếm Lại", LocalDate.of(1991, 2, 2), Sex.MALE, null, "00229", null,
                "00229", null, null, null, null, null)).person().getId();
        persons.addEvent(id, new EventForm(EventType.DRUG_USE_RECORD, LocalDate.of(2024, 4, 1), null, Map.of(), null));
        assertThat(using(date)).isEqualTo(before + 1);
    }
}
