package vn.socialmap.base.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.Test;

import vn.socialmap.BrowserTest;

/** A commune officer's journeys at phone width (390 x 844). */
class PhoneBrowserTest extends BrowserTest {

    @Test
    void theMenuOpensOverTheMapAndTheListShowsStatus() {
        page.setViewportSize(390, 844);
        login("commune-00004");
        page.navigate(baseUrl() + "/");
        assertThat(page.locator("sm-leaflet-map")).hasAttribute("data-layer-communes", java.util.regex.Pattern.compile("\\d+"));

        // the header is one line
        assertThat(page.locator("vaadin-app-layout [slot=navbar]").first().boundingBox().height).isLessThan(64);

        // the drawer is drawn over the map: what is under the last menu item is the item, not the map
        page.locator("vaadin-drawer-toggle").click();
        Locator last = page.locator("vaadin-side-nav-item").last();
        assertThat(last).isVisible();
        var box = last.boundingBox();
        Object onTop = page.evaluate("([x, y]) => { const e = document.elementFromPoint(x, y);"
                + " return e.closest('sm-leaflet-map') ? 'map' : e.closest('vaadin-side-nav-item, vaadin-side-nav') ? 'menu' : e.tagName; }",
                java.util.List.of(box.x + box.width / 2, box.y + box.height / 2));
        assertThat(onTop).isEqualTo("menu");

        // the person list shows each person's status beside the name, within the screen
        page.navigate(baseUrl() + "/persons");
        Locator status = page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("Tình trạng")).first();
        assertThat(status).isVisible();
        assertThat(status.boundingBox().x + status.boundingBox().width).isLessThanOrEqualTo(390);
    }
}
