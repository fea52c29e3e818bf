package vn.socialmap.analytics.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.Test;

import vn.socialmap.BrowserTest;

class PlanningBrowserTest extends BrowserTest {

    @org.springframework.beans.factory.annotation.Autowired
    private org.springframework.jdbc.core.JdbcTemplate jdbc;

    private static final com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions SOLVED =
            new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(60_000);

    @Test
    void aPlannerComputesSavesAndComparesScenarios() {
        login("planner");
        page.navigate(baseUrl() + "/planning");
        page.locator(".sm-planning-run").click();
        // the model is solved on the server: on a busy machine it may take tens of seconds
        assertThat(page.locator(".sm-planning-result")).containsText("Lời giải tối ưu", SOLVED);
        assertThat(page.locator("[data-layer-chosen]")).hasAttribute("data-layer-chosen", "5");
        // the run's map explains itself
        assertThat(page.locator(".sm-planning-legend")).containsText("Địa điểm mới và bán kính phục vụ 3.000 m");

        // a long name: the saved list wraps it rather than cutting it
        String name = "Phương án thử nghiệm năm điểm mới, bán kính ba ki-lô-mét quanh các phường trung tâm " + System.nanoTime();
        page.locator(".sm-planning-panel vaadin-text-field input").last().fill(name);
        page.locator(".sm-planning-save").click();
        Locator notice = page.locator("vaadin-notification-card").filter(new Locator.FilterOptions()
                .setHasText("Đã lưu phương án “" + name + "”"));
        assertThat(notice).hasAttribute("theme", java.util.regex.Pattern.compile("success"),
                new com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions().setTimeout(60_000));
        Locator list = page.locator(".sm-planning-scenarios");
        assertThat(list).containsText(name);
        org.assertj.core.api.Assertions.assertThat(list.boundingBox().height).as("the saved list's height").isGreaterThan(200);
        Locator nameCell = list.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(name));
        org.assertj.core.api.Assertions.assertThat((Boolean) nameCell.evaluate("c => c.scrollWidth <= c.clientWidth"))
                .as("the name is not cut").isTrue();
        org.assertj.core.api.Assertions.assertThat(nameCell.boundingBox().height).as("the name wraps onto lines")
                .isGreaterThan(30);

        // the saved scenario is selected: its figures are shown side by side under the map, readable
        Locator comparison = page.locator(".sm-planning-comparison");
        assertThat(comparison).containsText("Địa điểm chọn");
        assertThat(comparison).containsText(name);
        assertThat(comparison).containsText("% nhu cầu cả địa bàn");
        org.assertj.core.api.Assertions.assertThat(comparison.boundingBox().width).as("the comparison's width")
                .isGreaterThan(600);
        // its map: the communes' boundaries (today's 126) under the sites, and a legend naming the scenario
        assertThat(page.locator("sm-leaflet-map")).hasAttribute("data-layer-boundaries", "126");
        assertThat(page.locator("[data-layer-scenario-0]")).hasAttribute("data-layer-scenario-0", "5");
        assertThat(page.locator(".sm-planning-legend")).containsText(name);
        assertThat(page.locator(".sm-planning-legend")).containsText("Ranh giới xã, phường");
    }

    /** Scenarios of different dates share one map: the newest one's boundaries, and the legend says why. */
    @Test
    void scenariosOfDifferentDatesAreComparedOnTheNewestBoundaries() throws Exception {
        String stamp = String.valueOf(System.nanoTime());
        for (String[] s : new String[][] {{"Phương án 2024 " + stamp, "2024-06-30"}, {"Phương án hôm nay " + stamp, null}}) {
            java.util.Map<String, Object> body = new java.util.HashMap<>(java.util.Map.of("province", "01", "name", s[0], "k", 1,
                    "radiusMeters", 1000));
            if (s[1] != null) {
                body.put("asOf", s[1]);
            }
            ok(call("planner", "POST", "/api/v1/planning/scenarios", body), 201);
        }
        login("planner");
        page.navigate(baseUrl() + "/planning");
        Locator list = page.locator(".sm-planning-scenarios");
        assertThat(list).containsText("Phương án hôm nay " + stamp);
        // tick the rows of the two just saved (a row's checkbox knows its item, whose columns hold the name)
        Locator boxes = list.locator("vaadin-checkbox:not(.vaadin-grid-select-all-checkbox)");
        for (String name : new String[] {"Phương án 2024 " + stamp, "Phương án hôm nay " + stamp}) {
            int index = ((Number) boxes.evaluateAll("(boxes, name) => boxes.findIndex(b => b.__item"
                    + " && JSON.stringify(b.__item).includes(name))", name)).intValue();
            org.assertj.core.api.Assertions.assertThat(index).as(name).isNotNegative();
            boxes.nth(index).click();
        }
        assertThat(page.locator(".sm-planning-comparison")).containsText("30/06/2024");
        assertThat(page.locator("sm-leaflet-map")).hasAttribute("data-layer-boundaries", "126");
        assertThat(page.locator(".sm-planning-legend")).containsText("phương án mới nhất; các phương án có ngày khác nhau");
        // the older scenario's sites read as the communes were named on its date, not as their codes
        java.util.List<String> chosen2024 = jdbc.queryForList(
                "select unnest(chosen) from planning_scenario where name = ?", String.class, "Phương án 2024 " + stamp);
        org.assertj.core.api.Assertions.assertThat(chosen2024).isNotEmpty();
        for (String code : chosen2024) {
            String name = jdbc.queryForObject("select name from admin_unit where level = 'COMMUNE' and code = ?"
                    + " and in_force(valid_from, valid_to, date '2024-06-30')", String.class, code);
            assertThat(page.locator(".sm-planning-comparison")).containsText(name);
        }
        assertThat(page.locator(".sm-planning-comparison")).not().containsText(java.util.regex.Pattern.compile("\\b\\d{5}\\b"));
        jdbc.update("delete from planning_scenario where name like ?", "Phương án % " + stamp);
    }

    @Test
    void savingWithoutANameSaysWhyAndSavesNothing() {
        login("planner");
        page.navigate(baseUrl() + "/planning");
        page.locator(".sm-planning-save").click();
        Locator notice = page.locator("vaadin-notification-card").filter(new Locator.FilterOptions()
                .setHasText("Chưa lưu phương án: Tên phương án không được để trống"));
        assertThat(notice).hasAttribute("theme", java.util.regex.Pattern.compile("error"));
        assertThat(page.locator(".sm-planning-panel vaadin-text-field[invalid]")).hasCount(1);
    }

    @Test
    void aCommuneOfficerMayComputeButNotSave() {
        login("commune-00004");
        page.navigate(baseUrl() + "/planning");
        assertThat(page.locator(".sm-planning-save")).isHidden();
    }
}
