package vn.socialmap.targets;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.socialmap.IntegrationTest;
import vn.socialmap.cases.EventForm;
import vn.socialmap.cases.EventType;
import vn.socialmap.cases.PersonForm;
import vn.socialmap.cases.PersonService;
import vn.socialmap.cases.Sex;

/** Cached plan progress never hides a committed change of the registry: each service call here commits. */
class ProgressCacheTest extends IntegrationTest {

    static final LocalDate AS_OF = LocalDate.of(2022, 6, 30);

    @Autowired
    ProgressService progress;
    @Autowired
    PersonService persons;

    private long onMethadone(long planId) {
        return progress.progress(planId, AS_OF, PlanModel.Level.CITY).stream().filter(r -> r.indicatorCode().equals("METHADONE"))
                .findFirst().orElseThrow().actual();
    }

    @Test
    void aCommittedEventShowsInTheNextProgress() {
        signIn("admin");
        long plan = progress.plans().stream().filter(p -> p.provinceCode().equals("01")).findFirst().orElseThrow().id();
        long before = onMethadone(plan);
        assertThat(onMethadone(plan)).isEqualTo(before); // served again, from the cache
        long id = persons.create(new PersonForm("Lý Văn Tiến Độ", LocalDate.of(1989, 9, 9), Sex.MALE, null, "00229", null,
                "00229", null, null, null, null, null)).person().getId();
        persons.addEvent(id, new EventForm(EventType.DRUG_USE_RECORD, LocalDate.of(2022, 1, 5), null, Map.of(), null));
        persons.addEvent(id, new EventForm(EventType.METHADONE_START, LocalDate.of(2022, 2, 1), "MMT-01", Map.of(), null));
        assertThat(onMethadone(plan)).isEqualTo(before + 1);
    }
}
