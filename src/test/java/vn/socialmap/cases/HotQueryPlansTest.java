package vn.socialmap.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.socialmap.IntegrationTest;
import vn.socialmap.demo.NationalDataset;
import vn.socialmap.demo.NationalDatasetProperties;
import vn.socialmap.security.AccessScope;
import vn.socialmap.security.Role;

/**
 * The hot queries read through their indexes on a mid-size dataset (the demo provinces plus
 * four generated ones, about 60,000 more people and 600,000 events), checked with EXPLAIN:
 * no sequential scan of a person table, and the index meant for the query. Rolled back.
 */
@Transactional
class HotQueryPlansTest extends IntegrationTest {

    static final List<String> PERSON_TABLES = List.of("person", "case_event", "person_status_period", "status_count_month");

    @Autowired
    NationalDataset dataset;
    @Autowired
    PersonSearch search;
    @Autowired
    JdbcClient jdbc;

    private final JsonMapper json = JsonMapper.builder().build();
    private long somePerson;
    private String someNationalId;
    private String someName;

    /** One test, because making the dataset takes most of its time; each check is a method. */
    @Test
    void theHotQueriesUseTheirIndexes() {
        midSizeDataset();
        statusCountsReadOneMonthOfTheRollupAndTheChangesSince();
        personSearchByNameAndByNationalIdUseTheirIndexes();
        aPersonsRecordAndPathAreReadByKey();
        anOfficersListIsReadInNameOrderFromTheAreasIndex();
    }

    private void midSizeDataset() {
        long persons = jdbc.sql("select count(*) from person").query(Long.class).single();
        long events = jdbc.sql("select count(*) from case_event").query(Long.class).single();
        dataset.generate(new NationalDatasetProperties(true, (int) persons + 60_000, events + 600_000, 11, null));
        somePerson = jdbc.sql("select max(id) from person").query(Long.class).single();
        someNationalId = jdbc.sql("select national_id from person where national_id is not null order by id desc limit 1")
                .query(String.class).single();
        someName = jdbc.sql("select name_folded from person order by id desc limit 1").query(String.class).single();
    }

    /** Scans of the plan as "Node Type relation/index". */
    private List<String> scans(String sql, Map<String, Object> params) {
        String plan = jdbc.sql("explain (format json) " + sql).params(params).query(String.class).single();
        List<String> scans = new ArrayList<>();
        collect(json.readTree(plan).get(0).get("Plan"), scans);
        return scans;
    }

    private void collect(JsonNode node, List<String> scans) {
        String type = node.path("Node Type").asString("");
        if (type.contains("Scan")) {
            scans.add(type + " " + node.path("Relation Name").asString(node.path("Index Name").asString("")) + "/"
                    + node.path("Index Name").asString(""));
        }
        for (JsonNode child : node.path("Plans")) {
            collect(child, scans);
        }
    }

    /** Both of the rollup's indexes lead with the month. */
    private void assertReadsOneMonthOfTheRollup(List<String> scans) {
        assertThat(scans).anyMatch(s -> s.endsWith("/status_count_month_pkey") || s.endsWith("/status_count_month_current"))
                .noneMatch(s -> s.startsWith("Seq Scan status_count_month"));
    }

    private void assertIndexed(List<String> scans, String... indexes) {
        assertThat(scans).as("no sequential scan of a person table").isNotEmpty().noneMatch(s -> s.startsWith("Seq Scan")
                && PERSON_TABLES.stream().anyMatch(t -> s.contains(" " + t + "/")));
        for (String index : indexes) {
            assertThat(scans).as("uses " + index).anyMatch(s -> s.endsWith("/" + index));
        }
    }

    private void statusCountsReadOneMonthOfTheRollupAndTheChangesSince() {
        LocalDate date = LocalDate.of(2023, 6, 20);
        Map<String, Object> forward = Map.of("month", Date.valueOf(LocalDate.of(2023, 6, 1)), "began", 1,
                "lower", Date.valueOf(LocalDate.of(2023, 6, 1)), "upper", Date.valueOf(date));
        List<String> onTheirUnits = scans(StatusCounts.countSql("commune_code", false), forward);
        assertIndexed(onTheirUnits, "person_status_period_from", "person_status_period_to");
        assertReadsOneMonthOfTheRollup(onTheirUnits);
        // carried onto today's communes: the same one month of the rollup
        List<String> onToday = scans(StatusCounts.countSql("current_commune_code", false), forward);
        assertIndexed(onToday, "person_status_period_from", "person_status_period_to");
        assertReadsOneMonthOfTheRollup(onToday);
        Map<String, Object> backward = Map.of("month", Date.valueOf(LocalDate.of(2023, 7, 1)), "began", -1,
                "lower", Date.valueOf(date), "upper", Date.valueOf(LocalDate.of(2023, 7, 1)), "province", "01");
        List<String> districts = scans(StatusCounts.countSql("district_code", true), backward);
        assertIndexed(districts, "person_status_period_from", "person_status_period_to");
        assertReadsOneMonthOfTheRollup(districts);
    }

    private void personSearchByNameAndByNationalIdUseTheirIndexes() {
        AccessScope admin = new AccessScope(Role.ADMIN, null, null, null);
        String[] words = someName.split(" ");
        String typed = words[0] + " " + words[1] + " " + words[2].substring(0, 1);
        PersonSearch.Query byName = search.build(admin, new PersonFilter(null, null, null, null, null, null, null, typed),
                LocalDate.now());
        // the page itself: the matches come from the words' index, never from walking every name in order
        Map<String, Object> pageParams = new java.util.HashMap<>(byName.params());
        pageParams.putAll(Map.of("offset", 0, "limit", 20));
        assertIndexed(scans(PersonSearch.findSql(byName), pageParams), "person_name_pairs");
        PersonSearch.Query byId = search.build(admin, new PersonFilter(null, null, null, null, null, null, null,
                someNationalId.substring(0, 9)), LocalDate.now());
        assertIndexed(scans("select p.id from person p where " + byId.where() + " order by p.name_folded limit 20",
                byId.params()), "person_national_id_prefix");
        // a province leader's search stays inside the province's people
        PersonSearch.Query inProvince = search.build(new AccessScope(Role.ADMIN, vn.socialmap.security.AreaType.PROVINCE, null, "01"),
                new PersonFilter(null, null, null, null, null, null, null, typed), LocalDate.now());
        assertIndexed(scans("select count(*) from person p where " + inProvince.where(), inProvince.params()));
    }

    private void anOfficersListIsReadInNameOrderFromTheAreasIndex() {
        Map<String, Object> page = Map.of("offset", 0, "limit", 50);
        for (var area : List.of(new Object[] {vn.socialmap.security.AreaType.DISTRICT, "2025-01", "001", "person_former_district_name"},
                new Object[] {vn.socialmap.security.AreaType.COMMUNE, "2025-07", "00004", "person_commune_name"},
                new Object[] {vn.socialmap.security.AreaType.PROVINCE, null, "01", "person_province_name"})) {
            PersonSearch.Query list = search.build(new AccessScope(Role.ADMIN, (vn.socialmap.security.AreaType) area[0],
                            (String) area[1], (String) area[2]),
                    new PersonFilter(null, null, null, null, null, null, null, null), LocalDate.now());
            Map<String, Object> params = new java.util.HashMap<>(list.params());
            params.putAll(page);
            List<String> scans = scans(PersonSearch.findSql(list), params);
            assertIndexed(scans, (String) area[3]);
            assertThat(scans).as("the page is read in order, not sorted after reading the area").isNotEmpty().noneMatch(s -> s.contains("person_name"));
        }
    }

    private void aPersonsRecordAndPathAreReadByKey() {
        Map<String, Object> id = Map.of("id", somePerson);
        assertIndexed(scans("select * from person where id = :id", id), "person_id");
        assertIndexed(scans("select * from case_event where person_id = :id order by event_date, id", id), "case_event_person");
        assertIndexed(scans("select * from person_status_period where person_id = :id", id), "person_status_period_person");
    }
}
