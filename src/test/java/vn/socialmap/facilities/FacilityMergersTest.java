package vn.socialmap.facilities;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import vn.socialmap.IntegrationTest;

/**
 * Issue 19: Hà Nội's 7 public facilities of the labour department until 28/02/2025, merged into
 * the police's 4 from 01/03/2025; the registry, the map and the facility officers' scopes by date.
 */
class FacilityMergersTest extends IntegrationTest {

    private static final LocalDate MERGER = LocalDate.of(2025, 3, 1);
    private static final String ASSUMED = "assumed: no published mapping found (docs/research/law-120-2025.md §4)";


    @Autowired
    FacilityHistory history;
    @Autowired
    FacilityService facilities;
    @Autowired
    FacilityOverlays overlays;
    @Autowired
    JdbcTemplate jdbc;



    private Set<String> publicCodes(String asOf) throws Exception {
        Set<String> codes = new TreeSet<>();
        ok(call("leader", "GET", "/api/v1/facilities?province=01&type=PUBLIC_REHAB&asOf=" + asOf, null), 200)
                .path("features").forEach(f -> codes.add(f.path("properties").path("code").asString()));
        return codes;
    }

    private long facilityId(String code) {
        return jdbc.queryForObject("select id from facility where province_code = '01' and type = 'PUBLIC_REHAB' and code = ?",
                Long.class, code);
    }

    @Test
    void oldOneTwoAndFourWentIntoTheNewNumberOneAsPublishedTheOthersAreAssumed() {
        assertThat(history.predecessors("01", "PC04-1")).extracting(FacilityHistory.Succession::predecessorCode)
                .containsExactly("1", "2", "4");
        assertThat(history.predecessors("01", "PC04-1")).isNotEmpty().allSatisfy(s -> {
            assertThat(s.assumed()).isFalse();
            assertThat(s.date()).isEqualTo(MERGER);
            assertThat(s.source()).contains("tiki.pro.vn/?p=40490");
        });
        assertThat(history.predecessors("01", "PC04-2")).extracting(FacilityHistory.Succession::predecessorCode).containsExactly("7");
        assertThat(history.predecessors("01", "PC04-3")).extracting(FacilityHistory.Succession::predecessorCode)
                .containsExactly("3", "5");
        assertThat(history.predecessors("01", "PC04-4")).extracting(FacilityHistory.Succession::predecessorCode).containsExactly("6");
        for (String code : List.of("PC04-2", "PC04-3", "PC04-4")) {
            assertThat(history.predecessors("01", code)).isNotEmpty().allSatisfy(s -> {
                assertThat(s.assumed()).isTrue();
                assertThat(s.source()).isEqualTo(ASSUMED);
            });
        }
        // every old facility went into exactly one new one
        for (int n = 1; n <= 7; n++) {
            assertThat(history.successors("01", String.valueOf(n))).as("old %d", n).hasSize(1);
        }
    }

    @Test
    void theFourNewFacilitiesAreRegisteredAtTheirSitesAndTheSevenOldOnesClosedAsMerged() {
        Map<String, String> communes = Map.of("PC04-1", "09706", "PC04-2", "00376", "PC04-3", "09604", "PC04-4", "00622");
        communes.forEach((code, commune) -> {
            Facility f = facilities.get(facilityId(code));
            assertThat(f.getCommuneCode()).as(code).isEqualTo(commune);
            assertThat(f.getStatus()).isEqualTo(FacilityStatus.ACTIVE);
            assertThat(f.getStatusSince()).isEqualTo(MERGER);
            assertThat(f.getOpenedOn()).isEqualTo(MERGER);
            assertThat(f.getDetails()).containsEntry("voluntary", true).containsEntry("compulsory", true)
                    .containsEntry("locationApproximate", true);
        });
        assertThat(((Number) facilities.get(facilityId("PC04-1")).getDetails().get("capacity")).longValue()).isEqualTo(2000);
        assertThat(facilities.get(facilityId("PC04-1")).getDetails()).containsEntry("capacityAssumed", false);
        long three = ((Number) facilities.get(facilityId("3")).getDetails().get("capacity")).longValue();
        long five = ((Number) facilities.get(facilityId("5")).getDetails().get("capacity")).longValue();
        assertThat(((Number) facilities.get(facilityId("PC04-3")).getDetails().get("capacity")).longValue()).isEqualTo(three + five);
        assertThat(facilities.get(facilityId("PC04-3")).getDetails()).containsEntry("capacityAssumed", true);
        for (int n = 1; n <= 7; n++) {
            Facility old = facilities.get(facilityId(String.valueOf(n)));
            assertThat(old.getStatus()).as("old %d", n).isEqualTo(FacilityStatus.CLOSED);
            assertThat(old.getStatusSince()).isEqualTo(MERGER);
            assertThat(jdbc.queryForObject("select count(*) from facility_change where facility_id = ? and what = 'MERGED'",
                    Long.class, old.getId())).isEqualTo(1);
        }
    }

    @Test
    void listsAndTheMapAsOfADateShowTheFacilitiesThereThen() throws Exception {
        assertThat(publicCodes("2022-06-30")).containsExactly("1", "2", "3", "4", "5", "6", "7");
        assertThat(publicCodes("2025-02-28")).containsExactly("1", "2", "3", "4", "5", "6", "7");
        assertThat(publicCodes("2025-03-01")).containsExactly("PC04-1", "PC04-2", "PC04-3", "PC04-4");
        assertThat(publicCodes("2026-11-28")).containsExactly("PC04-1", "PC04-2", "PC04-3", "PC04-4");
        assertThat(call("leader", "GET", "/api/v1/facilities?province=01&asOf=28/11/2026", null).statusCode()).isEqualTo(400);

        Set<String> onTheMap = new TreeSet<>();
        overlays.features("PUBLIC_REHAB", "01", LocalDate.of(2022, 6, 30)).features()
                .forEach(f -> onTheMap.add(String.valueOf(f.properties().get("code"))));
        assertThat(onTheMap).containsExactly("1", "2", "3", "4", "5", "6", "7");
        onTheMap.clear();
        overlays.features("PUBLIC_REHAB", "01", LocalDate.of(2026, 11, 28)).features()
                .forEach(f -> onTheMap.add(String.valueOf(f.properties().get("code"))));
        assertThat(onTheMap).containsExactly("PC04-1", "PC04-2", "PC04-3", "PC04-4");
    }

    @Test
    void theLabourDepartmentRanTheOldFacilitiesUntilTheLastDayOfFebruaryThePoliceTheNewOnesFromMarch() throws Exception {
        LocalDate lastDay = LocalDate.of(2025, 2, 28);
        assertThat(history.operatorOn("01", "1", lastDay)).get().extracting(FacilityHistory.OperatorPeriod::kind)
                .isEqualTo(OperatorKind.LABOUR_DEPARTMENT);
        assertThat(history.operatorOn("01", "1", MERGER)).isEmpty();
        assertThat(history.operatorOn("01", "PC04-1", lastDay)).isEmpty();
        assertThat(history.operatorOn("01", "PC04-1", MERGER)).get().satisfies(o -> {
            assertThat(o.kind()).isEqualTo(OperatorKind.PROVINCIAL_POLICE);
            assertThat(o.name()).isEqualTo("Phòng Cảnh sát điều tra tội phạm về ma túy (PC04), Công an TP Hà Nội");
        });

        JsonNode lineage = ok(call("leader", "GET", "/api/v1/facilities/" + facilityId("PC04-3") + "/history", null), 200);
        assertThat(lineage.path("code").asString()).isEqualTo("PC04-3");
        assertThat(lineage.path("operators").get(0).path("kind").asString()).isEqualTo("PROVINCIAL_POLICE");
        assertThat(lineage.path("operators").get(0).path("validFrom").asString()).isEqualTo("2025-03-01");
        assertThat(lineage.path("predecessors")).hasSize(2);
        assertThat(lineage.path("predecessors").get(0).path("assumed").asBoolean()).isTrue();
        JsonNode old = ok(call("leader", "GET", "/api/v1/facilities/" + facilityId("2") + "/history", null), 200);
        assertThat(old.path("operators").get(0).path("name").asString()).isEqualTo("Sở Lao động - Thương binh và Xã hội Hà Nội");
        assertThat(old.path("operators").get(0).path("validTo").asString()).isEqualTo("2025-03-01");
        assertThat(old.path("successors").get(0).path("successorCode").asString()).isEqualTo("PC04-1");
        assertThat(old.path("successors").get(0).path("assumed").asBoolean()).isFalse();
    }

    @Test
    void theNewFacilitiesOfficersReadTheirResidentsAndTheOldOnesReadTheirFormerResidents() throws Exception {
        assertThat(jdbc.queryForList("select area_type || ' ' || area_code || ' ' || role from app_user "
                + "where username like 'facility-pc04-%' order by username", String.class))
                .containsExactly("FACILITY PC04-1 FACILITY_OFFICER", "FACILITY PC04-2 FACILITY_OFFICER",
                        "FACILITY PC04-3 FACILITY_OFFICER", "FACILITY PC04-4 FACILITY_OFFICER");

        // someone admitted to the new số 2: its officers read and change them, số 3's do not see them
        Map<String, Object> form = new java.util.HashMap<>(Map.of("fullName", "Trịnh Văn Chuyển Cơ Sở", "birthDate", "1990-02-03",
                "sex", "MALE", "permanentCommuneCode", "00376", "currentCommuneCode", "00376", "currentAddress", "Thôn Đông"));
        long id = ok(call("admin", "POST", "/api/v1/persons", form), 201).path("person").path("id").asLong();
        ok(call("admin", "POST", "/api/v1/persons/" + id + "/events", Map.of("type", "DRUG_USE_RECORD", "date", "2026-01-05")), 201);
        ok(call("admin", "POST", "/api/v1/persons/" + id + "/events",
                Map.of("type", "VOLUNTARY_FACILITY_ADMISSION", "date", "2026-01-10", "facilityCode", "PC04-2")), 201);
        assertThat(ok(call("facility-pc04-2", "GET", "/api/v1/persons/" + id, null), 200).path("fullName").asString())
                .isEqualTo("Trịnh Văn Chuyển Cơ Sở");
        assertThat(call("facility-pc04-3", "GET", "/api/v1/persons/" + id, null).statusCode()).isEqualTo(404);
        assertThat(call("facility-7", "GET", "/api/v1/persons/" + id, null).statusCode()).isEqualTo(404);
        JsonNode page = ok(call("facility-pc04-2", "GET", "/api/v1/persons?q=trinh%20van%20chuyen", null), 200);
        assertThat(page.path("content")).extracting(r -> r.path("id").asLong()).contains(id);
        ok(call("facility-pc04-2", "POST", "/api/v1/persons/" + id + "/events",
                Map.of("type", "VOLUNTARY_FACILITY_DISCHARGE", "date", "2026-06-10", "details", Map.of("outcome", "COMPLETED"))), 201);
        // discharged: still theirs to read (their facility's history), no longer theirs to change
        ok(call("facility-pc04-2", "GET", "/api/v1/persons/" + id, null), 200);
        assertThat(call("facility-pc04-2", "POST", "/api/v1/persons/" + id + "/events",
                Map.of("type", "DETOX", "date", "2026-07-01")).statusCode()).isEqualTo(404);

        // a former resident of the old số 1 (a period there, none today): facility-1 still reads them
        Long former = jdbc.queryForObject("""
                select min(p.id) from person p where p.merged_into_id is null
                  and exists (select 1 from person_status_period f where f.person_id = p.id and f.facility_code = '1'
                              and f.status in ('IN_COMPULSORY', 'VOLUNTARY_FACILITY', 'ABSCONDED') and f.valid_to is not null)
                  and not exists (select 1 from person_status_period f where f.person_id = p.id and f.facility_code = '1'
                                  and f.valid_to is null)""", Long.class);
        assertThat(former).isNotNull();
        ok(call("facility-1", "GET", "/api/v1/persons/" + former, null), 200);
        assertThat(call("facility-pc04-4", "GET", "/api/v1/persons/" + former, null).statusCode()).isEqualTo(404);
    }

    @Test
    void theCitysPoliceKeepTheProviderList() throws Exception {
        // Decree 184/2025: the provincial police director receives providers' registrations and publishes the list
        String commune = communeIn("017");
        double[] inside = pointIn(commune, "017");
        Map<String, Object> provider = new java.util.HashMap<>(Map.of("type", "COMMUNITY_PROVIDER", "name",
                "Tổ chức dịch vụ cai nghiện cộng đồng (kiểm thử công an)", "communeCode", commune, "longitude", inside[0],
                "latitude", inside[1], "status", "ACTIVE", "statusSince", "2025-08-01",
                "details", Map.of("servedCommunes", List.of(commune))));
        JsonNode created = ok(call("police-01", "POST", "/api/v1/facilities", provider), 201);
        assertThat(created.path("properties").path("type").asString()).isEqualTo("COMMUNITY_PROVIDER");
        signIn("police-01");
        assertThat(facilities.mayRegister()).isTrue();
        assertThat(facilities.registrableCommunes("01")).extracting(u -> u.getCode()).contains(commune);
        assertThat(facilities.registrableCommunes("48")).isEmpty();
    }
}
