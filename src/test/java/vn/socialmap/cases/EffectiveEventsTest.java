package vn.socialmap.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import vn.socialmap.IntegrationTest;

/**
 * Which events count, stated once for SQL (the view effective_case_event, V22) and once for the path
 * replay (PathRules.effective): a withdrawn and a superseded event count neither in the view, nor in
 * the rollups, nor in the indicators, and the two statements agree on every person. Rolled back.
 */
@Transactional
class EffectiveEventsTest extends IntegrationTest {

    static final LocalDate WRONG = LocalDate.of(2023, 3, 1);
    static final LocalDate RIGHT = LocalDate.of(2023, 3, 6);
    static final LocalDate WITHDRAWN = LocalDate.of(2023, 2, 10);

    @Autowired
    PersonService persons;
    @Autowired
    CaseIndicators indicators;
    @Autowired
    JdbcClient jdbc;

    long person;
    String province;
    final List<Long> counting = new ArrayList<>();
    Map<String, Long> before;

    /** A person with a detox recorded on the wrong day and corrected, and a methadone start withdrawn. */
    @BeforeEach
    void correctedAndWithdrawn() {
        signIn("admin");
        person = persons.create(new PersonForm("Đỗ Văn Đếm", LocalDate.of(1990, 1, 1), Sex.MALE, null, "00229", null, "00229",
                null, null, null, null, null)).person().getId();
        province = jdbc.sql("select province_code from person where id = :id").param("id", person).query(String.class).single();
        before = counts();
        counting.add(add(EventType.DRUG_USE_RECORD, LocalDate.of(2023, 1, 20), null, Map.of(), null));
        long detox = add(EventType.DETOX, WRONG, "TTYT Ba Đình", Map.of(), null);
        long methadone = add(EventType.METHADONE_START, WITHDRAWN, "MMT-01", Map.of(), null);
        counting.add(add(EventType.DETOX, RIGHT, "TTYT Ba Đình", Map.of(), detox));
        add(EventType.VOID, WITHDRAWN, null, Map.of(), methadone);
    }

    private long add(EventType type, LocalDate date, String facility, Map<String, Object> details, Long supersedes) {
        return persons.addEvent(person, new EventForm(type, date, facility, details, supersedes)).getId();
    }

    /** Each (type, day) of the fixture counted by the view, the day rollup and the indicators. */
    private Map<String, Long> counts() {
        Map<String, Long> counts = new TreeMap<>();
        for (Object[] key : List.of(new Object[] {EventType.DETOX, WRONG}, new Object[] {EventType.DETOX, RIGHT},
                new Object[] {EventType.METHADONE_START, WITHDRAWN}, new Object[] {EventType.VOID, WITHDRAWN})) {
            EventType type = (EventType) key[0];
            LocalDate day = (LocalDate) key[1];
            String name = type + "@" + day;
            counts.put(name + " view", jdbc.sql("select count(*) from effective_case_event where province_code = :p and type = :t"
                            + " and event_date = :d").param("p", province).param("t", type.name()).param("d", Date.valueOf(day))
                    .query(Long.class).single());
            counts.put(name + " rollup", jdbc.sql("select coalesce(sum(n), 0) from event_count_day where province_code = :p"
                            + " and type = :t and event_date = :d").param("p", province).param("t", type.name())
                    .param("d", Date.valueOf(day)).query(Long.class).single());
            counts.put(name + " events", indicators.events(province, type, day, day));
            counts.put(name + " by province", indicators.countByProvince(Map.of(province, day), day, Set.of(type), false, null)
                    .getOrDefault(province, 0L));
        }
        return counts;
    }

    @Test
    void aWithdrawnAndASupersededEventCountNowhere() {
        assertThat(jdbc.sql("select id from effective_case_event where person_id = :p").param("p", person).query(Long.class).list())
                .containsExactlyInAnyOrderElementsOf(counting);
        Map<String, Long> added = new TreeMap<>();
        counts().forEach((key, n) -> added.put(key, n - before.get(key)));
        Map<String, Long> expected = new TreeMap<>();
        added.keySet().forEach(key -> expected.put(key, key.startsWith("DETOX@" + RIGHT) ? 1L : 0L));
        assertThat(added).isEqualTo(expected);
        // the first service of the year: the corrected detox, not the withdrawn methadone start
        assertThat(jdbc.sql("select first_day from person_service_year where person_id = :p and year = 2023").param("p", person)
                .query(LocalDate.class).single()).isEqualTo(RIGHT);
    }

    @Test
    void thePathReplayCountsTheSameEventsAsTheDatabaseForEveryPerson() {
        Map<Long, List<PathRules.Event>> byPerson = new HashMap<>();
        jdbc.sql("select id, person_id, type, event_date, supersedes_id from case_event").query(rs -> {
            byPerson.computeIfAbsent(rs.getLong("person_id"), k -> new ArrayList<>()).add(new PathRules.Event(rs.getLong("id"),
                    EventType.valueOf(rs.getString("type")), rs.getObject("event_date", LocalDate.class), null, null,
                    rs.getObject("supersedes_id", Long.class)));
        });
        Set<Long> replayed = new HashSet<>();
        byPerson.values().forEach(events -> PathRules.effective(events).forEach(e -> replayed.add(e.id())));
        Set<Long> counted = new HashSet<>(jdbc.sql("select id from effective_case_event").query(Long.class).list());
        assertThat(replayed).as("the fixture's events").containsAll(counting);
        Set<Long> onlyReplayed = new HashSet<>(replayed);
        onlyReplayed.removeAll(counted);
        Set<Long> onlyCounted = new HashSet<>(counted);
        onlyCounted.removeAll(replayed);
        assertThat(onlyReplayed).as("counted by PathRules only").isEmpty();
        assertThat(onlyCounted).as("counted by effective_case_event only").isEmpty();
        assertThat(counted).hasSizeGreaterThan(100);
    }
}
