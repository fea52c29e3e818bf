package vn.socialmap.analytics.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;

import vn.socialmap.BrowserTest;

class PlanningBrowserTest extends BrowserTest {

    @Test
    void aPlannerComputesSavesAndComparesScenarios() {
        login("planner");
        page.navigate(baseUrl() + "/planning");
        page.locator(".sm-planning-run").click();
        assertThat(page.locator(".sm-planning-result")).containsText("Lời giải tối ưu");
        assertThat(page.locator("[data-layer-chosen]")).hasAttribute("data-layer-chosen", "5");
        String name = "Thử nghiệm " + System.nanoTime();
        page.locator("vaadin-text-field input").last().fill(name);
        page.locator(".sm-planning-save").click();
        assertThat(page.locator(".sm-planning-scenarios")).containsText(name);
        // the saved scenario is selected: its figures are shown side by side
        assertThat(page.locator(".sm-planning-comparison")).containsText("Địa điểm chọn");
        assertThat(page.locator(".sm-planning-comparison")).containsText(name);
    }

    @Test
    void aCommuneOfficerMayComputeButNotSave() {
        login("commune-00004");
        page.navigate(baseUrl() + "/planning");
        assertThat(page.locator(".sm-planning-save")).isHidden();
    }
}
