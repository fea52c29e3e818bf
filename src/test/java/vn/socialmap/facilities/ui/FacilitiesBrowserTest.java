package vn.socialmap.facilities.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.socialmap.BrowserTest;
import vn.socialmap.geography.AdminUnit;
import vn.socialmap.geography.AdminUnitService;

class FacilitiesBrowserTest extends BrowserTest {

    @Autowired
    AdminUnitService units;
    @Autowired
    JdbcTemplate jdbc;

    private void choose(String selectLabel, String item) {
        page.locator("vaadin-select").filter(new Locator.FilterOptions().setHasText(selectLabel)).last().click();
        page.locator("vaadin-select-item:visible").filter(new Locator.FilterOptions().setHasText(item)).first().click();
    }

    @Test
    void aDistrictOfficerRegistersAClinicByClickingTheMap() {
        AdminUnit commune = units.find(communeIn("005")).orElseThrow();
        login("district-005");
        page.navigate(baseUrl() + "/facilities");
        page.locator(".sm-facility-new").click();
        Locator dialog = page.locator("vaadin-dialog");
        dialog.locator("vaadin-select").first().click();
        page.locator("vaadin-select-item:visible").filter(new Locator.FilterOptions().setHasText("Cơ sở điều trị Methadone")).first().click();
        dialog.locator("vaadin-text-field").filter(new Locator.FilterOptions().setHasText("Tên")).first().locator("input").fill("Phòng khám Methadone thử");
        Locator communeBox = dialog.locator("vaadin-combo-box input").first();
        communeBox.fill(commune.getCode());
        page.locator("vaadin-combo-box-item:visible").filter(new Locator.FilterOptions().setHasText(commune.getName())).first().click();
        dialog.locator("vaadin-text-field").filter(new Locator.FilterOptions().setHasText("Công suất")).locator("input").fill("120");

        // click the small map inside the commune
        Point inside = commune.getGeom().getInteriorPoint();
        Locator map = dialog.locator("sm-leaflet-map");
        map.scrollIntoViewIfNeeded();
        // the commune's fit has reached the map and the map has its size (leaflet-map.js holds a fit until it has one)
        waitForVaadin();
        page.waitForFunction("el => el.map && !el._pendingBounds && el.map.getSize().x === el.clientWidth"
                + " && el.map.getSize().y === el.clientHeight", map.elementHandle());
        @SuppressWarnings("unchecked")
        List<Number> xy = (List<Number>) map.evaluate(
                "(el, ll) => { const p = el.map.latLngToContainerPoint([ll[1], ll[0]]); return [p.x, p.y]; }",
                List.of(inside.getX(), inside.getY()));
        var box = map.boundingBox();
        page.mouse().click(box.x + xy.get(0).doubleValue(), box.y + xy.get(1).doubleValue());
        assertThat(dialog.locator("vaadin-number-field input").first()).not().hasValue("");

        dialog.locator("vaadin-button").filter(new Locator.FilterOptions().setHasText("Lưu")).click();
        assertThat(dialog).hasCount(0);
        page.locator("vaadin-text-field input").first().fill("phong kham methadone thu");
        assertThat(page.locator("vaadin-grid")).containsText("Phòng khám Methadone thử");
        assertThat(jdbc.queryForObject("select count(*) from facility where name = 'Phòng khám Methadone thử' and commune_code = ?",
                Long.class, commune.getCode())).isEqualTo(1);
    }

    @Test
    void aPointOutsideTheCommuneIsRefusedWithAMessage() {
        AdminUnit commune = units.find(communeIn("005")).orElseThrow();
        login("district-005");
        page.navigate(baseUrl() + "/facilities");
        page.locator(".sm-facility-new").click();
        Locator dialog = page.locator("vaadin-dialog");
        dialog.locator("vaadin-select").first().click();
        page.locator("vaadin-select-item:visible").filter(new Locator.FilterOptions().setHasText("Điểm tư vấn cộng đồng")).first().click();
        dialog.locator("vaadin-text-field").filter(new Locator.FilterOptions().setHasText("Tên")).first().locator("input").fill("Điểm tư vấn sai chỗ");
        dialog.locator("vaadin-combo-box input").first().fill(commune.getCode());
        page.locator("vaadin-combo-box-item:visible").filter(new Locator.FilterOptions().setHasText(commune.getName())).first().click();
        dialog.locator("vaadin-number-field input").nth(0).fill("105.2");
        dialog.locator("vaadin-number-field input").nth(1).fill("20.9");
        dialog.locator("vaadin-button").filter(new Locator.FilterOptions().setHasText("Lưu")).click();
        assertThat(dialog.locator(".sm-form-error")).containsText("Vị trí phải nằm trong " + commune.getName());
        assertThat(jdbc.queryForObject("select count(*) from facility where name = 'Điểm tư vấn sai chỗ'", Long.class)).isZero();
    }
}
