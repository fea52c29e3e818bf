package vn.socialmap.drugfree.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.socialmap.BrowserTest;
import vn.socialmap.base.text.VietnameseText;

/** The drug-free layer on the map (named classes, progress under the legend) and the list view. */
class DrugFreeBrowserTest extends BrowserTest {

    @Autowired
    JdbcTemplate jdbc;

    /** A commune the demo recognised in 2026. */
    private String recognisedIn2026() {
        return jdbc.queryForObject("""
                select u.name from drug_free_assessment a join admin_unit u on u.structure = a.structure and u.code = a.commune_code
                where a.demo and a.year = 2026 and a.status = 'RECOGNISED' order by a.commune_code limit 1""", String.class);
    }

    @Test
    void theMapShowsEachCommunesStatusAndTheProgressAgainstPlan08() {
        login("leader");
        page.navigate(baseUrl() + "/");
        assertThat(page.locator("path[data-layer=communes]")).hasCount(126);
        page.locator("vaadin-select.sm-theme").click();
        page.locator("vaadin-select-item:visible").filter(new Locator.FilterOptions().setHasText("Xã, phường không ma túy")).first().click();
        Locator legend = page.locator(".sm-legend");
        assertThat(legend).containsText("Được công nhận");
        assertThat(legend).containsText("Đề nghị");
        assertThat(legend).containsText("Không còn đạt");
        assertThat(legend).containsText("Chưa xét");
        assertThat(legend).containsText("Đã công nhận 13 / 46 xã, phường (Kế hoạch 08/KH-UBND)");
        // no numeric ranges for a status layer
        assertThat(legend).not().containsText("≥");
    }

    @Test
    void theListFindsACommuneWithoutDiacriticsAndShowsItsCriteriaAndHistory() {
        String name = recognisedIn2026();
        login("leader");
        page.navigate(baseUrl() + "/drug-free-communes");
        assertThat(page.locator(".sm-drugfree-progress")).containsText("13 / 46");
        page.locator("vaadin-text-field input").first().fill(VietnameseText.fold(name));
        page.locator("vaadin-text-field input").first().press("Enter");
        // the filtered list is in (a click before it would be undone by the new items)
        page.waitForFunction("() => document.querySelector('vaadin-grid.sm-drugfree-grid').size < 5");
        Locator row = page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(name)).first();
        assertThat(row).isVisible();
        assertThat(page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("Được công nhận")).first())
                .isVisible();
        row.click();
        Locator details = page.locator(".sm-drugfree-details");
        assertThat(details).containsText("Người nghiện, người sử dụng trái phép chất ma túy có hồ sơ quản lý");
        assertThat(details).containsText("Tiêu chí giả định");
        assertThat(details).containsText("Lịch sử quyết định");
        assertThat(details).containsText("Đề nghị");
        // a leader records nothing
        assertThat(page.locator(".sm-drugfree-record")).hasCount(0);
    }

    @Test
    void theProvincialPoliceEnterEvidenceInTheList() {
        String name = recognisedIn2026();
        login("police-01");
        page.navigate(baseUrl() + "/drug-free-communes");
        page.locator("vaadin-text-field input").first().fill(VietnameseText.fold(name));
        page.locator("vaadin-text-field input").first().press("Enter");
        // the filtered list is in (a click before it would be undone by the new items)
        page.waitForFunction("() => document.querySelector('vaadin-grid.sm-drugfree-grid').size < 5");
        page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(name)).first().click();
        page.locator(".sm-drugfree-evidence").click();
        Locator form = page.locator(".sm-drugfree-form");
        form.locator("vaadin-select").first().click();
        page.locator("vaadin-select-item:visible").filter(new Locator.FilterOptions().setHasText("Cây có chứa chất ma túy")).first()
                .click();
        form.locator("vaadin-text-field.sm-drugfree-evidence-text input").fill("Biên bản kiểm tra thực địa (kiểm thử)");
        form.locator(".sm-drugfree-save").click();
        assertThat(page.locator(".sm-drugfree-saved")).containsText("Đã nhập minh chứng");
        assertThat(page.locator(".sm-drugfree-details")).containsText("Biên bản kiểm tra thực địa (kiểm thử)");
    }
}
