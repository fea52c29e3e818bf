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

    static final String JUNE_2022 = "2022-06-30";

    /** Clicks the map at a point inside the unit in force on the date, as a user would (not at its bounding-box centre). */
    private void clickInside(String code, String date) {
        Point inside = units.find(code, java.time.LocalDate.parse(date)).orElseThrow().getGeom().getInteriorPoint();
        Locator mapElement = page.locator("sm-leaflet-map");
        @SuppressWarnings("unchecked")
        List<Number> xy = (List<Number>) mapElement.evaluate(
                "(el, ll) => { const p = el.map.latLngToContainerPoint([ll[1], ll[0]]); return [p.x, p.y]; }",
                List.of(inside.getX(), inside.getY()));
        var box = mapElement.boundingBox();
        page.mouse().click(box.x + xy.get(0).doubleValue(), box.y + xy.get(1).doubleValue());
    }

    @Test
    void todayTheCitysRealCommunesAndOn30June2022ItsDistricts() {
        login("leader");
        page.navigate(baseUrl() + "/");
        assertThat(communes()).hasCount(126);
        assertThat(districts()).hasCount(0);
        assertThat(page.locator(".sm-breadcrumb")).containsText("Thành phố Hà Nội");
        assertThat(page.locator(".sm-structure-note")).containsText("2 cấp");
        assertThat(page.locator(".leaflet-control-attribution")).containsText("sapnhap.bando.com.vn");
        assertThat(page.locator(".sm-approximate-notice")).isHidden();

        page.locator("vaadin-date-picker.sm-as-of input").fill("30/06/2022");
        page.locator("vaadin-date-picker.sm-as-of input").press("Enter");
        assertThat(districts()).hasCount(30);
        assertThat(communes()).hasCount(0);
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*date=2022-06-30.*"));
        assertThat(page.locator(".sm-structure-note")).containsText("3 cấp");

        clickInside("001", JUNE_2022);
        assertThat(communes()).hasCount(14);
        assertThat(page.locator(".sm-breadcrumb")).containsText("Quận Ba Đình");
        assertThat(page.locator(".sm-approximate-notice")).isVisible();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*[?&]unit=001(&.*)?$"));
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*[?&]date=2022-06-30(&.*)?$"));
    }

    @Test
    void searchIgnoresDiacriticsAndZoomsToTheUnit() {
        login("leader");
        page.navigate(baseUrl() + "/?unit=01&date=" + JUNE_2022);
        assertThat(districts()).hasCount(30);
        page.locator("vaadin-text-field input").fill("cau giay");
        Locator result = page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("Quận Cầu Giấy"));
        assertThat(result).hasCount(1);
        result.click();
        assertThat(communes()).hasCount(units.children("005", java.time.LocalDate.parse(JUNE_2022)).size());
        assertThat(page.locator(".sm-breadcrumb")).containsText("Quận Cầu Giấy");

        page.navigate(baseUrl() + "/");
        page.locator("vaadin-text-field input").fill("ba dinh");
        assertThat(page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("Phường Ba Đình")))
                .hasCount(1);
    }

    @Test
    void aCodeMeansTheUnitOfTheDate() {
        login("commune-00004");
        page.navigate(baseUrl() + "/");
        assertThat(page.locator(".leaflet-popup-content")).containsText("Phường Ba Đình");
        assertThat(page.locator(".leaflet-popup-content")).containsText("chính thức");
        assertThat(page.locator(".leaflet-popup-content")).containsText("Dân số: 65.023");
        assertThat(communes()).hasCount(126);

        page.navigate(baseUrl() + "/?unit=00004&date=" + JUNE_2022);
        assertThat(communes()).hasCount(14);
        assertThat(page.locator(".leaflet-popup-content")).containsText("Phường Trúc Bạch");
        assertThat(page.locator(".leaflet-popup-content")).containsText("xấp xỉ");
        page.locator(".sm-breadcrumb vaadin-button").filter(new Locator.FilterOptions().setHasText("Thành phố Hà Nội")).click();
        assertThat(communes()).hasCount(0);
        assertThat(districts()).hasCount(30);
        assertThat(page.locator("path[data-layer=districts][data-code='001']")).hasCount(1);
    }

    @Test
    void hoverShowsNameTypeCodeAndBoundarySource() {
        login("leader");
        page.navigate(baseUrl() + "/");
        assertThat(communes()).hasCount(126);
        page.locator("path[data-layer=communes][data-code='00004']").hover(new Locator.HoverOptions().setForce(true));
        Locator tooltip = page.locator(".leaflet-tooltip");
        assertThat(tooltip).containsText("Phường Ba Đình");
        assertThat(tooltip).containsText("00004");
        assertThat(tooltip).containsText("chính thức");
    }

    @Test
    void aDistrictOfficerSeesThatTheLevelEndedAndTheirFormerDistrict() {
        login("district-001");
        page.navigate(baseUrl() + "/");
        assertThat(communes()).hasCount(126);
        assertThat(page.locator(".sm-area-notice")).containsText("Quận Ba Đình");
        assertThat(page.locator(".sm-area-notice")).containsText("01/07/2025");
        assertThat(page.locator("path[data-layer=former]")).hasCount(1);
        // the list starts from today's communes lying in the former district, not the city's 126
        assertThat(page.locator(".sm-list-title")).containsText("Quận Ba Đình (cũ)");
        assertThat(page.locator(".sm-list-title")).not().containsText("(126)");
        page.navigate(baseUrl() + "/?date=" + JUNE_2022);
        assertThat(communes()).hasCount(14);
        assertThat(page.locator(".sm-breadcrumb")).containsText("Quận Ba Đình");
        assertThat(page.locator(".sm-area-notice")).isHidden();
    }

    @Test
    void englishCanBeChosenAndIsRemembered() {
        login("leader");
        page.navigate(baseUrl() + "/");
        assertThat(page.locator(".sm-breadcrumb")).containsText("Thành phố Hà Nội");
        assertThat(page.getByText("Phường, xã (126)")).isVisible();
        page.locator("vaadin-select.sm-navbar-language").click();
        page.locator("vaadin-select-item:visible").filter(new Locator.FilterOptions().setHasText("English")).click();
        assertThat(page.getByText("Communes (126)")).isVisible();
        page.navigate(baseUrl() + "/?unit=001&date=" + JUNE_2022);
        assertThat(page.getByText("Communes and wards (14)")).isVisible();
    }

    private void chooseTheme(String label) {
        page.locator("vaadin-select.sm-theme").click();
        page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText(label)).first().click();
    }

    @Test
    void aLeaderSeesAProtectedChoroplethAndNoResidences() {
        login("leader");
        page.navigate(baseUrl() + "/?unit=001&date=" + JUNE_2022);
        assertThat(communes()).hasCount(14);
        chooseTheme("Quản lý sau cai");
        assertThat(page.locator(".sm-legend")).containsText("Quản lý sau cai");
        assertThat(page.locator(".sm-legend")).containsText("được bảo vệ");
        assertThat(page.locator(".sm-theme-points")).isHidden();
        assertThat(page.locator(".marker-cluster")).hasCount(0);
    }

    @Test
    void aDistrictOfficerSeesClusteredResidencesOfTheirDistrictOnly() {
        login("district-006");
        page.navigate(baseUrl() + "/");
        chooseTheme("Có trong hồ sơ");
        assertThat(page.locator(".sm-legend")).containsText("ngoài địa bàn bạn được xem chi tiết");
        page.locator(".sm-theme-points").click();
        assertThat(page.locator(".marker-cluster").first()).isVisible();
        Object points = page.locator("sm-leaflet-map").getAttribute("data-layer-points");
        long expected = jdbcCount("""
                select count(*) from person p where former_district_code = '006' and current_point is not null
                  and merged_into_id is null and exists (select 1 from person_status_period s where s.person_id = p.id
                    and s.status = 'ON_RECORD' and s.valid_from <= current_date and (s.valid_to is null or s.valid_to > current_date))""");
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
        assertThat(communes()).hasCount(126);
        Locator publicRehab = page.locator(".sm-overlays vaadin-checkbox").filter(new Locator.FilterOptions().setHasText("Cơ sở cai nghiện công lập"));
        publicRehab.click();
        // today: Hà Nội police's 4 facilities, merged from the 7 on 01/03/2025 (issue 19)
        assertThat(page.locator("sm-leaflet-map")).hasAttribute("data-layer-overlay-PUBLIC_REHAB", "4");
        // hotspots are not offered to a leader
        assertThat(page.locator(".sm-overlays vaadin-checkbox").filter(new Locator.FilterOptions().setHasText("tụ điểm"))).hasCount(0);

        double[] where = jdbc.queryForObject("select array[ST_X(location), ST_Y(location)] from facility where type = 'PUBLIC_REHAB' and code = 'PC04-2'",
                (rs, n) -> { Double[] a = (Double[]) rs.getArray(1).getArray(); return new double[] {a[0], a[1]}; });
        page.locator("sm-leaflet-map").evaluate("(el, ll) => el.map.setView([ll[1], ll[0]], 15, {animate: false})",
                java.util.List.of(where[0], where[1]));
        Locator marker = page.locator("path[data-layer=overlay-PUBLIC_REHAB]").first();
        marker.click(new Locator.ClickOptions().setForce(true));
        assertThat(page.locator(".leaflet-popup-content")).containsText("Cơ sở cai nghiện ma túy số 2 Hà Nội");
        assertThat(page.locator(".leaflet-popup-content")).containsText("Đang hoạt động");

        publicRehab.click();
        assertThat(page.locator("sm-leaflet-map")).not().hasAttribute("data-layer-overlay-PUBLIC_REHAB", "4");
    }

    @Test
    void modelCoverageLayerShowsNoneOneOrMore() {
        login("planner");
        page.navigate(baseUrl() + "/?unit=004&date=" + JUNE_2022);
        chooseTheme("Mô hình hỗ trợ sau cai");
        assertThat(page.locator(".sm-legend")).containsText("≥ 2");
        // the layer's own scale names its classes from its bounds, not from the smallest value drawn ("4 – 1")
        assertThat(page.locator(".sm-legend .sm-legend-row")).hasText(new String[] {"1", "≥ 2", "0"});
        // models are not people: exact, no protection note
        assertThat(page.locator(".sm-legend")).not().containsText("được bảo vệ");
    }

    @Test
    void circlesOfAChosenRadiusAroundAKindOfService() {
        login("planner");
        page.navigate(baseUrl() + "/");
        assertThat(communes()).hasCount(126);
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
        assertThat(communes()).hasCount(126);
        page.locator("vaadin-date-picker.sm-as-of input").fill("30/06/2022");
        page.locator("vaadin-date-picker.sm-as-of input").press("Enter");
        assertThat(districts()).hasCount(30);
        // the variants are the plans' indicators, named as the plans name them
        chooseTheme("% chỉ tiêu: Lập hồ sơ");
        assertThat(page.locator(".sm-legend")).containsText("≥ 100%");
        assertThat(page.locator(".sm-legend")).containsText("% chỉ tiêu: Lập hồ sơ");
        // a percent of a target has its own scale: no rate per 100,000 to tick
        assertThat(page.locator("vaadin-checkbox.sm-theme-rate")).isHidden();
        // a percent says of which plan and up to which day; classes read "1 – 24%", never "64 – 24"
        assertThat(page.locator(".sm-legend .sm-legend-row").first()).hasText("1 – 24%");
        // a swatch is painted in the colour its class is drawn in on the map (the palette's lightest, #ffffb2)
        assertThat(page.locator(".sm-legend .sm-legend-row .sm-swatch").first()).hasCSS("background-color", "rgb(255, 255, 178)");
        // the newest plan in force with district targets: Plan 78 (tests that import plans remove them again)
        assertThat(page.locator(".sm-legend-caption")).hasText(
                "Kế hoạch 78/KH-UBND (2022): phần trăm chỉ tiêu đã đạt đến ngày 30/06/2022");
    }

    @Test
    void planProgressOnADayWithoutAPlanInForceSaysSo() {
        login("district-001");
        page.navigate(baseUrl() + "/");
        assertThat(communes()).hasCount(126);
        String today = page.locator("vaadin-date-picker.sm-as-of input").inputValue();
        // today there are no districts: the plans that set district targets have no units to colour
        chooseTheme("% chỉ tiêu: Lập hồ sơ");
        assertThat(page.locator(".sm-legend-caption")).hasText("Không có kế hoạch nào có hiệu lực ngày " + today
                + " đặt chỉ tiêu cho các đơn vị đang hiển thị trên bản đồ.");
        assertThat(page.locator(".sm-legend .sm-legend-row")).hasCount(0);
        // districts again, but Plan 78 (2022) ended: its targets are not measured against a later day
        page.locator("vaadin-date-picker.sm-as-of input").fill("31/12/2024");
        page.locator("vaadin-date-picker.sm-as-of input").press("Enter");
        assertThat(districts()).hasCount(30);
        assertThat(page.locator(".sm-legend-caption")).hasText("Không có kế hoạch nào có hiệu lực ngày 31/12/2024"
                + " đặt chỉ tiêu cho các đơn vị đang hiển thị trên bản đồ.");
        assertThat(page.locator(".sm-legend .sm-legend-row")).hasCount(0);
    }

    @Test
    void communeNamesAreWrittenOnTheMapOnceZoomedIn() {
        login("planner");
        page.navigate(baseUrl() + "/");
        assertThat(communes()).hasCount(126);
        // the whole city: 126 names would cover the map
        assertThat(page.locator("sm-leaflet-map")).hasAttribute("data-labels-labels", "0");
        page.locator("sm-leaflet-map").evaluate("el => el.map.setZoom(13, {animate: false})");
        assertThat(page.locator("sm-leaflet-map")).hasAttribute("data-labels-labels", "126");
        assertThat(page.locator(".sm-unit-label").filter(new Locator.FilterOptions().setHasText("Ba Đình"))).hasCount(1);
    }
}
