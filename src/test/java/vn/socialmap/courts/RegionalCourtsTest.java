package vn.socialmap.courts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import vn.socialmap.IntegrationTest;

/** Issue 19: Hà Nội's regional People's Courts and the communes of their areas, kept by admins. */
class RegionalCourtsTest extends IntegrationTest {

    /** Xã Yên Bài: in none of the court lists found (courts 5 to 12 are unknown). */
    private static final String YEN_BAI = "09706";


    @Autowired
    RegionalCourts courts;
    @Autowired
    JdbcTemplate jdbc;



    private long rows() {
        return jdbc.queryForObject("select count(*) from regional_court_commune", Long.class);
    }

    @AfterEach
    void takeYenBaiOutAgain() {
        jdbc.update("delete from regional_court_commune where commune_code = ? and unit_structure = '2025-07'", YEN_BAI);
    }

    @Test
    void theCourtOfACommuneOfCourtOneFromTheFirstOfJuly2025() {
        // Phường Ba Đình (00004) lies in court 1's area
        assertThat(courts.courtFor("00004", LocalDate.of(2026, 11, 28))).get().satisfies(c -> {
            assertThat(c.code()).isEqualTo("HN-KV1");
            assertThat(c.name()).isEqualTo("Tòa án nhân dân khu vực 1 - Hà Nội");
            assertThat(c.provinceCode()).isEqualTo("01");
        });
        assertThat(courts.courtFor("00004", LocalDate.of(2025, 7, 1))).get().extracting(RegionalCourt::code).isEqualTo("HN-KV1");
        // before the regional courts there was none (district courts decided)
        assertThat(courts.courtFor("00004", LocalDate.of(2025, 6, 30))).isEmpty();
        assertThat(courts.courtFor("00340", LocalDate.of(2026, 1, 1))).get().extracting(RegionalCourt::code).isEqualTo("HN-KV3");
        assertThat(courts.courtFor(YEN_BAI, LocalDate.of(2026, 1, 1))).isEmpty();
    }

    @Test
    void hanoiHasTwelveCourtsTheFirstThreeWithTheirCommunesTheFourthPartly() throws Exception {
        JsonNode list = ok(call("leader", "GET", "/api/v1/courts?province=01", null), 200);
        assertThat(list).hasSize(12);
        assertThat(list.get(0).path("code").asString()).isEqualTo("HN-KV1");
        assertThat(list.get(11).path("name").asString()).isEqualTo("Tòa án nhân dân khu vực 12 - Hà Nội");
        assertThat(list.get(0).path("communes")).hasSize(8);
        assertThat(list.get(1).path("communes")).hasSize(8);
        assertThat(list.get(2).path("communes")).hasSize(10);
        assertThat(list.get(3).path("communes")).hasSize(11);
        list.get(3).path("communes").forEach(c -> assertThat(c.path("source").asString()).startsWith("partial:"));
        for (int i = 4; i < 12; i++) {
            assertThat(list.get(i).path("communes")).as("court %d", i + 1).isEmpty();
        }
        assertThat(courts.uncovered("01")).hasSize(126 - 37);
        assertThat(ok(call("police-01", "GET", "/api/v1/courts/for-commune/00097", null), 200).path("code").asString())
                .isEqualTo("HN-KV1");
        assertThat(call("police-01", "GET", "/api/v1/courts/for-commune/" + YEN_BAI, null).statusCode()).isEqualTo(404);
        assertThat(call("police-01", "GET", "/api/v1/courts/for-commune/99999", null).statusCode()).isEqualTo(400);
        assertThat(call("police-01", "GET", "/api/v1/courts?province=99", null).statusCode()).isEqualTo(400);
    }

    @Test
    void anAdminAddsAndRemovesACommuneAuditedOneCourtPerCommune() throws Exception {
        long audits = jdbc.queryForObject("select count(*) from audit_entry where record_type = 'regional_court'", Long.class);
        JsonNode added = ok(call("admin", "PUT", "/api/v1/courts/HN-KV5/communes/" + YEN_BAI,
                Map.of("source", "Nghị quyết 81/2025/UBTVQH15, Phụ lục mục 12 (kiểm thử)")), 200);
        assertThat(added.path("communeName").asString()).isEqualTo("Xã Yên Bài");
        assertThat(added.path("validFrom").asString()).isEqualTo("2025-07-01");
        assertThat(courts.courtFor(YEN_BAI, LocalDate.of(2026, 1, 1))).get().extracting(RegionalCourt::code).isEqualTo("HN-KV5");
        assertThat(courts.uncovered("01")).hasSize(126 - 38);
        // again: nothing changes
        ok(call("admin", "PUT", "/api/v1/courts/HN-KV5/communes/" + YEN_BAI, null), 200);
        long stored = rows();

        // in another court's area already: 409 problem details naming it, nothing stored
        HttpResponse<String> taken = call("admin", "PUT", "/api/v1/courts/HN-KV6/communes/" + YEN_BAI, null);
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(taken.headers().firstValue("Content-Type")).get().asString().contains("application/problem+json");
        assertThat(ok(taken, 409).path("detail").asString()).contains("Tòa án nhân dân khu vực 5 - Hà Nội");
        assertThat(rows()).isEqualTo(stored);
        // not an admin: 403, nothing stored
        for (String user : new String[] {"police-01", "leader", "commune-00004", "facility-pc04-1"}) {
            assertThat(call(user, "PUT", "/api/v1/courts/HN-KV6/communes/00592", null).statusCode()).as(user).isEqualTo(403);
            assertThat(call(user, "DELETE", "/api/v1/courts/HN-KV5/communes/" + YEN_BAI, null).statusCode()).as(user).isEqualTo(403);
        }
        assertThat(rows()).isEqualTo(stored);
        // a commune that does not exist today, or a start before the courts: 400, nothing stored
        assertThat(call("admin", "PUT", "/api/v1/courts/HN-KV6/communes/99999", null).statusCode()).isEqualTo(400);
        assertThat(call("admin", "PUT", "/api/v1/courts/HN-KV6/communes/00592", Map.of("validFrom", "2025-01-01")).statusCode())
                .isEqualTo(400);
        assertThat(call("admin", "PUT", "/api/v1/courts/HN-KV99/communes/00592", null).statusCode()).isEqualTo(404);
        // Đà Nẵng's commune is not for a Hà Nội court
        String daNang = jdbc.queryForObject("select min(code) from admin_unit where structure = '2025-07' and level = 'COMMUNE' "
                + "and province_code = '48'", String.class);
        assertThat(call("admin", "PUT", "/api/v1/courts/HN-KV6/communes/" + daNang, null).statusCode()).isEqualTo(400);
        assertThat(rows()).isEqualTo(stored);

        ok(call("admin", "DELETE", "/api/v1/courts/HN-KV5/communes/" + YEN_BAI, null), 204);
        assertThat(courts.courtFor(YEN_BAI, LocalDate.of(2026, 1, 1))).isEmpty();
        assertThat(call("admin", "DELETE", "/api/v1/courts/HN-KV5/communes/" + YEN_BAI, null).statusCode()).isEqualTo(404);
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where record_type = 'regional_court'", Long.class))
                .isEqualTo(audits + 2);

        signIn("leader");
        assertThatThrownBy(() -> courts.addCommune("HN-KV5", YEN_BAI, null))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }
}
