package vn.socialmap.geography.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;

import vn.socialmap.BrowserTest;
import vn.socialmap.geography.AdminUnitService;

class MapViewBrowserTest extends BrowserTest {

    @Autowired
    AdminUnitService units;

    private Locator districts() {
        return page.locator("path[data-layer=districts]");
    }

    private Locator communes() {
        return page.locator("path[data-layer=communes]");
    }

    /** Clicks the map at a point inside the unit, as a user would (not at its bounding-box centre). */
    private void clickInside(String code) {
        Point inside = units.find(code).orElseThrow().getGeom().getInteriorPoint();
        Locator mapElement = page.locator("sm-leaflet-map");
        @SuppressWarnings("unchecked")
        List<Number> xy = (List<Number>) mapElement.evaluate(
                "(el, ll) => { const p = el.map.latLngToContainerPoint([ll[1], ll[0]]); return [p.x, p.y]; }",
                List.of(inside.getX(), inside.getY()));
        var box = mapElement.boundingBox();
        page.mouse().click(box.x + xy.get(0).doubleValue(), box.y + xy.get(1).doubleValue());
    }

    @Test
    void showsThirtyDistrictsThenTheCommunesOfTheClickedOne() {
        login("leader");
        page.navigate(baseUrl() + "/");
        assertThat(districts()).hasCount(30);
        assertThat(communes()).hasCount(0);
        assertThat(page.locator(".sm-breadcrumb")).containsText("Thành phố Hà Nội");

        clickInside("001");

        assertThat(communes()).hasCount(14);
        assertThat(page.locator(".sm-breadcrumb")).containsText("Quận Ba Đình");
        assertThat(page.locator(".sm-approximate-notice")).isVisible();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*unit=001.*"));
    }

    @Test
    void searchIgnoresDiacriticsAndZoomsToTheUnit() {
        login("leader");
        page.navigate(baseUrl() + "/");
        assertThat(districts()).hasCount(30);
        page.locator("vaadin-text-field input").fill("cau giay");
        Locator result = page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("Quận Cầu Giấy"));
        assertThat(result).hasCount(1);
        result.click();
        assertThat(communes()).hasCount(units.children("005").size());
        assertThat(page.locator(".sm-breadcrumb")).containsText("Quận Cầu Giấy");
    }

    @Test
    void breadcrumbGoesBackUpAndPopupTellsTheShapeIsApproximate() {
        login("commune-00001");
        page.navigate(baseUrl() + "/?unit=00001");
        assertThat(communes()).hasCount(14);
        assertThat(page.locator(".leaflet-popup-content")).containsText("Phường Phúc Xá");
        assertThat(page.locator(".leaflet-popup-content")).containsText("xấp xỉ");

        page.locator(".sm-breadcrumb vaadin-button").filter(new Locator.FilterOptions().setHasText("Thành phố Hà Nội")).click();
        assertThat(communes()).hasCount(0);
        assertThat(districts()).hasCount(30);
        assertThat(page.locator("path[data-layer=districts][data-code='001']")).hasCount(1);
        assertThat(units.children("005")).isNotEmpty();
    }

    @Test
    void hoverShowsNameTypeCodeAndBoundarySource() {
        login("district-001");
        page.navigate(baseUrl() + "/?unit=001");
        assertThat(communes()).hasCount(14);
        page.locator("path[data-layer=communes][data-code='00004']").hover(new Locator.HoverOptions().setForce(true));
        Locator tooltip = page.locator(".leaflet-tooltip");
        assertThat(tooltip).containsText("Phường Trúc Bạch");
        assertThat(tooltip).containsText("00004");
        assertThat(tooltip).containsText("xấp xỉ");
    }

    @Test
    void englishCanBeChosenAndIsRemembered() {
        login("leader");
        page.navigate(baseUrl() + "/");
        assertThat(page.locator(".sm-breadcrumb")).containsText("Thành phố Hà Nội");
        assertThat(page.getByText("Quận, huyện, thị xã (30)")).isVisible();
        page.locator("vaadin-select").filter(new Locator.FilterOptions().setHasText("Tiếng Việt")).click();
        page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText("English")).click();
        assertThat(page.getByText("Districts (30)")).isVisible();
        page.navigate(baseUrl() + "/?unit=001");
        assertThat(page.getByText("Communes and wards (14)")).isVisible();
    }

    private void chooseTheme(String label) {
        page.locator("vaadin-select.sm-theme").click();
        page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText(label)).first().click();
    }

    @Test
    void aLeaderSeesAChoroplethWithSmallCountsHiddenAndNoResidences() {
        login("leader");
        page.navigate(baseUrl() + "/?unit=001");
        assertThat(communes()).hasCount(14);
        chooseTheme("Quản lý sau cai");
        assertThat(page.locator(".sm-legend")).containsText("Quản lý sau cai");
        assertThat(page.locator(".sm-legend")).containsText("ẩn để bảo vệ danh tính");
        assertThat(page.locator(".sm-theme-points")).isHidden();
        assertThat(page.locator(".marker-cluster")).hasCount(0);
    }

    @Test
    void aDistrictOfficerSeesClusteredResidencesOfTheirDistrictOnly() {
        login("district-006");
        page.navigate(baseUrl() + "/?unit=006");
        chooseTheme("Có trong hồ sơ");
        assertThat(page.locator(".sm-legend")).not().containsText("ẩn để bảo vệ danh tính");
        page.locator(".sm-theme-points").click();
        assertThat(page.locator(".marker-cluster").first()).isVisible();
        Object points = page.locator("sm-leaflet-map").getAttribute("data-layer-points");
        long expected = jdbcCount("select count(*) from person where current_district_code = '006' and current_point is not null and merged_into_id is null");
        org.assertj.core.api.Assertions.assertThat(Long.parseLong(points.toString())).isEqualTo(expected);
    }

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    private long jdbcCount(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    @Test
    void facilityLayersToggleAndOpenTheirPopups() {
        login("leader");
        page.navigate(baseUrl() + "/");
        assertThat(districts()).hasCount(30);
        Locator publicRehab = page.locator(".sm-overlays vaadin-checkbox").filter(new Locator.FilterOptions().setHasText("Cơ sở cai nghiện công lập"));
        publicRehab.click();
        assertThat(page.locator("sm-leaflet-map")).hasAttribute("data-layer-overlay-PUBLIC_REHAB", "7");
        // hotspots are not offered to a leader
        assertThat(page.locator(".sm-overlays vaadin-checkbox").filter(new Locator.FilterOptions().setHasText("tụ điểm"))).hasCount(0);

        double[] where = jdbc.queryForObject("select array[ST_X(location), ST_Y(location)] from facility where type = 'PUBLIC_REHAB' and code = '2'",
                (rs, n) -> { Double[] a = (Double[]) rs.getArray(1).getArray(); return new double[] {a[0], a[1]}; });
        page.locator("sm-leaflet-map").evaluate("(el, ll) => el.map.setView([ll[1], ll[0]], 15, {animate: false})",
                java.util.List.of(where[0], where[1]));
        Locator marker = page.locator("path[data-layer=overlay-PUBLIC_REHAB]").first();
        marker.click(new Locator.ClickOptions().setForce(true));
        assertThat(page.locator(".leaflet-popup-content")).containsText("Cơ sở cai nghiện ma túy số 2 Hà Nội");
        assertThat(page.locator(".leaflet-popup-content")).containsText("Đang hoạt động");

        publicRehab.click();
        assertThat(page.locator("sm-leaflet-map")).not().hasAttribute("data-layer-overlay-PUBLIC_REHAB", "7");
    }

    @Test
    void modelCoverageLayerShowsNoneOneOrMore() {
        login("planner");
        page.navigate(baseUrl() + "/?unit=004");
        chooseTheme("Mô hình hỗ trợ sau cai");
        assertThat(page.locator(".sm-legend")).containsText("≥ 2");
        assertThat(page.locator(".sm-legend")).not().containsText("ẩn để bảo vệ danh tính");
    }

    @Test
    void circlesOfAChosenRadiusAroundAKindOfService() {
        login("planner");
        page.navigate(baseUrl() + "/");
        assertThat(districts()).hasCount(30);
        page.locator("vaadin-select.sm-buffer").click();
        page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText("Cơ sở điều trị Methadone")).click();
        assertThat(page.locator("sm-leaflet-map")).hasAttribute("data-layer-buffers", "40");
        page.locator("vaadin-integer-field.sm-buffer-meters input").fill("5000");
        page.locator("vaadin-integer-field.sm-buffer-meters input").press("Enter");
        // the circles are redrawn with the new radius (waits until they are)
        page.waitForFunction("""
                () => { const el = document.querySelector('sm-leaflet-map'); let r = 0, n = 0;
                  el.map.eachLayer(l => { if (l.getRadius && l.options && l.options.pane === 'sm-pane-420') { r = l.getRadius(); n++; } });
                  return r === 5000 && n === 40; }""");
        assertThat(page.locator("sm-leaflet-map")).hasAttribute("data-layer-buffers", "40");
    }

    @Test
    void planProgressPerDistrictOnTheMap() {
        login("district-001");
        page.navigate(baseUrl() + "/");
        assertThat(districts()).hasCount(30);
        page.locator("vaadin-date-picker input").first().fill("30/6/2022");
        page.locator("vaadin-date-picker input").first().press("Enter");
        chooseTheme("% chỉ tiêu lập hồ sơ cai nghiện bắt buộc");
        assertThat(page.locator(".sm-legend")).containsText("≥ 100");
        assertThat(page.locator(".sm-legend")).containsText("% chỉ tiêu lập hồ sơ");
    }
}
