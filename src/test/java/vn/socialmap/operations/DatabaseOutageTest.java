package vn.socialmap.operations;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import vn.socialmap.BrowserTest;
import vn.socialmap.Scripts;

/**
 * The project's PostgreSQL cluster is stopped under the running application, then started
 * again: screens and the API say the system is temporarily unavailable (no stack trace), a
 * write sent meanwhile leaves nothing behind, and the application answers again within 10
 * seconds of the database's return, by itself.
 */
class DatabaseOutageTest extends BrowserTest {

    private static final String NAME = "Phạm Văn Gián Đoạn";

    @Value("${spring.datasource.url}")
    String datasourceUrl;

    @Test
    void usersAreToldWhileTheDatabaseIsAwayAndTheApplicationRecoversByItself() throws Exception {
        // the test takes the cluster away: it must be the project's own (test.sh provisions it)
        assertThat(datasourceUrl).contains("localhost:" + System.getenv().getOrDefault("SOCIALMAP_PGPORT", "55432"));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        login("district-001");
        page.navigate(baseUrl() + "/persons");
        assertThat(page.locator("vaadin-grid").first()).isVisible();

        Scripts.run("scripts/database.sh", "stop");
        try {
            HttpResponse<String> read = http.send(get("/api/v1/persons?size=5"), HttpResponse.BodyHandlers.ofString());
            assertThat(read.statusCode()).as(read.body()).isEqualTo(503);
            assertThat(read.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
            assertThat(read.headers().firstValue("Retry-After")).isPresent();
            assertThat(read.body()).contains("temporarily unavailable").doesNotContain("Exception").doesNotContain("at org.");

            HttpResponse<String> write = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/persons"))
                    .header("Authorization", basic("district-001", "demo")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"fullName": "%s", "birthDate": "1990-01-01", "sex": "MALE", "currentCommuneCode": "00229"}"""
                            .formatted(NAME))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(write.statusCode()).as(write.body()).isEqualTo(503);

            // a screen opened meanwhile says so in Vietnamese, inside the application's shell
            page.locator("vaadin-drawer-toggle").click();
            page.locator("vaadin-side-nav-item[path='plans']").click();
            // the pool gives up waiting for a connection after 10 s (spring.datasource.hikari.connection-timeout)
            assertThat(page.locator(".sm-server-error")).containsText("tạm thời không truy cập được",
                    new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
            assertThat(page.locator("body")).not().containsText("Exception");
        } finally {
            Scripts.run("scripts/database.sh", "start");
        }

        long returned = System.nanoTime();
        int status = 0;
        while (System.nanoTime() - returned < 15_000_000_000L) {
            status = http.send(get("/api/v1/persons?size=5"), HttpResponse.BodyHandlers.ofString()).statusCode();
            if (status == 200) {
                break;
            }
            Thread.sleep(200);
        }
        double seconds = (System.nanoTime() - returned) / 1e9;
        System.out.printf(java.util.Locale.ROOT, "The API answered again %.1f s after the database returned%n", seconds);
        assertThat(status).isEqualTo(200);
        assertThat(seconds).as("seconds to recover after the database returned").isLessThan(10);

        // the same browser tab works again, and the write refused during the outage is nowhere
        page.locator("vaadin-side-nav-item[path='plans']").click();
        assertThat(page.locator(".sm-progress")).containsText("Hà Nội");
        String found = http.send(get("/api/v1/persons?size=5&q=" + java.net.URLEncoder.encode("Gián Đoạn",
                java.nio.charset.StandardCharsets.UTF_8)), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(found).doesNotContain(NAME);
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Authorization", basic("district-001", "demo"))
                .timeout(Duration.ofSeconds(20)).build();
    }
}
