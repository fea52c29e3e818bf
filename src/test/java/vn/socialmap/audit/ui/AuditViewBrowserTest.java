package vn.socialmap.audit.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;

import vn.socialmap.BrowserTest;

/** The audit log reads in words: areas by name, a search's filters, a few of the records it returned. */
class AuditViewBrowserTest extends BrowserTest {

    @Test
    void anAdministratorReadsWhoLookedAtWhatInWords() throws Exception {
        ok(call("facility-1", "GET", "/api/v1/persons?status=IN_COMPULSORY&size=20", null), 200);
        login("admin");
        page.navigate(baseUrl() + "/admin/audit");
        page.locator("vaadin-text-field input").first().fill("facility-1");
        page.locator("vaadin-button").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Tìm")).click();
        var grid = page.locator("vaadin-grid");
        assertThat(grid).containsText("Cơ sở cai nghiện số 1");
        assertThat(grid).containsText("Tình trạng: Đang cai nghiện bắt buộc");
        assertThat(grid).containsText(java.util.regex.Pattern.compile("Hồ sơ người \\d+, \\d+, \\d+ … \\(\\d+ hồ sơ\\)"));
        assertThat(grid).not().containsText("FACILITY:");
        assertThat(grid).not().containsText("=null");
    }
}
