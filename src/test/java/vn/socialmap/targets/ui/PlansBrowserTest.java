package vn.socialmap.targets.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
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

    /** The charts above the tables, read from their SVG: the tables' figures, in Vietnamese. */
    @Test
    void theChartsDrawTheTablesFiguresWithVietnameseLabels() {
        login("leader");
        openOn30June2022();
        Locator trend = page.locator("sm-chart.sm-trend-chart");
        assertThat(trend).hasAttribute("data-categories", "6");
        assertThat(trend).hasAttribute("data-series", "1");
        // six months, six columns; the legend's key has the columns' colour too
        assertThat(trend.locator("svg path[fill='" + FILLED + "']")).hasCount(6 + 1);
        assertThat(svgText(trend, "01/2022")).hasCount(1);
        assertThat(svgText(trend, "06/2022")).hasCount(1);
        assertThat(svgText(trend, "07/2022")).hasCount(0);
        assertThat(svgText(trend, "Thực hiện")).not().hasCount(0);

        Locator progress = page.locator("sm-chart.sm-progress-chart");
        assertThat(progress).hasAttribute("data-series", "2");
        assertThat(progress).hasAttribute("data-categories", "9");
        assertThat(progress).hasAttribute("aria-label", java.util.regex.Pattern.compile("9 chỉ tiêu"));
        // Plan 78's nine indicators: a filled bar each and the dashed outline of its target, each with its legend key
        assertThat(progress.locator("svg path[fill='" + FILLED + "']")).hasCount(9 + 1);
        assertThat(progress.locator("svg path[stroke='" + OUTLINE + "']")).hasCount(9 + 1);
        // the percents of the table, written the Vietnamese way, and the legend and axis from the bundle
        assertThat(svgText(progress, "48,6%")).hasCount(1);
        assertThat(svgText(progress, "57,6%")).hasCount(1);
        assertThat(svgText(progress, "Kế hoạch")).hasCount(1);
        assertThat(svgText(progress, "% so với kế hoạch")).hasCount(1);
        assertThat(svgText(progress, "100%")).hasCount(1);
        assertThat(page.locator(".sm-chart-note").first()).isHidden();
    }

    private static final String FILLED = "#1f4e79";
    private static final String OUTLINE = "#333333";

    /** The chart's SVG texts reading exactly {@code text}. */
    private static Locator svgText(Locator chart, String text) {
        // escaped by hand: Playwright runs the pattern as a JavaScript one, which knows no \Q...\E
        String literal = text.replaceAll("[\\\\^$.|?*+()\\[\\]{}/]", "\\\\$0");
        return chart.locator("svg text").filter(new Locator.FilterOptions().setHasText(
                java.util.regex.Pattern.compile("^" + literal + "$")));
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

    /** Hanoi's 2023 plan: a share's trend in percents; no district targets, and the page says so. */
    @Test
    void aLeaderReadsThe2023PlanItsShareTrendAndWhyTheDistrictTableIsEmpty() {
        login("leader");
        page.navigate(baseUrl() + "/plans");
        assertThat(page.locator(".sm-progress")).containsText("Hà Nội");
        page.locator("vaadin-select.sm-plan").click();
        page.locator("vaadin-select-list-box vaadin-select-item:visible",
                new com.microsoft.playwright.Page.LocatorOptions().setHasText("KH năm 2023")).click();
        assertThat(page.locator(".sm-progress")).containsText("trên 80%");
        // the first indicator, the share reached: its months read as percents against the share set
        assertThat(page.locator(".sm-trend")).containsText("01/2023");
        assertThat(page.locator(".sm-trend vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText(java.util.regex.Pattern.compile("^\\d+%$"))).first()).isAttached();
        assertThat(page.locator("sm-chart.sm-trend-chart")).hasAttribute("data-series", "2");

        page.locator("vaadin-select.sm-level").click();
        page.locator("vaadin-select-list-box vaadin-select-item:visible",
                new com.microsoft.playwright.Page.LocatorOptions().setHasText("Quận, huyện")).click();
        assertThat(page.locator(".sm-progress-empty")).isVisible();
        assertThat(page.locator(".sm-progress-empty")).containsText("không giao chỉ tiêu nào cho cấp quận, huyện");
        assertThat(page.locator("sm-chart.sm-progress-chart")).isHidden();
        assertThat(page.locator("h3", new com.microsoft.playwright.Page.LocatorOptions().setHasText("toàn thành phố"))).isHidden();
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
        // a share's target reads as the chart's tooltip reads it: "80%", not "80"
        assertThat(page.locator(".sm-national-provinces vaadin-grid-cell-content").filter(new com.microsoft.playwright.Locator
                .FilterOptions().setHasText(java.util.regex.Pattern.compile("^80%$")))).hasCount(2);
        // the chart of the provinces draws both, the chart of the indicators every indicator of the table
        assertThat(page.locator("sm-chart.sm-national-provinces-chart")).hasAttribute("data-categories", "2");
        assertThat(svgText(page.locator("sm-chart.sm-national-provinces-chart"), "Thành phố Đà Nẵng")).hasCount(1);
        assertThat(page.locator("sm-chart.sm-national-chart")).hasAttribute("data-series", "3");
        assertThat(svgText(page.locator("sm-chart.sm-national-chart"), "Tiến độ yêu cầu")).hasCount(1);
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
