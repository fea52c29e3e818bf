package vn.socialmap.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

import vn.socialmap.IntegrationTest;
import vn.socialmap.base.ValidationException;
import vn.socialmap.geography.AdminLevel;
import vn.socialmap.security.AccessScope;
import vn.socialmap.security.CurrentUser;

/**
 * A record of a commune of 2025-01 split between two communes of today (Phường Ngọc Hà went
 * partly into Phường Ba Đình 00004 and partly into Phường Ngọc Hà 00008) is carried into
 * today's structure by its point, else by an address naming one of them (the old name is no
 * evidence), else provisionally into the one with the larger share of residents, listed for both
 * communes' officers; the events and periods follow the placement, and totals do not change.
 */
class ResidencePlacementTest extends IntegrationTest {

    static final String SPLIT = "00016";
    static final LocalDate FIRST_RECORD = LocalDate.of(2025, 3, 10);

    @Autowired
    CaseBulkLoader loader;
    @Autowired
    PersonService persons;
    @Autowired
    StatusCounts counts;
    @Autowired
    CurrentUser currentUser;
    @Autowired
    JdbcTemplate jdbc;

    /** A point of the split commune (2025-01) lying in a commune of today. */
    private double[] pointOf(String todayCommune) {
        return jdbc.queryForObject("""
                select ST_X(p), ST_Y(p) from (select ST_PointOnSurface(ST_Intersection(o.geom, n.geom)) as p
                from admin_unit o, admin_unit n where o.structure = '2025-01' and o.code = ? and n.structure = '2025-07' and n.code = ?) x""",
                (rs, n) -> new double[] {rs.getDouble(1), rs.getDouble(2)}, SPLIT, todayCommune);
    }

    /** Someone recorded in the split commune in March 2025, with a drug-use record then and a relapse-free path. */
    private long recordInTheSplitCommune(String name, double[] point, String address) {
        PersonForm form = new PersonForm(name, LocalDate.of(1990, 5, 5), Sex.MALE, null, SPLIT, address, SPLIT, address,
                point == null ? null : point[0], point == null ? null : point[1], null, null);
        List<EventForm> events = List.of(new EventForm(EventType.DRUG_USE_RECORD, FIRST_RECORD, null, Map.of(), null),
                new EventForm(EventType.ADDICTION_DETERMINATION, FIRST_RECORD.plusDays(20), "Trung tâm Y tế Ba Đình",
                        Map.of("result", "ADDICTED"), null));
        return loader.load(List.of(new CaseBulkLoader.PersonSeed(form, "01", "2025-01", events, "commune-" + SPLIT, false)))
                .getFirst();
    }

    private Map<String, Placement> placements(long id) {
        signIn("admin");
        return persons.get(id).placements();
    }

    @Test
    void thePointDecides() {
        long id = recordInTheSplitCommune("Kiểm Văn Điểm Đặt", pointOf("00008"), "Số 1, ngõ 2");
        Map<String, Placement> placed = placements(id);
        assertThat(placed.get("2025-01").method()).isEqualTo(PlacementMethod.RECORDED);
        assertThat(placed.get("2025-07").communeCode()).isEqualTo("00008");
        assertThat(placed.get("2025-07").method()).isEqualTo(PlacementMethod.POINT);
        assertThat(placed.get("2022").method()).isEqualTo(PlacementMethod.POINT);
        assertThat(placed.get("2025-01").districtCode()).isEqualTo("001");
        String current = jdbc.queryForObject("select current_structure || '/' || current_commune_code || '/' || former_district_code"
                + " from person where id = ?", String.class, id);
        assertThat(current).isEqualTo("2025-07/00008/001");
        // each event keeps the unit of its date: the first record in 2025-01's Ngọc Hà, its period pieces likewise
        PersonService.PersonDetail detail = persons.get(id);
        assertThat(persons.unitOn(detail, FIRST_RECORD)).extracting(UnitOnDate::structure, UnitOnDate::communeCode,
                UnitOnDate::districtCode).containsExactly("2025-01", SPLIT, "001");
        assertThat(persons.unitOn(detail, LocalDate.of(2025, 8, 1)).communeCode()).isEqualTo("00008");
        assertThat(jdbc.queryForList("select structure || '/' || commune_code from person_status_period where person_id = ?"
                + " and status = 'ON_RECORD' order by valid_from", String.class, id))
                .containsExactly("2025-01/" + SPLIT, "2025-07/00008");
    }

    @Test
    void anAddressNamingOneNewCommuneDecidesButTheOldNameDoesNot() {
        long named = recordInTheSplitCommune("Kiểm Văn Địa Chỉ", null, "Số 3, phố Liễu Giai, phường Ba Đình");
        assertThat(placements(named).get("2025-07")).extracting(Placement::communeCode, Placement::method)
                .containsExactly("00004", PlacementMethod.ADDRESS);
        long oldName = recordInTheSplitCommune("Kiểm Văn Tên Cũ", null, "Số 4, phường Ngọc Hà");
        assertThat(placements(oldName).get("2025-07").method()).isEqualTo(PlacementMethod.PROVISIONAL);
    }

    @Test
    void undecidedIsProvisionalListedForTheCandidatesAndAnOfficerMovesIt() {
        long id = recordInTheSplitCommune("Kiểm Văn Chờ Xếp", null, "Số 5");
        Placement provisional = placements(id).get("2025-07");
        assertThat(provisional.method()).isEqualTo(PlacementMethod.PROVISIONAL);
        assertThat(provisional.candidates()).containsExactly("00004", "00008");
        // the larger share of Ngọc Hà's residents went to Ba Đình
        assertThat(provisional.communeCode()).isEqualTo("00004");

        signIn("commune-00008");
        assertThat(persons.reviews(0, 500)).extracting(PersonSummary::id).contains(id);
        assertThat(persons.get(id).person().getFullName()).as("a candidate's officer may open it").isEqualTo("Kiểm Văn Chờ Xếp");
        signIn("commune-00025");
        assertThat(persons.reviews(0, 500)).extracting(PersonSummary::id).doesNotContain(id);
        assertThatThrownBy(() -> persons.confirmPlacement(id, "00008")).isInstanceOf(vn.socialmap.base.NotFoundException.class);

        signIn("commune-00008");
        assertThatThrownBy(() -> persons.confirmPlacement(id, "00025")).isInstanceOf(ValidationException.class);
        long totalBefore = counts.count("01", AdminLevel.COMMUNE, LocalDate.of(2025, 8, 1), adminScope()).totals()
                .get(PathStatus.ON_RECORD);
        persons.confirmPlacement(id, "00008");

        Map<String, Placement> after = placements(id);
        assertThat(after.get("2025-07")).extracting(Placement::communeCode, Placement::method)
                .containsExactly("00008", PlacementMethod.CONFIRMED);
        assertThat(after.get("2025-01").method()).as("what was recorded stays").isEqualTo(PlacementMethod.RECORDED);
        assertThat(jdbc.queryForObject("select current_commune_code from person where id = ?", String.class, id)).isEqualTo("00008");
        assertThat(jdbc.queryForList("select commune_code from person_status_period where person_id = ? and structure = '2025-07'",
                String.class, id)).containsOnly("00008");
        assertThat(counts.count("01", AdminLevel.COMMUNE, LocalDate.of(2025, 8, 1), adminScope()).totals().get(PathStatus.ON_RECORD))
                .isEqualTo(totalBefore);
        signIn("commune-00008");
        assertThat(persons.reviews(0, 500)).extracting(PersonSummary::id).doesNotContain(id);
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where details like ?", Long.class,
                "placement in 2025-07: 00004 -> 00008%")).isPositive();
    }

    private java.net.http.HttpResponse<String> api(String user, String method, String path, String body) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + path))
                .header("Authorization", basic(user, "demo"))
                .method(method, body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return java.net.http.HttpClient.newHttpClient().send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theReviewQueueAndTheChoiceThroughTheApi() throws Exception {
        long id = recordInTheSplitCommune("Kiểm Văn Qua Mạng", null, "Số 7");
        assertThat(api("commune-00008", "GET", "/api/v1/persons/placement-reviews?size=200", null).body())
                .contains("\"id\":" + id);
        assertThat(api("commune-00025", "GET", "/api/v1/persons/placement-reviews?size=200", null).body())
                .doesNotContain("\"id\":" + id);
        // not a candidate: a problem, nothing changed; an officer elsewhere learns nothing
        var refused = api("commune-00008", "PUT", "/api/v1/persons/" + id + "/placement", "{\"communeCode\":\"00025\"}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(api("commune-00025", "PUT", "/api/v1/persons/" + id + "/placement", "{\"communeCode\":\"00004\"}")
                .statusCode()).isEqualTo(404);
        assertThat(placements(id).get("2025-07").method()).isEqualTo(PlacementMethod.PROVISIONAL);
        // the documented example: confirmed where it was provisionally placed
        var confirmed = api("commune-00004", "PUT", "/api/v1/persons/" + id + "/placement", "{\"communeCode\":\"00004\"}");
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        assertThat(placements(id).get("2025-07")).extracting(Placement::communeCode, Placement::method)
                .containsExactly("00004", PlacementMethod.CONFIRMED);
    }

    @Test
    void aDistrictOfficerMayNotConfirm() {
        long id = recordInTheSplitCommune("Kiểm Văn Quận Cũ", null, "Số 6");
        signIn("district-001");
        assertThatThrownBy(() -> persons.confirmPlacement(id, "00008")).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void totalsAreTheSameOnEveryStructure() {
        for (LocalDate day : List.of(LocalDate.of(2022, 6, 30), LocalDate.of(2025, 3, 1), LocalDate.of(2026, 10, 31))) {
            Map<PathStatus, Long> native_ = counts.count("01", AdminLevel.COMMUNE, day, adminScope()).totals();
            for (LocalDate shownOn : List.of(LocalDate.of(2022, 6, 30), LocalDate.of(2025, 3, 1), LocalDate.of(2026, 10, 31))) {
                var table = counts.count("01", AdminLevel.COMMUNE, day, shownOn, adminScope());
                assertThat(table.totals()).as("%s on the units of %s", day, shownOn).isEqualTo(native_);
                assertThat(table.units().stream().mapToLong(u -> u.counts().get(PathStatus.ON_RECORD)).sum())
                        .isEqualTo(native_.get(PathStatus.ON_RECORD));
            }
        }
    }

    @Test
    void aCommuneOfficerOfTodaySeesTheirPeopleWithTheirWholeHistory() {
        signIn("commune-00004");
        assertThat(currentUser.scope().areaUnit().toString()).isEqualTo("2025-07/00004");
        List<PersonSummary> mine = persons.list(new PersonFilter(null, null, null, null, null, null, null, null), 0, 200).content();
        assertThat(mine).isNotEmpty().allMatch(p -> p.currentCommuneCode().equals("00004"));
        // people there since before the reorganisations: their events of 2022 are theirs to read, in the units of 2022
        Long since2022 = jdbc.queryForObject("""
                select p.id from person p where p.current_commune_code = '00004' and p.current_structure = '2025-07' and p.demo
                  and exists (select 1 from case_event e where e.person_id = p.id and e.event_date < '2022-01-01')
                order by p.id limit 1""", Long.class);
        PersonService.PersonDetail detail = persons.get(since2022);
        CaseEvent early = detail.events().getFirst();
        assertThat(persons.unitOn(detail, early.getEventDate()).structure()).isEqualTo("2022");
        assertThat(detail.events()).isNotEmpty();
        // nobody outside: a person of another commune looks missing
        Long elsewhere = jdbc.queryForObject("select id from person where current_commune_code = '00235' and demo limit 1", Long.class);
        assertThatThrownBy(() -> persons.get(elsewhere)).isInstanceOf(vn.socialmap.base.NotFoundException.class);
    }

    @Test
    void aFormerDistrictsOfficerSeesThePeopleLivingInItsArea() {
        signIn("district-006");
        assertThat(currentUser.scope().areaUnit().toString()).isEqualTo("2025-01/006");
        List<PersonSummary> rows = persons.list(new PersonFilter(null, null, null, null, null, null, null, null), 0, 200).content();
        assertThat(rows).isNotEmpty().allMatch(p -> "006".equals(p.formerDistrictCode()));
        // Phường Kim Liên lies wholly in the former Đống Đa: its people are this officer's
        Long kimLien = jdbc.queryForObject("select id from person where current_commune_code = '00229' and demo limit 1", Long.class);
        assertThat(persons.get(kimLien).person().getFormerDistrictCode()).isEqualTo("006");
    }

    private AccessScope adminScope() {
        return new AccessScope(vn.socialmap.security.Role.ADMIN, null, null, null);
    }
}
