package vn.socialmap;

import org.springframework.beans.factory.annotation.Value;
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

    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    /** HTTP Basic header; demo accounts have the password "demo". */
    protected static String basic(String username, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString(
                (username + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
