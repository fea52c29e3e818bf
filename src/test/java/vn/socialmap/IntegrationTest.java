package vn.socialmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of the tests that run the whole application on a random port against the
 * provisioned PostGIS (test.sh creates a fresh database for each run). All such tests
 * share one Spring context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "socialmap.demo.enabled=true")
public abstract class IntegrationTest {

    @Value("${local.server.port}")
    protected int port;

    @Autowired
    private UserDetailsService userDetails;

    /** Calls services as this demo user (the security context of the test thread). */
    protected void signIn(String username) {
        var user = userDetails.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    @AfterEach
    void signOutOfServices() {
        SecurityContextHolder.clearContext();
    }

    @Autowired
    private org.springframework.jdbc.core.JdbcTemplate unitsSql;

    /**
     * A point inside both a commune of today and a former district (2025-01), with the commune:
     * to record a residence or a facility a district officer may see or register.
     */
    protected double[] pointIn(String todayCommune, String formerDistrict) {
        return unitsSql.queryForObject("""
                select ST_X(p), ST_Y(p) from (
                  select ST_PointOnSurface(ST_Intersection(c.geom, d.geom)) as p
                  from admin_unit c, admin_unit d
                  where c.structure = '2025-07' and c.code = ? and d.structure = '2025-01' and d.code = ?) x""",
                (rs, n) -> new double[] {rs.getDouble(1), rs.getDouble(2)}, todayCommune, formerDistrict);
    }

    /** A commune of today that shares area with a former district, the lowest code first. */
    protected String communeIn(String formerDistrict) {
        return unitsSql.queryForObject("""
                select c.code from admin_unit c, admin_unit d
                where c.structure = '2025-07' and d.structure = '2025-01' and d.code = ? and c.level = 'COMMUNE'
                  and ST_Area(ST_Intersection(c.geom, d.geom)) > 0.2 * ST_Area(c.geom)
                order by c.code limit 1""", String.class, formerDistrict);
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    private final HttpClient apiClient = HttpClient.newHttpClient();
    private final ObjectMapper apiJson = JsonMapper.builder().build();

    /** Calls the API as a demo user; a non-null body is sent as JSON. */
    protected HttpResponse<String> call(String user, String method, String path, Object body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Authorization", basic(user, "demo"));
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(apiJson.writeValueAsString(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return apiClient.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The answer's JSON after checking its status (the body in the failure message); null for an empty body. */
    protected JsonNode ok(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return response.body().isEmpty() ? null : apiJson.readTree(response.body());
    }

    /** HTTP Basic header; demo accounts have the password "demo". */
    protected static String basic(String username, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString(
                (username + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
