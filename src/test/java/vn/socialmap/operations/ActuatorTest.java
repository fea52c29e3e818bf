package vn.socialmap.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import vn.socialmap.IntegrationTest;

/** Health for anyone (details for the admin), Prometheus metrics for the monitoring network, request ids on responses. */
class ActuatorTest extends IntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path, String user, String requestId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path));
        if (user != null) {
            request.header("Authorization", basic(user, "demo"));
        }
        if (requestId != null) {
            request.header("X-Request-Id", requestId);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthIsUpForAnyoneWithTheDatabaseAndDiskForTheAdmin() throws Exception {
        HttpResponse<String> anonymous = get("/actuator/health", null, null);
        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(anonymous.body()).contains("\"status\":\"UP\"").doesNotContain("diskSpace");
        HttpResponse<String> admin = get("/actuator/health", "admin", null);
        assertThat(admin.body()).contains("\"db\"").contains("\"diskSpace\"").contains("PostgreSQL");
        // a district officer is not told more than anyone
        assertThat(get("/actuator/health", "district-001", null).body()).doesNotContain("diskSpace");
        assertThat(get("/actuator/health/readiness", null, null).body()).contains("UP");
    }

    @Test
    void prometheusMetricsAreReadFromThisHost() throws Exception {
        get("/api/v1/plans", "planner", null);
        HttpResponse<String> metrics = get("/actuator/prometheus", null, null);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("http_server_requests_seconds_count").contains("hikaricp_connections_active")
                .contains("jvm_memory_used_bytes").contains("application=\"socialmap\"");
    }

    @Test
    void everyResponseCarriesARequestIdAndAProxysIdIsKept() throws Exception {
        assertThat(get("/api/v1/plans", "planner", null).headers().firstValue("X-Request-Id").orElse("")).hasSize(16);
        assertThat(get("/api/v1/plans", "planner", "proxy-1234abcd").headers().firstValue("X-Request-Id"))
                .contains("proxy-1234abcd");
        // a header that does not look like an id is not echoed into logs and responses
        assertThat(get("/api/v1/plans", "planner", "<script>").headers().firstValue("X-Request-Id").orElse(""))
                .doesNotContain("<");
    }
}
