package vn.socialmap.analytics.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.socialmap.BrowserTest;
import vn.socialmap.analytics.AnalyticsIndicator;
import vn.socialmap.analytics.HotspotService;
import vn.socialmap.analytics.UnitValues;
import vn.socialmap.geography.AdminLevel;

class AnalyticsBrowserTest extends BrowserTest {

    private void choose(String selectClass, String item) {
        page.locator(selectClass).click();
        page.locator("vaadin-select-item:visible", new Page.LocatorOptions().setHasText(item)).first().click();
    }

    @Autowired
    HotspotService hotspots;
    @Autowired
    JdbcClient jdbc;

    private void setDate(String ddMMyyyy) {
        Locator input = page.locator("vaadin-date-picker.sm-analytics-date input");
        input.fill(ddMMyyyy);
        input.press("Enter");
    }

    @Test
    void todayTheCitysCommunesOfTodayAreAnalysed() {
        login("leader");
        page.navigate(baseUrl() + "/analytics");
        // today's 126 communes are few enough for GeoJSON
        assertThat(page.locator("path[data-layer=analytics]")).hasCount(126);
        assertThat(page.locator(".sm-analytics-summary")).containsText("126 đơn vị");
    }

    @Test
    void aLeaderSeesHotspotsAndCommunesFarFromMethadone() {
        login("leader");
        page.navigate(baseUrl() + "/analytics");
        // on 30/06/2023 Hanoi's 579 communes are more than the map draws as GeoJSON: they come from vector tiles
        setDate("30/06/2023");
        Locator map = page.locator("sm-leaflet-map");
        assertThat(map).hasAttribute("data-layer-analytics", "579");
        assertThat(map).hasAttribute("data-drawn-analytics", "579");
        assertThat(page.locator("path[data-layer=analytics]")).hasCount(0);
        assertThat(page.locator(".sm-analytics-summary")).containsText("579 đơn vị");
        // a hot spot as the service computes it is drawn in its class colour where it lies on the map
        signIn("leader");
        LocalDate day = LocalDate.of(2023, 6, 30);
        HotspotService.UnitResult hot = hotspots.analyse(new HotspotService.Request("01", AdminLevel.COMMUNE,
                AnalyticsIndicator.PERSONS, HotspotService.Method.GISTAR, HotspotService.Weights.QUEEN,
                UnitValues.defaultFrom(day), day)).stream().filter(r -> r.hotspotClass().equals("hot_99")).findFirst().orElseThrow();
        double[] inside = jdbc.sql("select ST_Y(p), ST_X(p) from (select ST_PointOnSurface(geom) p from admin_unit"
                        + " where structure = '2022' and code = :code) s").param("code", hot.unit().getCode())
                .query((rs, n) -> new double[] {rs.getDouble(1), rs.getDouble(2)}).single();
        @SuppressWarnings("unchecked")
        Map<String, Object> drawn = (Map<String, Object>) map.evaluate("(el, p) => el.tiledUnitAt('analytics', p[0], p[1])",
                List.of(inside[0], inside[1]));
        Assertions.assertThat(drawn.get("code")).isEqualTo(hot.unit().getCode());
        Assertions.assertThat(((List<?>) drawn.get("color")).subList(0, 3).stream().map(v -> ((Number) v).intValue()))
                .containsExactly(0xd6, 0x2f, 0x27); // hot_99 #d62f27
        // the tooltip of the unit under the pointer names it
        var box = map.boundingBox();
        var pixel = (Map<?, ?>) map.evaluate("(el, p) => { const q = el.map.latLngToContainerPoint(p); return {x: q.x, y: q.y}; }",
                List.of(inside[0], inside[1]));
        page.mouse().move(box.x + ((Number) pixel.get("x")).doubleValue(), box.y + ((Number) pixel.get("y")).doubleValue());
        assertThat(page.locator(".sm-unit-tile-tooltip")).containsText(hot.unit().getName());
        // a leader is not offered the residence density
        page.locator(".sm-analytics-mode").click();
        assertThat(page.locator("vaadin-select-list-box vaadin-select-item:visible")).hasCount(4);
        page.keyboard().press("Escape");
        // the list closed before the select is opened again (reopening while it closes loses the click)
        assertThat(page.locator("vaadin-select-list-box vaadin-select-item:visible")).hasCount(0);
        choose(".sm-analytics-mode", "Khoảng cách đến dịch vụ gần nhất");
        assertThat(map).hasAttribute("data-drawn-analytics", "579");
        assertThat(page.locator(".sm-analytics-summary")).containsText("cơ sở đang hoạt động");
    }

    @Test
    void aDistrictOfficerSeesTheResidenceDensity() {
        login("district-006");
        page.navigate(baseUrl() + "/analytics");
        setDate("30/06/2023");
        assertThat(page.locator("sm-leaflet-map")).hasAttribute("data-drawn-analytics", "579");
        // at district level, in force on the date, the 30 districts are few enough for GeoJSON
        choose(".sm-analytics-level", "Quận, huyện");
        assertThat(page.locator("path[data-layer=analytics]")).hasCount(30);
        choose(".sm-analytics-mode", "Mật độ nơi cư trú");
        assertThat(page.locator("img.sm-image-layer")).hasCount(1);
        assertThat(page.locator(".sm-analytics-summary")).containsText("bán kính tìm kiếm");
    }
}
