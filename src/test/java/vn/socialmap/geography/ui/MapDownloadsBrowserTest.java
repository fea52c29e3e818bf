package vn.socialmap.geography.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;

import com.microsoft.playwright.Download;
import org.junit.jupiter.api.Test;

import vn.socialmap.BrowserTest;

/** The map offers the province's units and status counts as files, downloaded with the user's session. */
class MapDownloadsBrowserTest extends BrowserTest {

    @Test
    void aLeaderDownloadsTheCommunesAsAGeoPackage() throws Exception {
        login("leader");
        page.navigate(baseUrl() + "/");
        assertThat(page.locator(".sm-downloads a")).hasCount(8);
        Download download = page.waitForDownload(() -> page.locator(".sm-downloads a", new com.microsoft.playwright.Page.LocatorOptions()
                .setHasText("GPKG")).first().click());
        assertThat(download.suggestedFilename()).startsWith("admin_units-01-").endsWith(".gpkg");
        byte[] file = Files.readAllBytes(download.path());
        assertThat(new String(file, 0, 15, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("SQLite format 3");
    }
}
