package vn.socialmap.analytics.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import vn.socialmap.BrowserTest;

class AnalyticsBrowserTest extends BrowserTest {

    private void choose(String selectClass, String item) {
        page.locator(selectClass).click();
        page.locator("vaadin-select-item:visible", new Page.LocatorOptions().setHasText(item)).first().click();
    }

    @Test
    void aLeaderSeesHotspotsAndCommunesFarFromMethadone() {
        login("leader");
        page.navigate(baseUrl() + "/analytics");
        assertThat(page.locator("path[data-layer=analytics]")).hasCount(579);
        assertThat(page.locator("path[data-layer=analytics][data-class=hot_99]").first()).isAttached();
        assertThat(page.locator(".sm-analytics-summary")).containsText("579 đơn vị");
        // a leader is not offered the residence density
        page.locator(".sm-analytics-mode").click();
        assertThat(page.locator("vaadin-select-list-box vaadin-select-item:visible")).hasCount(4);
        page.keyboard().press("Escape");
        choose(".sm-analytics-mode", "Khoảng cách đến dịch vụ gần nhất");
        assertThat(page.locator("path[data-layer=analytics][data-far=true]").first()).isAttached();
        assertThat(page.locator(".sm-analytics-summary")).containsText("cơ sở đang hoạt động");
    }

    @Test
    void aDistrictOfficerSeesTheResidenceDensity() {
        login("district-006");
        page.navigate(baseUrl() + "/analytics");
        assertThat(page.locator("path[data-layer=analytics]")).hasCount(579);
        choose(".sm-analytics-mode", "Mật độ nơi cư trú");
        assertThat(page.locator("img.sm-image-layer")).hasCount(1);
        assertThat(page.locator(".sm-analytics-summary")).containsText("bán kính tìm kiếm");
    }
}
