package vn.socialmap.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.socialmap.IntegrationTest;

class SecurityApiTest extends IntegrationTest {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Autowired
    JdbcTemplate jdbc;

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void unauthenticatedApiCallsGet401ProblemNotARedirect() throws Exception {
        HttpResponse<String> response = get("/api/v1/admin-units?province=01", null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Location")).isEmpty();
        assertThat(response.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Basic");
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(JsonMapper.builder().build().readTree(response.body()).path("status").asInt()).isEqualTo(401);
    }

    @Test
    void wrongPasswordGets401() throws Exception {
        assertThat(get("/api/v1/me", basic("planner", "wrong")).statusCode()).isEqualTo(401);
    }

    @Test
    void viewsRedirectToTheLoginPage() throws Exception {
        HttpResponse<String> response = get("/admin/users", null);
        assertThat(response.statusCode()).isIn(200, 302);
        if (response.statusCode() == 302) {
            assertThat(response.headers().firstValue("Location").orElse("")).contains("/login");
        }
    }

    @Test
    void meTellsRoleAndArea() throws Exception {
        HttpResponse<String> response = get("/api/v1/me", basic("district-005", "demo"));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode me = JsonMapper.builder().build().readTree(response.body());
        assertThat(me.path("role").asString()).isEqualTo("DISTRICT_OFFICER");
        assertThat(me.path("areaType").asString()).isEqualTo("DISTRICT");
        assertThat(me.path("areaCode").asString()).isEqualTo("005");
        assertThat(me.path("seesPersons").asBoolean()).isTrue();
    }

    @Test
    void demoAccountsExistForEveryUnitAndFacility() {
        assertThat(jdbc.queryForObject("select count(*) from app_user where username like 'district-%'", Long.class)).isEqualTo(30 + 8);
        // today's 126 and 94 communes, and the former communes of 2025-01 whose codes no commune of today carries
        assertThat(jdbc.queryForObject("select count(*) from app_user where username like 'commune-%' and area_structure = '2025-07'",
                Long.class)).isEqualTo(126 + 94);
        assertThat(jdbc.queryForObject("select count(*) from app_user where username like 'commune-%'", Long.class))
                .isEqualTo(jdbc.queryForObject("""
                        select count(distinct code) from admin_unit where level = 'COMMUNE' and province_code in ('01', '48')
                          and structure in ('2025-01', '2025-07')""", Long.class));
        assertThat(jdbc.queryForList("select area_structure || '/' || area_code from app_user where username in"
                + " ('commune-00004', 'commune-00001', 'district-005') order by username", String.class))
                .containsExactly("2025-01/00001", "2025-07/00004", "2025-01/005");
        assertThat(jdbc.queryForObject("select count(*) from app_user where username like 'facility-%'", Long.class)).isEqualTo(11);
        assertThat(jdbc.queryForObject("select count(*) from app_user where username in ('admin','leader','planner')", Long.class)).isEqualTo(3);
        assertThat(jdbc.queryForObject("select password_hash from app_user where username = 'admin'", String.class)).startsWith("{bcrypt}");
    }

    @Test
    void fiveFailuresLockTheAccountUntilTheLockExpires() throws Exception {
        String user = "commune-00004";
        for (int i = 0; i < 5; i++) {
            assertThat(get("/api/v1/me", basic(user, "wrong-" + i)).statusCode()).isEqualTo(401);
        }
        assertThat(get("/api/v1/me", basic(user, "demo")).statusCode()).as("locked even with the right password").isEqualTo(401);
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'LOCKED_OUT' and record_ids = ?",
                Long.class, user)).isEqualTo(1);
        jdbc.update("update app_user set locked_until = now() - interval '1 second' where username = ?", user);
        assertThat(get("/api/v1/me", basic(user, "demo")).statusCode()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select failed_attempts from app_user where username = ?", Integer.class, user)).isZero();
    }

    @Test
    void disabledUsersCannotSignIn() throws Exception {
        String user = "commune-00097";
        assertThat(get("/api/v1/me", basic(user, "demo")).statusCode()).isEqualTo(200);
        jdbc.update("update app_user set enabled = false where username = ?", user);
        try {
            assertThat(get("/api/v1/me", basic(user, "demo")).statusCode()).isEqualTo(401);
        } finally {
            jdbc.update("update app_user set enabled = true where username = ?", user);
        }
    }

    @Test
    void aUserWhoMustChangeThePasswordIsRefusedByTheApi() throws Exception {
        String user = "commune-00008";
        jdbc.update("update app_user set must_change_password = true where username = ?", user);
        try {
            assertThat(get("/api/v1/me", basic(user, "demo")).statusCode()).isEqualTo(403);
        } finally {
            jdbc.update("update app_user set must_change_password = false where username = ?", user);
        }
    }
}
