package vn.socialmap.facilities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import vn.socialmap.IntegrationTest;
import vn.socialmap.geography.AdminUnitService;

class FacilityApiTest extends IntegrationTest {


    @Autowired
    AdminUnitService units;
    @Autowired
    JdbcTemplate jdbc;



    private JsonNode list(String user, String query) throws Exception {
        return ok(call(user, "GET", "/api/v1/facilities?province=01&" + query, null), 200).path("features");
    }

    /** The demo records only: other tests register facilities of their own. */
    private List<JsonNode> demo(JsonNode features) {
        List<JsonNode> demo = new java.util.ArrayList<>();
        features.forEach(f -> {
            if (f.path("properties").path("demo").asBoolean()) {
                demo.add(f);
            }
        });
        return demo;
    }

    /** The clinics registered here would be counted by every later test of the shared demo database (the map's circles). */
    @org.junit.jupiter.api.AfterEach
    void removeTheRegisteredClinics() {
        String created = "select id from facility where name = 'Cơ sở Methadone thử nghiệm' and not demo";
        jdbc.update("delete from facility_change where facility_id in (" + created + ")");
        jdbc.update("delete from facility where id in (" + created + ")");
    }

    @Test
    void theDemoNetworkFollowsPlan78() throws Exception {
        List<JsonNode> publicFacilities = demo(list("leader", "type=PUBLIC_REHAB"));
        Set<String> codes = new TreeSet<>();
        publicFacilities.forEach(f -> codes.add(f.path("properties").path("code").asString()));
        assertThat(codes).containsExactly("1", "2", "3", "4", "5", "6", "7");
        assertThat(demo(list("leader", "type=METHADONE_CLINIC"))).hasSize(40);
        List<JsonNode> counseling = demo(list("leader", "type=COUNSELING_POINT"));
        assertThat(counseling).hasSize(14);
        Set<String> districts = new TreeSet<>();
        counseling.forEach(f -> districts.add(f.path("properties").path("districtCode").asString()));
        assertThat(districts).hasSize(7);
        assertThat(demo(list("leader", "type=POST_REHAB_MODEL"))).hasSize(87 + 172);
        assertThat(publicFacilities.get(0).path("geometry").path("type").asString()).isEqualTo("Point");
    }

    @Test
    void hotspotsOnlyForRolesThatSeePersons() throws Exception {
        assertThat(list("leader", "type=HOTSPOT")).isEmpty();
        assertThat(list("planner", "")).isNotEmpty().noneSatisfy(f -> assertThat(f.path("properties").path("type").asString()).isEqualTo("HOTSPOT"));
        List<JsonNode> hotspots = demo(list("district-005", "type=HOTSPOT"));
        assertThat(hotspots).hasSize(60);
        long id = hotspots.get(0).path("properties").path("id").asLong();
        assertThat(call("leader", "GET", "/api/v1/facilities/" + id, null).statusCode()).isEqualTo(404);
        assertThat(call("district-005", "GET", "/api/v1/facilities/" + id, null).statusCode()).isEqualTo(200);
    }

    @Test
    void filtersByDistrictCommuneAndBox() throws Exception {
        JsonNode inCauGiay = list("leader", "district=005");
        assertThat(inCauGiay).isNotEmpty().allSatisfy(f -> assertThat(f.path("properties").path("districtCode").asString()).isEqualTo("005"));
        JsonNode all = list("leader", "");
        JsonNode boxed = list("leader", "bbox=105.78,21.00,105.82,21.05");
        assertThat(boxed.size()).isLessThan(all.size());
        boxed.forEach(f -> {
            double lon = f.path("geometry").path("coordinates").get(0).asDouble();
            double lat = f.path("geometry").path("coordinates").get(1).asDouble();
            assertThat(lon).isBetween(105.78, 105.82);
            assertThat(lat).isBetween(21.00, 21.05);
        });
        assertThat(ok(call("leader", "GET", "/api/v1/facilities?province=01&bbox=1,2,3", null), 400)
                .path("invalidParams").get(0).path("name").asString()).isEqualTo("bbox");
        assertThat(ok(call("leader", "GET", "/api/v1/facilities?province=01&type=SPA", null), 400)
                .path("invalidParams").get(0).path("name").asString()).isEqualTo("type");
    }

    private Map<String, Object> clinic(String commune, double lon, double lat) {
        Map<String, Object> form = new HashMap<>();
        form.put("type", "METHADONE_CLINIC");
        form.put("name", "Cơ sở Methadone thử nghiệm");
        form.put("communeCode", commune);
        form.put("longitude", lon);
        form.put("latitude", lat);
        form.put("status", "ACTIVE");
        form.put("statusSince", "2022-01-01");
        form.put("details", Map.of("capacity", 200, "patients", 150));
        return form;
    }

    @Test
    void aDistrictOfficerRegistersAndChangesAFacilityWithHistory() throws Exception {
        String commune = communeIn("005");
        double[] inside = pointIn(commune, "005");
        JsonNode created = ok(call("district-005", "POST", "/api/v1/facilities", clinic(commune, inside[0], inside[1])), 201);
        long id = created.path("properties").path("id").asLong();
        long version = created.path("properties").path("version").asLong();

        Map<String, Object> suspended = clinic(commune, inside[0], inside[1]);
        suspended.put("status", "SUSPENDED");
        suspended.put("statusSince", "2023-03-01");
        ok(call("district-005", "PUT", "/api/v1/facilities/" + id + "?version=" + version, suspended), 200);
        JsonNode stale = ok(call("district-005", "PUT", "/api/v1/facilities/" + id + "?version=" + version, suspended), 409);
        assertThat(stale.path("rule").asString()).isEqualTo("facility.error.concurrent");
        assertThat(stale.path("existing").asString()).isEqualTo("/api/v1/facilities/" + id);
        List<String> history = jdbc.queryForList("select what from facility_change where facility_id = ? order by id", String.class, id);
        assertThat(history).containsExactly("CREATED", "STATUS");
        assertThat(jdbc.queryForObject("select before ->> 'status' from facility_change where facility_id = ? and what = 'STATUS'",
                String.class, id)).isEqualTo("ACTIVE");
    }

    @Test
    void badInputIsRefusedAndChangesNothing() throws Exception {
        long before = jdbc.queryForObject("select count(*) from facility", Long.class);
        String commune = communeIn("005");
        double[] point = pointIn(commune, "005");
        Map<String, Object> outside = clinic(commune, 105.5, 21.3);
        assertThat(ok(call("district-005", "POST", "/api/v1/facilities", outside), 400).path("rule").asString())
                .isEqualTo("facility.error.location.outside");
        Map<String, Object> noCapacity = clinic(commune, point[0], point[1]);
        noCapacity.put("details", Map.of());
        assertThat(ok(call("district-005", "POST", "/api/v1/facilities", noCapacity), 400).path("rule").asString())
                .isEqualTo("facility.error.detail.missing");
        Map<String, Object> overfull = clinic(commune, point[0], point[1]);
        overfull.put("details", Map.of("capacity", 100, "patients", 150));
        assertThat(ok(call("district-005", "POST", "/api/v1/facilities", overfull), 400).path("rule").asString())
                .isEqualTo("facility.error.patients");
        Map<String, Object> model = clinic(commune, point[0], point[1]);
        model.put("type", "POST_REHAB_MODEL");
        model.put("details", Map.of("modelKind", "PARTY", "startYear", 2022));
        assertThat(ok(call("district-005", "POST", "/api/v1/facilities", model), 400).path("rule").asString())
                .isEqualTo("facility.error.detail.value");
        assertThat(call("leader", "POST", "/api/v1/facilities", clinic(commune, point[0], point[1])).statusCode()).isEqualTo(403);
        assertThat(call("district-001", "POST", "/api/v1/facilities", clinic(commune, point[0], point[1])).statusCode()).isEqualTo(403);
        // Đà Nẵng's police run Đà Nẵng's rehab, not Hà Nội's
        assertThat(call("police-48", "POST", "/api/v1/facilities", clinic(commune, point[0], point[1])).statusCode()).isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from facility", Long.class)).isEqualTo(before);
    }

    @Test
    void theCitysPoliceRegisterAndChangeFacilitiesAnywhereInTheCity() throws Exception {
        // since 1 March 2025 rehab is run by the police (PC04); Decree 184/2025 gave them the providers
        String commune = communeIn("017");
        double[] inside = pointIn(commune, "017");
        JsonNode created = ok(call("police-01", "POST", "/api/v1/facilities", clinic(commune, inside[0], inside[1])), 201);
        long id = created.path("properties").path("id").asLong();
        Map<String, Object> suspended = clinic(commune, inside[0], inside[1]);
        suspended.put("status", "SUSPENDED");
        suspended.put("statusSince", "2026-03-01");
        ok(call("police-01", "PUT", "/api/v1/facilities/" + id + "?version=" + created.path("properties").path("version").asLong(),
                suspended), 200);
        assertThat(jdbc.queryForList("select what || ' ' || changed_by from facility_change where facility_id = ? order by id",
                String.class, id)).containsExactly("CREATED police-01", "STATUS police-01");
    }
}
