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

    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    /** HTTP Basic header; demo accounts have the password "demo". */
    protected static String basic(String username, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString(
                (username + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
