package vn.socialmap.targets.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;

import vn.socialmap.BrowserTest;

class PlansBrowserTest extends BrowserTest {

    /** The first plan in the list is Plan 78 (imported test plans are dated later in 2022). */
    @Test
    void aLeaderReadsTheSixMonthProgressInVietnameseFormats() {
        login("leader");
        page.navigate(baseUrl() + "/plans");
        page.locator("vaadin-date-picker input").fill("30/6/2022");
        page.locator("vaadin-date-picker input").press("Enter");
        assertThat(page.locator(".sm-progress")).containsText("1.482");
        assertThat(page.locator(".sm-progress")).containsText("48,6%");
        assertThat(page.locator(".sm-progress")).containsText("Vượt tiến độ");
        // January to June, one row a month
        assertThat(page.locator(".sm-trend")).containsText("06/2022");
        assertThat(page.locator(".sm-trend")).not().containsText("07/2022");
    }
}
