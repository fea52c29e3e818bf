package vn.socialmap.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import vn.socialmap.IntegrationTest;
import vn.socialmap.geography.AdminUnitService;

/** The person API: scoping by area, 404 outside it, audit of every read, the path rules, duplicates. */
class PersonApiTest extends IntegrationTest {


    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AdminUnitService units;

    private String tayHoCommune;

    @BeforeEach
    void findUnits() {
        tayHoCommune = communeIn("003");
    }



    private long createIn(String communeUser, String commune, String name, String birth, String nationalId) throws Exception {
        Map<String, Object> form = new java.util.HashMap<>();
        form.put("fullName", name);
        form.put("birthDate", birth);
        form.put("sex", "MALE");
        form.put("nationalId", nationalId);
        form.put("permanentCommuneCode", commune);
        form.put("currentCommuneCode", commune);
        form.put("currentAddress", "Số 1 ngõ 2");
        return ok(call(communeUser, "POST", "/api/v1/persons", form), 201).path("person").path("id").asLong();
    }

    private static JsonNode unit(JsonNode table, String code) {
        for (JsonNode u : table.path("units")) {
            if (code.equals(u.path("code").asString())) {
                return u.path("counts");
            }
        }
        throw new AssertionError("No unit " + code);
    }

    private long audits(String action, long personId) {
        return jdbc.queryForObject("select count(*) from audit_entry where action = ? and (',' || record_ids || ',') like ?",
                Long.class, action, "%," + personId + ",%");
    }

    @Test
    void anOfficerSeesNoPersonOutsideTheirDistrictByAnyRoute() throws Exception {
        long tayHo = createIn("commune-" + tayHoCommune, tayHoCommune, "Đỗ Văn Ngoài Vùng", "1988-02-03", null);
        assertThat(ok(call("district-003", "GET", "/api/v1/persons/" + tayHo, null), 200).path("fullName").asString())
                .isEqualTo("Đỗ Văn Ngoài Vùng");

        long deniedBefore = audits("DENIED", tayHo);
        HttpResponse<String> byId = call("district-005", "GET", "/api/v1/persons/" + tayHo, null);
        assertThat(byId.statusCode()).isEqualTo(404);
        assertThat(call("district-005", "GET", "/api/v1/persons/99999999", null).statusCode()).isEqualTo(404);
        assertThat(audits("DENIED", tayHo)).isEqualTo(deniedBefore + 1);

        for (String query : new String[] {"district=003", "commune=" + tayHoCommune, "q=do%20van%20ngoai", "q=ngoai",
                "status=ON_RECORD", "", "size=200"}) {
            JsonNode page = ok(call("district-005", "GET", "/api/v1/persons?" + query, null), 200);
            for (JsonNode row : page.path("content")) {
                assertThat(row.path("currentDistrictCode").asString()).as(query).isEqualTo("005");
                assertThat(row.path("formerDistrictCode").asString()).as(query).isEqualTo("005");
                assertThat(row.path("id").asLong()).isNotEqualTo(tayHo);
            }
        }
        // a commune officer elsewhere cannot write to it either, and learns nothing
        assertThat(call("commune-00229", "POST", "/api/v1/persons/" + tayHo + "/events",
                Map.of("type", "DRUG_USE_RECORD", "date", "2022-01-01")).statusCode()).isEqualTo(404);
        // district officers read; they do not record
        assertThat(call("district-003", "POST", "/api/v1/persons/" + tayHo + "/events",
                Map.of("type", "DRUG_USE_RECORD", "date", "2022-01-01")).statusCode()).isEqualTo(403);
    }

    @Test
    void leadersAndPlannersGetNoPersonRows() throws Exception {
        long someone = createIn("commune-00229", "00229", "Lê Văn Riêng Tư", "1991-04-05", null);
        for (String user : new String[] {"leader", "planner"}) {
            assertThat(call(user, "GET", "/api/v1/persons", null).statusCode()).as(user).isEqualTo(403);
            assertThat(call(user, "GET", "/api/v1/persons/" + someone, null).statusCode()).as(user).isEqualTo(403);
            assertThat(call(user, "GET", "/api/v1/persons?q=rieng", null).statusCode()).as(user).isEqualTo(403);
        }
    }

    @Test
    void everyReadIsAudited() throws Exception {
        long id = createIn("commune-00229", "00229", "Phạm Thị Được Ghi", "1992-06-07", null);
        assertThat(audits("CREATE", id)).isEqualTo(1);
        long views = audits("VIEW", id);
        call("district-006", "GET", "/api/v1/persons/" + id, null);
        assertThat(audits("VIEW", id)).isEqualTo(views + 1);
        long searches = audits("SEARCH", id);
        ok(call("district-006", "GET", "/api/v1/persons?q=pham%20thi%20duoc", null), 200);
        assertThat(audits("SEARCH", id)).isEqualTo(searches + 1);
    }

    @Test
    void eventsFollowThePathRules() throws Exception {
        long id = createIn("commune-00229", "00229", "Hoàng Văn Lộ Trình", "1985-01-01", null);
        ok(call("commune-00229", "POST", "/api/v1/persons/" + id + "/events",
                Map.of("type", "DRUG_USE_RECORD", "date", "2022-01-05")), 201);
        JsonNode refused = ok(call("commune-00229", "POST", "/api/v1/persons/" + id + "/events",
                Map.of("type", "COMPULSORY_ADMISSION", "date", "2022-01-05", "facilityCode", "1")), 400);
        assertThat(refused.path("rule").asString()).isEqualTo("event.rule.admission.requires.decision");
        assertThat(refused.path("detail").asString()).contains("court decision");
        assertThat(jdbc.queryForObject("select count(*) from case_event where person_id = ?", Long.class, id)).isEqualTo(1);

        ok(call("commune-00229", "POST", "/api/v1/persons/" + id + "/events",
                Map.of("type", "ADDICTION_DETERMINATION", "date", "2022-02-01", "facilityCode", "BV-Đống Đa",
                        "details", Map.of("result", "ADDICTED"))), 201);
        JsonNode person = ok(call("commune-00229", "GET", "/api/v1/persons/" + id, null), 200);
        assertThat(person.path("events")).hasSize(2);
        assertThat(person.path("statusToday").toString()).contains("ADDICTED", "ON_RECORD");
        assertThat(ok(call("commune-00229", "GET", "/api/v1/persons?status=ADDICTED&q=lo%20trinh", null), 200)
                .path("totalElements").asLong()).isEqualTo(1);
        assertThat(ok(call("commune-00229", "GET", "/api/v1/persons?status=ADDICTED&date=2022-01-20&q=lo%20trinh", null), 200)
                .path("totalElements").asLong()).isZero();
    }

    @Test
    void aKnownNationalIdIsRefusedWithALinkAndSameNameAndBirthWarns() throws Exception {
        String nationalId = NationalId.make("01", java.time.LocalDate.of(1987, 8, 9), vn.socialmap.cases.Sex.MALE, 555001);
        long first = createIn("commune-00229", "00229", "Vũ Văn Trùng", "1987-08-09", nationalId);
        Map<String, Object> again = new java.util.HashMap<>(Map.of("fullName", "Vu Van Trung", "birthDate", "1987-08-09",
                "sex", "MALE", "nationalId", nationalId, "permanentCommuneCode", "00229", "currentCommuneCode", "00229"));
        JsonNode conflict = ok(call("commune-00229", "POST", "/api/v1/persons", again), 409);
        assertThat(conflict.path("existing").asString()).isEqualTo("/api/v1/persons/" + first);

        again.remove("nationalId");
        // the same name and birth date: a warning naming the record, to a caller who may read it only
        JsonNode created = ok(call("commune-00229", "POST", "/api/v1/persons", again), 201);
        assertThat(created.path("possibleDuplicates").toString()).contains(String.valueOf(first));
        JsonNode elsewhere = ok(call("commune-00004", "POST", "/api/v1/persons",
                Map.of("fullName", "Vũ Văn Trùng", "birthDate", "1987-08-09", "sex", "MALE",
                        "permanentCommuneCode", "00004", "currentCommuneCode", "00004")), 201);
        assertThat(elsewhere.path("possibleDuplicates").toString()).doesNotContain(String.valueOf(first));
    }

    @Test
    void badPersonInputIsRefusedAndNothingSaved() throws Exception {
        long before = jdbc.queryForObject("select count(*) from person", Long.class);
        Map<String, Object> base = Map.of("fullName", "Ngô Văn Sai", "birthDate", "1990-01-01", "sex", "MALE",
                "permanentCommuneCode", "00229", "currentCommuneCode", "00229");
        Object[][] cases = {
                {"nationalId", "001190012345", "person.error.nationalId.sexCentury"},
                {"birthDate", "2020-01-01", "person.error.birthDate"},
                {"currentCommuneCode", "99999", "person.error.commune"},
                {"currentCommuneCode", "00004", "person.error.commune.outside"},
                {"longitude", 106.5, "person.error.point.outside"},
                {"fullName", "", "person.error.fullName"},
        };
        for (Object[] c : cases) {
            Map<String, Object> form = new java.util.HashMap<>(base);
            form.put((String) c[0], c[1]);
            if ("longitude".equals(c[0])) {
                form.put("latitude", 21.0);
            }
            JsonNode problem = ok(call("commune-00229", "POST", "/api/v1/persons", form), 400);
            assertThat(problem.path("rule").asString()).as(c[0].toString()).isEqualTo(c[2]);
        }
        assertThat(jdbc.queryForObject("select count(*) from person", Long.class)).isEqualTo(before);
    }

    @Test
    void statusCountsArePerturbedOutsideTheCallersArea() throws Exception {
        createIn("commune-00229", "00229", "Trịnh Văn Đếm", "1980-01-01", null);
        long id = createIn("commune-00229", "00229", "Trịnh Văn Đếm Hai", "1981-01-01", null);
        ok(call("commune-00229", "POST", "/api/v1/persons/" + id + "/events", Map.of("type", "DRUG_USE_RECORD", "date", "2022-03-01")), 201);
        String path = "/api/v1/stats/status-counts?province=01&level=district&date=2025-06-30";

        JsonNode exact = ok(call("admin", "GET", path, null), 200);
        assertThat(exact.path("suppressed").asBoolean()).isFalse();
        JsonNode forOfficer = ok(call("district-006", "GET", path, null), 200);
        assertThat(forOfficer.path("suppressed").asBoolean()).isTrue();
        // the officer's own district is exact: they may read its people one by one anyway
        assertThat(unit(forOfficer, "006")).isEqualTo(unit(exact, "006"));
        JsonNode forLeader = ok(call("leader", "GET", path, null), 200);
        assertThat(forLeader.path("suppressed").asBoolean()).isTrue();
        assertThat(forLeader.path("threshold").asInt()).isEqualTo(5);
        assertThat(forLeader.path("units")).hasSize(30);
        // every count is published (perturbed), none from 1 to 4, and not the exact table
        int differing = 0;
        for (JsonNode unit : forLeader.path("units")) {
            for (var entry : unit.path("counts").properties()) {
                JsonNode v = entry.getValue();
                assertThat(v.isNumber()).as(unit.path("code") + " " + entry.getKey()).isTrue();
                assertThat(v.asLong()).as(unit.path("code") + " " + entry.getKey()).isNotIn(1L, 4L);
                differing += v.asLong() == unit(exact, unit.path("code").asString()).path(entry.getKey()).asLong() ? 0 : 1;
            }
        }
        assertThat(differing).isGreaterThan(0);
        // asked again, the same answer: the noise belongs to the cell
        assertThat(ok(call("leader", "GET", path, null), 200).path("units")).isEqualTo(forLeader.path("units"));
        assertThat(ok(call("leader", "GET", "/api/v1/stats/status-counts?province=01&level=ward", null), 400)
                .path("invalidParams").get(0).path("name").asString()).isEqualTo("level");
    }

    @Test
    void aLongListIsCountedUpToTheLimitAndSaysSo() throws Exception {
        long everyone = jdbc.queryForObject("select count(*) from person where merged_into_id is null", Long.class);
        assertThat(everyone).isGreaterThan(PersonService.COUNT_LIMIT);
        JsonNode all = ok(call("admin", "GET", "/api/v1/persons?size=20", null), 200);
        assertThat(all.path("totalElements").asLong()).isEqualTo(PersonService.COUNT_LIMIT);
        assertThat(all.path("totalExact").asBoolean()).isFalse();
        assertThat(all.path("content")).hasSize(20);
        // a district officer's list below the limit is counted exactly
        String smallest = jdbc.queryForObject("""
                select former_district_code from person where merged_into_id is null and province_code = '01'
                group by 1 order by count(*), 1 limit 1""", String.class);
        long inDistrict = jdbc.queryForObject("select count(*) from person where merged_into_id is null and former_district_code = ?",
                Long.class, smallest);
        assertThat(inDistrict).isBetween(1L, (long) PersonService.COUNT_LIMIT);
        JsonNode district = ok(call("district-" + smallest, "GET", "/api/v1/persons?size=20", null), 200);
        assertThat(district.path("totalElements").asLong()).isEqualTo(inDistrict);
        assertThat(district.path("totalExact").asBoolean()).isTrue();
    }

    @Test
    void aFacilityOfficerSeesThePresentAndPastResidentsOfTheirFacilityOnly() throws Exception {
        JsonNode page = ok(call("facility-1", "GET", "/api/v1/persons?size=200", null), 200);
        assertThat(page.path("totalElements").asLong()).isPositive();
        for (JsonNode row : page.path("content")) {
            long id = row.path("id").asLong();
            assertThat(jdbc.queryForObject("""
                    select count(*) from person_status_period where person_id = ? and facility_code = '1'
                      and status in ('IN_COMPULSORY', 'VOLUNTARY_FACILITY', 'ABSCONDED')""", Long.class, id))
                    .as("person %d", id).isPositive();
        }
        long outsider = createIn("commune-00229", "00229", "Mạc Văn Ngoài Cơ Sở", "1979-01-01", null);
        assertThat(call("facility-1", "GET", "/api/v1/persons/" + outsider, null).statusCode()).isEqualTo(404);
    }

    @Test
    void aFormerCommunesOfficerReadsThePeopleLivingInItsOldAreaAndRecordsNothing() throws Exception {
        // commune-00001 is Phúc Xá's officer; Phúc Xá went into Phường Hồng Hà on 01/07/2025
        JsonNode page = ok(call("commune-00001", "GET", "/api/v1/persons?size=200", null), 200);
        assertThat(page.path("totalElements").asLong()).isPositive();
        for (JsonNode row : page.path("content")) {
            assertThat(jdbc.queryForObject("""
                    select count(*) from person_placement where person_id = ? and structure = '2025-01' and commune_code = '00001'""",
                    Long.class, row.path("id").asLong())).as("person %s", row.path("id")).isEqualTo(1);
        }
        long elsewhere = createIn("commune-00229", "00229", "Lã Văn Nơi Khác", "1983-03-03", null);
        assertThat(call("commune-00001", "GET", "/api/v1/persons/" + elsewhere, null).statusCode()).isEqualTo(404);
        long before = jdbc.queryForObject("select count(*) from person", Long.class);
        Map<String, Object> form = Map.of("fullName", "Lã Văn Cũ", "birthDate", "1990-01-01", "sex", "MALE",
                "permanentCommuneCode", "00097", "currentCommuneCode", "00097");
        assertThat(call("commune-00001", "POST", "/api/v1/persons", form).statusCode()).isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from person", Long.class)).isEqualTo(before);
    }
}
