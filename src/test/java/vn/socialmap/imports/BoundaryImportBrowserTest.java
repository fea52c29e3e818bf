package vn.socialmap.imports;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Path;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import vn.socialmap.BrowserTest;

/** The administrator's boundary import screen: report and preview, then cancel (a commit is tested in BoundaryImportTest). */
class BoundaryImportBrowserTest extends BrowserTest {

    private void upload(String fixture) throws Exception {
        Path file = Path.of(getClass().getResource("/imports/" + fixture).toURI());
        page.locator("vaadin-upload input[type=file]").setInputFiles(file);
    }

    @Test
    void anAdministratorChecksAFilePreviewsItAndCancels() throws Exception {
        login("admin");
        page.navigate(baseUrl() + "/admin/boundaries");
        page.locator(".sm-boundaries-province").click();
        page.locator("vaadin-select-list-box vaadin-select-item:visible", new Page.LocatorOptions().setHasText("Đà Nẵng")).click();
        // district files are of a structure that had districts: 2025-01, whose level list starts with districts
        page.locator(".sm-boundaries-structure").click();
        page.locator("vaadin-select-list-box vaadin-select-item:visible",
                new Page.LocatorOptions().setHasText("01/01/2025 – 30/06/2025")).click();
        upload("danang-districts-vn2000-tm3.zip");
        assertThat(page.locator(".sm-boundaries-report")).containsText("Đọc 8 đối tượng");
        assertThat(page.locator(".sm-boundaries-report")).containsText("Có thể ghi");
        // the .prj, one long word of WKT, wraps inside the panel
        org.assertj.core.api.Assertions.assertThat((Boolean) page.locator(".sm-boundaries-report").evaluate(
                "el => el.scrollWidth <= el.clientWidth && el.getBoundingClientRect().right <= el.parentElement.getBoundingClientRect().right"))
                .isTrue();
        assertThat(page.locator("[data-layer-staged]")).hasAttribute("data-layer-staged", "8");
        page.locator(".sm-boundaries-cancel").click();
        assertThat(page.locator(".sm-boundaries-done")).containsText("không có gì thay đổi");
    }

    @Test
    void aShapefileWithoutPrjIsReadOnceTheAdministratorNamesItsCoordinateSystem() throws Exception {
        Path file = java.nio.file.Files.createTempFile("danang-no-prj", ".zip");
        java.nio.file.Files.write(file, BoundaryImportTest.withoutPrj());
        login("admin");
        page.navigate(baseUrl() + "/admin/boundaries");
        page.locator(".sm-boundaries-province").click();
        page.locator("vaadin-select-list-box vaadin-select-item:visible", new Page.LocatorOptions().setHasText("Đà Nẵng")).click();
        page.locator(".sm-boundaries-structure").click();
        page.locator("vaadin-select-list-box vaadin-select-item:visible",
                new Page.LocatorOptions().setHasText("01/01/2025 – 30/06/2025")).click();
        page.locator("vaadin-upload input[type=file]").setInputFiles(file);
        assertThat(page.locator(".sm-boundaries-error")).containsText("không ghi hệ tọa độ");
        assertThat(page.locator(".sm-boundaries-crs")).hasAttribute("invalid", "");
        // choosing the system reads the same file again
        page.locator(".sm-boundaries-crs").click();
        page.locator("vaadin-select-list-box vaadin-select-item:visible", new Page.LocatorOptions().setHasText("107°45'")).click();
        assertThat(page.locator(".sm-boundaries-report")).containsText("theo lựa chọn khi tải lên");
        assertThat(page.locator(".sm-boundaries-report")).containsText("Có thể ghi");
        assertThat(page.locator("[data-layer-staged]")).hasAttribute("data-layer-staged", "8");
        page.locator(".sm-boundaries-cancel").click();
        assertThat(page.locator(".sm-boundaries-done")).containsText("không có gì thay đổi");
    }

    @Test
    void veryLargeChangesMustBeConfirmedBeforeTheCommitButtonWorks() throws Exception {
        Path file = java.nio.file.Files.createTempFile("danang-swapped", ".geojson");
        java.nio.file.Files.write(file, BoundaryImportTest.swapped());
        login("admin");
        page.navigate(baseUrl() + "/admin/boundaries");
        page.locator(".sm-boundaries-province").click();
        page.locator("vaadin-select-list-box vaadin-select-item:visible", new Page.LocatorOptions().setHasText("Đà Nẵng")).click();
        page.locator(".sm-boundaries-structure").click();
        page.locator("vaadin-select-list-box vaadin-select-item:visible",
                new Page.LocatorOptions().setHasText("01/01/2025 – 30/06/2025")).click();
        page.locator("vaadin-upload input[type=file]").setInputFiles(file);
        assertThat(page.locator(".sm-boundaries-large")).containsText("2 đơn vị thay đổi hình hơn 50%");
        assertThat(page.locator(".sm-boundaries-report")).containsText("Có thể ghi sau khi xác nhận");
        assertThat(page.locator(".sm-boundaries-commit")).isDisabled();
        page.locator(".sm-boundaries-confirm").click();
        assertThat(page.locator(".sm-boundaries-commit")).isEnabled();
        // cancelled, not committed: the shapes of the structure stay as the other tests expect them
        page.locator(".sm-boundaries-cancel").click();
        assertThat(page.locator(".sm-boundaries-done")).containsText("không có gì thay đổi");
    }

    @Test
    void aFileWithAnUnknownCodeCannotBeCommitted() throws Exception {
        login("admin");
        page.navigate(baseUrl() + "/admin/boundaries");
        page.locator(".sm-boundaries-province").click();
        page.locator("vaadin-select-list-box vaadin-select-item:visible", new Page.LocatorOptions().setHasText("Đà Nẵng")).click();
        // district files are of a structure that had districts: 2025-01, whose level list starts with districts
        page.locator(".sm-boundaries-structure").click();
        page.locator("vaadin-select-list-box vaadin-select-item:visible",
                new Page.LocatorOptions().setHasText("01/01/2025 – 30/06/2025")).click();
        upload("danang-unknown-code.geojson");
        assertThat(page.locator(".sm-boundaries-report")).containsText("Mã không có trong danh mục (1)");
        assertThat(page.locator(".sm-boundaries-report")).containsText("999");
        assertThat(page.locator(".sm-boundaries-commit")).isHidden();
        page.locator(".sm-boundaries-cancel").click();
    }

    @Test
    void aCodeInAFileIsShownAsTextNeverRunAsHtml() throws Exception {
        // the unknown-code fixture with its code replaced by markup that would run if read as HTML
        String markup = "<img src=x onerror=\"window.__pwned=1\">";
        String json = java.nio.file.Files.readString(Path.of(getClass().getResource("/imports/danang-unknown-code.geojson").toURI()))
                .replace("\"code\": \"999\"", "\"code\": \"" + markup.replace("\"", "\\\"") + "\"");
        Path file = java.nio.file.Files.createTempFile("danang-markup", ".geojson");
        java.nio.file.Files.writeString(file, json);
        login("admin");
        page.navigate(baseUrl() + "/admin/boundaries");
        page.locator(".sm-boundaries-province").click();
        page.locator("vaadin-select-list-box vaadin-select-item:visible", new Page.LocatorOptions().setHasText("Đà Nẵng")).click();
        page.locator(".sm-boundaries-structure").click();
        page.locator("vaadin-select-list-box vaadin-select-item:visible",
                new Page.LocatorOptions().setHasText("01/01/2025 – 30/06/2025")).click();
        page.locator("vaadin-upload input[type=file]").setInputFiles(file);
        assertThat(page.locator(".sm-boundaries-report")).containsText("Mã không có trong danh mục (1)");
        // every tooltip of the map opened at once
        page.locator("sm-leaflet-map").evaluate("el => el.map.eachLayer(l => { if (l.getTooltip && l.getTooltip()) l.openTooltip(); })");
        assertThat(page.locator(".leaflet-tooltip").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("<img")))
                .not().hasCount(0);
        org.assertj.core.api.Assertions.assertThat(page.evaluate("() => window.__pwned === undefined")).isEqualTo(true);
        page.locator(".sm-boundaries-cancel").click();
    }
}
