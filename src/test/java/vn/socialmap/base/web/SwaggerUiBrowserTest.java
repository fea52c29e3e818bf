package vn.socialmap.base.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

import vn.socialmap.BrowserTest;

/** Swagger UI is served from the jar to signed-in users and shows the API. */
class SwaggerUiBrowserTest extends BrowserTest {

    @Test
    void aSignedInUserReadsTheApi() {
        login("planner");
        page.navigate(baseUrl() + "/swagger-ui/index.html");
        assertThat(page.locator(".swagger-ui .title").first()).containsText("Social problems map API");
        assertThat(page.locator(".opblock-summary-path").first()).isVisible();
    }

    @Test
    void tryItOutSendsTheSessionsCsrfToken() {
        login("planner");
        page.navigate(baseUrl() + "/swagger-ui/index.html");
        Locator operation = page.locator(".opblock-post").filter(new Locator.FilterOptions().setHasText("/api/v1/planning/scenarios"));
        operation.locator(".opblock-summary").first().click();
        operation.locator("button.try-out__btn").click();
        operation.locator("button.execute").click();
        // the example body is a valid request: the scenario is computed and saved
        assertThat(operation.locator(".live-responses-table .response .response-col_status").first()).hasText("201");
        // the same session without the token is refused
        Object status = page.evaluate("""
                () => fetch('api/v1/planning/scenarios', {method: 'POST', headers: {'Content-Type': 'application/json'},
                  body: '{}'}).then(r => r.status)""");
        Assertions.assertThat(status).isEqualTo(403);
    }
}
