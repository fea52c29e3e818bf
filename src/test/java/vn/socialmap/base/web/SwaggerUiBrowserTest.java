package vn.socialmap.base.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

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
}
