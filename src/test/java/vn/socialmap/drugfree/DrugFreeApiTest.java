package vn.socialmap.drugfree;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import vn.socialmap.IntegrationTest;
import vn.socialmap.facilities.FacilityForm;
import vn.socialmap.facilities.FacilityService;
import vn.socialmap.facilities.FacilityStatus;
import vn.socialmap.facilities.FacilityType;
import vn.socialmap.geography.AdminLevel;
import vn.socialmap.geography.ThematicLayer;

/**
 * The drug-free communes API, decisions and their history, evidence, who may write, the map
 * layer and the plans' progress, on the demo (Hanoi) and on communes of a province without
 * demo people (Cao Bằng, 04), where the registry criteria hold until a fixture breaks them.
 */
class DrugFreeApiTest extends IntegrationTest {

    private static final String EMPTY_COMMUNE = "01273";
    private static final String HOTSPOT_COMMUNE = "01279";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = JsonMapper.builder().build();

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    List<ThematicLayer> layers;
    @Autowired
    FacilityService facilities;
    @Autowired
    DrugFreeSettings settings;

    private HttpResponse<String> send(String user, String method, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Authorization", basic(user, "demo"))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode list(String user, String query) throws Exception {
        HttpResponse<String> r = send(user, "GET", "/api/v1/drug-free-communes?" + query, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    private static JsonNode commune(JsonNode list, String code) {
        for (JsonNode c : list.get("communes")) {
            if (c.get("code").asText().equals(code)) {
                return c;
            }
        }
        throw new AssertionError("no commune " + code);
    }

    private static JsonNode criterion(JsonNode commune, String id) {
        for (JsonNode c : commune.get("criteria")) {
            if (c.get("id").asText().equals(id)) {
                return c;
            }
        }
        throw new AssertionError("no criterion " + id);
    }

    private long rows() {
        return jdbc.queryForObject("select (select count(*) from drug_free_assessment) + (select count(*) from drug_free_evidence)",
                Long.class);
    }

    @Test
    void listsTodaysCommunesWithStatusCriteriaAndProgress() throws Exception {
        JsonNode admin = list("admin", "province=01&year=2026");
        assertThat(admin.get("communes")).hasSize(126);
        assertThat(admin.get("assessedOn").asText()).isEqualTo(LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toString());
        JsonNode first = admin.get("communes").get(0);
        assertThat(first.has("code")).isTrue();
        assertThat(first.has("name")).isTrue();
        assertThat(first.get("status").asText()).isIn("NOT_ASSESSED", "PROPOSED", "RECOGNISED", "LOST");
        assertThat(first.get("criteria")).hasSize(settings.criteria().size());
        // the criteria as settings, each with its source and marked assumed
        for (JsonNode c : admin.get("criteria")) {
            assertThat(c.get("assumed").asBoolean()).isTrue();
            assertThat(c.get("source").asText()).contains("28/2025");
        }
        // demo: recognised in 2025 and carried over, recognised in 2026, one lost
        Map<String, Integer> statuses = new HashMap<>();
        admin.get("communes").forEach(c -> statuses.merge(c.get("status").asText(), 1, Integer::sum));
        assertThat(statuses).containsEntry("LOST", 1).containsEntry("RECOGNISED", 13).containsEntry("PROPOSED", 8);
        // evidence entered for an assessed commune's non-registry criteria
        JsonNode assessed = null;
        for (JsonNode c : admin.get("communes")) {
            if (c.get("status").asText().equals("RECOGNISED") && !c.get("carriedOver").asBoolean()) {
                assessed = c;
                break;
            }
        }
        assertThat(assessed).isNotNull();
        JsonNode offences = criterion(assessed, "DRUG_OFFENCES");
        assertThat(offences.get("value").asLong()).isZero();
        assertThat(offences.get("evidence").asText()).isNotBlank();
        assertThat(offences.get("enteredBy").asText()).isEqualTo("demo");
        assertThat(assessed.get("decision").get("decidedBy").asText()).isEqualTo(settings.authority());
        // progress against Plan 08/KH-UBND: 46 communes in 2026
        JsonNode progress = admin.get("progress");
        assertThat(progress.get("recognised").asLong()).isEqualTo(13);
        assertThat(progress.get("communes").asInt()).isEqualTo(126);
        boolean plan08 = false;
        for (JsonNode p : progress.get("plans")) {
            if (p.get("number").asText().equals("08/KH-UBND")) {
                plan08 = true;
                assertThat(p.get("target").asDouble()).isEqualTo(46.0);
                assertThat(p.get("actual").asLong()).isEqualTo(13);
            }
        }
        assertThat(plan08).isTrue();
        // 2025: 6 recognised of the 20% of Plan 290
        JsonNode y2025 = list("admin", "province=01&year=2025");
        assertThat(y2025.get("progress").get("recognised").asLong()).isEqualTo(6);
        assertThat(y2025.get("assessedOn").asText()).isEqualTo("2025-12-31");
    }

    @Test
    void countsAreExactForTheAdminAndPerturbedForTheLeaderButTheFlagsAgree() throws Exception {
        JsonNode admin = list("admin", "province=01&year=2026");
        JsonNode leader = list("leader", "province=01&year=2026");
        int differ = 0;
        for (JsonNode a : admin.get("communes")) {
            JsonNode l = commune(leader, a.get("code").asText());
            JsonNode ac = criterion(a, "PEOPLE_ON_RECORD");
            JsonNode lc = criterion(l, "PEOPLE_ON_RECORD");
            assertThat(ac.get("exact").asBoolean()).isTrue();
            assertThat(lc.get("exact").asBoolean()).isFalse();
            assertThat(lc.get("met").asBoolean()).isEqualTo(ac.get("met").asBoolean());
            if (ac.get("value").asLong() != lc.get("value").asLong()) {
                differ++;
            }
            // hotspots are not shown to a role that does not see them
            assertThat(criterion(l, "ACTIVE_HOTSPOTS").get("value").isNull()).isTrue();
        }
        assertThat(differ).isGreaterThan(10);
        // a commune with nobody on record: 0 for everyone, and the criterion met
        JsonNode empty = commune(list("leader", "province=04&year=2026"), EMPTY_COMMUNE);
        assertThat(criterion(empty, "PEOPLE_ON_RECORD").get("value").asLong()).isZero();
        assertThat(criterion(empty, "PEOPLE_ON_RECORD").get("met").asBoolean()).isTrue();
    }

    @Test
    void badQueriesAreProblems() throws Exception {
        for (String q : List.of("province=01", "province=01&year=2019", "province=01&year=abc", "province=99&year=2026",
                "province=01&year=2026&extra=1")) {
            HttpResponse<String> r = send("admin", "GET", "/api/v1/drug-free-communes?" + q, null);
            assertThat(r.statusCode()).as(q).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        }
    }

    @Test
    void proposedRecognisedLostKeepsTheHistory() throws Exception {
        int before = json.readTree(send("admin", "GET", "/api/v1/drug-free-communes/" + EMPTY_COMMUNE + "/history", null).body())
                .get("decisions").size();
        String path = "/api/v1/drug-free-communes/" + EMPTY_COMMUNE + "/assessments";
        for (String status : List.of("PROPOSED", "RECOGNISED", "LOST")) {
            HttpResponse<String> r = send("admin", "POST", path, """
                    {"year":2026,"status":"%s","decidedBy":"Hội đồng xét duyệt địa bàn cấp xã không ma túy tỉnh Cao Bằng",
                     "decidedOn":"%s","reference":"QĐ %s/QĐ-UBND"}""".formatted(status,
                    LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")), status));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            assertThat(commune(list("admin", "province=04&year=2026"), EMPTY_COMMUNE).get("status").asText()).isEqualTo(status);
        }
        JsonNode history = json.readTree(send("admin", "GET", "/api/v1/drug-free-communes/" + EMPTY_COMMUNE + "/history", null)
                .body()).get("decisions");
        assertThat(history.size()).isEqualTo(before + 3);
        assertThat(history.get(history.size() - 3).get("status").asText()).isEqualTo("PROPOSED");
        assertThat(history.get(history.size() - 2).get("status").asText()).isEqualTo("RECOGNISED");
        assertThat(history.get(history.size() - 1).get("status").asText()).isEqualTo("LOST");
        assertThat(history.get(history.size() - 1).get("recordedBy").asText()).isEqualTo("admin");
        // rows are never changed in place
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update("update drug_free_assessment set status = 'PROPOSED'"))
                .hasMessageContaining("append-only");
    }

    @Test
    void badInputIsRefusedAndNothingIsStored() throws Exception {
        long before = rows();
        String path = "/api/v1/drug-free-communes/" + EMPTY_COMMUNE + "/assessments";
        for (String body : List.of("{}",
                "{\"year\":2026,\"status\":\"RECOGNISED\",\"decidedBy\":\"x\",\"decidedOn\":\"2030-01-01\"}",
                "{\"year\":2026,\"status\":\"NOT_ASSESSED\",\"decidedBy\":\"x\",\"decidedOn\":\"2026-11-01\"}",
                "{\"year\":2026,\"status\":\"WHATEVER\",\"decidedBy\":\"x\",\"decidedOn\":\"2026-11-01\"}",
                "{\"year\":2026,\"status\":\"PROPOSED\",\"decidedBy\":\" \",\"decidedOn\":\"2026-11-01\"}",
                "{\"year\":2024,\"status\":\"PROPOSED\",\"decidedBy\":\"x\",\"decidedOn\":\"2026-11-01\"}")) {
            HttpResponse<String> r = send("admin", "POST", path, body);
            assertThat(r.statusCode()).as(body + " → " + r.body()).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        }
        // Hanoi's demo communes have people on record: the registry refuses their proposal
        String hanoi = jdbc.queryForObject("""
                select min(code) from admin_unit where structure = '2025-07' and level = 'COMMUNE' and province_code = '01'
                  and code not in (select commune_code from drug_free_assessment)""", String.class);
        HttpResponse<String> refused = send("police-01", "POST", "/api/v1/drug-free-communes/" + hanoi + "/assessments", """
                {"year":2026,"status":"PROPOSED","decidedBy":"UBND","decidedOn":"2026-11-01"}""");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("drugfree.error.criteriaNotMet");
        // evidence: unknown or registry criterion, negative value, no evidence text
        for (String[] c : new String[][] {{"NO_SUCH", "{\"year\":2026,\"value\":0,\"evidence\":\"x\"}"},
                {"PEOPLE_ON_RECORD", "{\"year\":2026,\"value\":0,\"evidence\":\"x\"}"},
                {"DRUG_OFFENCES", "{\"year\":2026,\"value\":-1,\"evidence\":\"x\"}"},
                {"DRUG_OFFENCES", "{\"year\":2026,\"value\":0,\"evidence\":\"\"}"}}) {
            HttpResponse<String> r = send("admin", "PUT", "/api/v1/drug-free-communes/" + EMPTY_COMMUNE + "/evidence/" + c[0], c[1]);
            assertThat(r.statusCode()).as(c[0] + " " + c[1] + " → " + r.body()).isEqualTo(400);
        }
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void rolesAreRefusedBeforeTheirInputIsRead() throws Exception {
        long before = rows();
        String good = """
                {"year":2026,"status":"PROPOSED","decidedBy":"UBND","decidedOn":"2026-11-01"}""";
        for (String user : List.of("leader", "planner", "district-003", "facility-1")) {
            assertThat(send(user, "POST", "/api/v1/drug-free-communes/00004/assessments", good).statusCode()).as(user).isEqualTo(403);
            assertThat(send(user, "POST", "/api/v1/drug-free-communes/00004/assessments", "{}").statusCode()).as(user).isEqualTo(403);
            assertThat(send(user, "PUT", "/api/v1/drug-free-communes/00004/evidence/DRUG_OFFENCES", "{}").statusCode()).as(user)
                    .isEqualTo(403);
        }
        // a commune officer: not another commune, and never recognition
        String evidence = "{\"year\":2026,\"value\":0,\"evidence\":\"Biên bản rà soát\",\"document\":\"BB-1\"}";
        assertThat(send("commune-00004", "PUT", "/api/v1/drug-free-communes/" + EMPTY_COMMUNE + "/evidence/DRUG_OFFENCES",
                evidence).statusCode()).isEqualTo(403);
        assertThat(send("commune-00004", "POST", "/api/v1/drug-free-communes/00004/assessments", """
                {"year":2026,"status":"RECOGNISED","decidedBy":"UBND","decidedOn":"2026-11-01"}""").statusCode()).isEqualTo(403);
        // the provincial police of Hanoi: not another province
        assertThat(send("police-01", "PUT", "/api/v1/drug-free-communes/" + EMPTY_COMMUNE + "/evidence/DRUG_OFFENCES",
                evidence).statusCode()).isEqualTo(403);
        assertThat(rows()).isEqualTo(before);
        // the commune officer enters evidence for their own commune: it counts
        HttpResponse<String> own = send("commune-00004", "PUT", "/api/v1/drug-free-communes/00004/evidence/DRUG_OFFENCES",
                "{\"year\":2026,\"value\":3,\"evidence\":\"Biên bản bắt giữ\",\"document\":\"BB-2\"}");
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        JsonNode c = criterion(commune(list("admin", "province=01&year=2026"), "00004"), "DRUG_OFFENCES");
        assertThat(c.get("value").asLong()).isEqualTo(3);
        assertThat(c.get("met").asBoolean()).isFalse();
        assertThat(c.get("evidence").asText()).isEqualTo("Biên bản bắt giữ");
        assertThat(c.get("enteredBy").asText()).isEqualTo("commune-00004");
    }

    @Test
    void aHotspotInTheCommuneFailsItsCriterion() throws Exception {
        assertThat(criterion(commune(list("admin", "province=04&year=2026"), EMPTY_COMMUNE), "ACTIVE_HOTSPOTS").get("met")
                .asBoolean()).isTrue();
        double[] p = jdbc.queryForObject("""
                select ST_X(ST_PointOnSurface(geom)), ST_Y(ST_PointOnSurface(geom)) from admin_unit
                where structure = '2025-07' and code = ?""", (rs, n) -> new double[] {rs.getDouble(1), rs.getDouble(2)},
                HOTSPOT_COMMUNE);
        signIn("admin");
        facilities.create(new FacilityForm(FacilityType.HOTSPOT, null, "Điểm phức tạp (kiểm thử)", null, HOTSPOT_COMMUNE, p[0], p[1],
                null, null, null, FacilityStatus.ACTIVE, LocalDate.of(2026, 3, 1), Map.of("severity", "LOW", "periodFrom",
                "2026-03-01")));
        JsonNode c = criterion(commune(list("admin", "province=04&year=2026"), HOTSPOT_COMMUNE), "ACTIVE_HOTSPOTS");
        assertThat(c.get("met").asBoolean()).isFalse();
        assertThat(c.get("value").asLong()).isGreaterThanOrEqualTo(1);
        // 2025 is before the hotspot's period
        assertThat(criterion(commune(list("admin", "province=04&year=2025"), HOTSPOT_COMMUNE), "ACTIVE_HOTSPOTS").get("met")
                .asBoolean()).isTrue();
    }

    @Test
    void theLayerShowsEachCommunesStatusForTheYearOfTheMapDate() {
        signIn("leader");
        ThematicLayer layer = layers.stream().filter(l -> l.id().equals("drugfree")).findFirst().orElseThrow();
        var values = layer.values("STATUS", "01", AdminLevel.COMMUNE, LocalDate.of(2026, 11, 28));
        assertThat(values.byUnit()).hasSize(126);
        Map<Long, Integer> byValue = new HashMap<>();
        values.byUnit().values().forEach(v -> byValue.merge(v, 1, Integer::sum));
        // RECOGNISED 3, PROPOSED 2, LOST 1, NOT_ASSESSED 0
        assertThat(byValue).containsEntry(3L, 13).containsEntry(2L, 8).containsEntry(1L, 1).containsEntry(0L, 104);
        var y2025 = layer.values("STATUS", "01", AdminLevel.COMMUNE, LocalDate.of(2025, 12, 31));
        assertThat(y2025.byUnit().values().stream().filter(v -> v == 3L).count()).isEqualTo(6);
        // before the council's decisions of 2025, only proposals
        var november = layer.values("STATUS", "01", AdminLevel.COMMUNE, LocalDate.of(2025, 11, 30));
        assertThat(november.byUnit().values().stream().filter(v -> v == 3L).count()).isZero();
        assertThat(november.byUnit().values().stream().filter(v -> v == 2L).count()).isEqualTo(8);
        // the caption: progress against Plan 08/KH-UBND
        var caption = layer.caption("STATUS", "01", LocalDate.of(2026, 11, 28));
        assertThat(caption.key()).isEqualTo("drugfree.progress.count");
        assertThat(caption.arguments()).containsExactly(13L, 46L, "08/KH-UBND");
        assertThat(layer.legendClasses("STATUS")).hasSize(4);
        // districts of another structure have no status
        assertThat(layer.values("STATUS", "01", AdminLevel.DISTRICT, LocalDate.of(2023, 6, 30)).byUnit()).isEmpty();
    }
}
