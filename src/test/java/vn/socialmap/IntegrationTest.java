package vn.socialmap;

import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.boot.test.context.SpringBootTest;

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

    /** HTTP Basic header; demo accounts have the password "demo". */
    protected static String basic(String username, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString(
                (username + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
