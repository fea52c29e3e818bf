package vn.socialmap.targets.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;

import vn.socialmap.BrowserTest;

class PlansBrowserTest extends BrowserTest {

    /** The first plan in the list is Plan 78 (imported test plans are dated later in 2022). */
    @Test
    void aLeaderReadsTheSixMonthProgressInVietnameseFormats() {
        login("leader");
        openOn30June2022();
        assertThat(page.locator(".sm-progress")).containsText("1.482");
        assertThat(page.locator(".sm-progress")).containsText("48,6%");
        assertThat(page.locator(".sm-progress")).containsText("Vượt tiến độ");
        // the trend's indicator by the plan's wording, not its code
        assertThat(page.locator("vaadin-select.sm-trend-indicator")).containsText("Tiếp nhận");
        assertThat(page.locator("vaadin-select.sm-trend-indicator")).not().containsText("ADMISSIONS");
        // January to June, one row a month
        assertThat(page.locator(".sm-trend")).containsText("06/2022");
        // inner text: the grid keeps the cells of rows it no longer shows in the page, hidden
        assertThat(page.locator(".sm-trend")).not().containsText("07/2022",
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setUseInnerText(true));
    }

    @Test
    void aPlannerOpensADistrictAndSeesItsCommunesAndFacilities() {
        login("planner");
        openOn30June2022();
        page.locator(".sm-drill-district").click();
        page.locator("vaadin-select-list-box vaadin-select-item:visible",
                new com.microsoft.playwright.Page.LocatorOptions().setHasText("Quận Ba Đình")).click();
        assertThat(page.locator(".sm-drill-district")).containsText("Ba Đình");
        assertThat(page.locator(".sm-drill-communes")).containsText("Phúc Xá");
        assertThat(page.locator(".sm-drill-communes")).containsText("DOSSIERS");
    }

    @Test
    void aLeaderReadsTheNationalSumAndTheProvincesFurthestBehindFirst() {
        login("leader");
        page.navigate(baseUrl() + "/plans/national");
        // Hanoi's drug-free plans are in force today (08/KH-UBND, and the newer of 187 and 290 for the same indicator)
        assertThat(page.locator("vaadin-date-picker input")).hasValue(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))
                .format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        assertThat(page.locator(".sm-national-summary")).containsText("2 kế hoạch đang thực hiện của 1 tỉnh");
        page.locator("vaadin-date-picker input").fill("30/6/2023");
        page.locator("vaadin-date-picker input").press("Enter");
        assertThat(page.locator(".sm-national-summary")).containsText("2 kế hoạch đang thực hiện của 2 tỉnh");
        assertThat(page.locator(".sm-national-indicators")).containsText("tiếp cận dịch vụ");
        assertThat(page.locator(".sm-national-provinces")).containsText("Hà Nội");
        assertThat(page.locator(".sm-national-provinces")).containsText("Đà Nẵng");
        assertThat(page.locator(".sm-national-provinces")).containsText("117/KH-UBND");
    }

    /**
     * Opens the dashboard and sets the date once the first table is shown: typed earlier,
     * the date can reach the picker before its Vietnamese day/month format does.
     */
    private void openOn30June2022() {
        page.navigate(baseUrl() + "/plans");
        assertThat(page.locator(".sm-progress")).containsText("Hà Nội");
        page.locator("vaadin-date-picker input").fill("30/6/2022");
        page.locator("vaadin-date-picker input").press("Enter");
        assertThat(page.locator("vaadin-date-picker input")).hasValue("30/06/2022");
        // the page opens on a plan in force today (Hanoi's drug-free plans of 2026): the new date brings Plan 78
        // and its trend by month, which stops at June once the page has the new date
        assertThat(page.locator(".sm-trend")).containsText("06/2022");
        assertThat(page.locator(".sm-trend")).not().containsText("07/2022",
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setUseInnerText(true));
    }
}
