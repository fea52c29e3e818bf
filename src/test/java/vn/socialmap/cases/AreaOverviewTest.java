package vn.socialmap.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.socialmap.IntegrationTest;

class AreaOverviewTest extends IntegrationTest {

    @Autowired
    PersonService persons;
    @Autowired
    AreaOverview overview;


    private long person(String name) {
        return persons.create(new PersonForm(name, LocalDate.of(1980, 1, 1), Sex.MALE, null, "00004", null, "00004", null,
                null, null, null, null)).person().getId();
    }

    private void event(long id, EventType type, String date, String facility, Map<String, Object> details) {
        persons.addEvent(id, new EventForm(type, LocalDate.parse(date), facility, details, null));
    }

    @Test
    void peopleDueForAttentionAppearOnTheirAreasLists() {
        signIn("commune-00004");
        long away = person("Tạ Văn Bỏ Trốn");
        event(away, EventType.DRUG_USE_RECORD, "2022-12-01", null, Map.of());
        event(away, EventType.ADDICTION_DETERMINATION, "2023-01-05", "BV", Map.of("result", "ADDICTED"));
        event(away, EventType.COMPULSORY_DOSSIER, "2023-01-10", null, Map.of());
        event(away, EventType.COURT_DECISION, "2023-02-01", null, Map.of("court", "TAND", "decisionNumber", "9", "months", 12));
        event(away, EventType.COMPULSORY_ADMISSION, "2023-02-10", "3", Map.of());
        event(away, EventType.ABSCONDING, "2023-05-20", null, Map.of());

        long ending = person("Tạ Văn Sắp Hết");
        event(ending, EventType.DRUG_USE_RECORD, "2020-12-01", null, Map.of());
        event(ending, EventType.VOLUNTARY_COMMUNITY_START, "2021-01-01", null, Map.of("provider", "Trạm y tế"));
        event(ending, EventType.VOLUNTARY_COMMUNITY_END, "2021-06-01", null, Map.of("outcome", "COMPLETED"));
        event(ending, EventType.POST_REHAB_START, "2021-06-20", null, Map.of("plannedEnd", "2023-06-20", "assignee", "Công an phường"));

        long stopped = person("Tạ Văn Ngừng Thuốc");
        event(stopped, EventType.DRUG_USE_RECORD, "2021-12-01", null, Map.of());
        event(stopped, EventType.METHADONE_START, "2022-01-01", "MMT", Map.of());
        event(stopped, EventType.METHADONE_STOP, "2023-05-15", null, Map.of("reason", "bỏ điều trị"));

        signIn("district-001");
        AreaOverview.Overview o = overview.of(LocalDate.of(2023, 6, 1));
        assertThat(o.absconded()).extracting(AreaOverview.Entry::personId).contains(away);
        assertThat(o.postRehabEnding()).extracting(AreaOverview.Entry::personId).contains(ending);
        assertThat(o.methadoneStopped()).extracting(AreaOverview.Entry::personId).contains(stopped);
        assertThat(o.recentEvents()).extracting(AreaOverview.Entry::personId).contains(away, stopped);
        assertThat(o.counts().get(PathStatus.ABSCONDED)).isPositive();

        assertThat(overview.of(LocalDate.of(2023, 6, 1), "00004").absconded()).extracting(AreaOverview.Entry::personId).contains(away);
        assertThat(overview.of(LocalDate.of(2023, 6, 1), "00097").absconded()).extracting(AreaOverview.Entry::personId).doesNotContain(away);

        signIn("district-005");
        AreaOverview.Overview elsewhere = overview.of(LocalDate.of(2023, 6, 1));
        assertThat(elsewhere.absconded()).extracting(AreaOverview.Entry::personId).doesNotContain(away);
    }
}
