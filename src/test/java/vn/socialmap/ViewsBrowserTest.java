package vn.socialmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Every view opens for a user who may see it, shows no error, and every Vaadin component
 * on it is defined in the browser. The last guards the committed production bundle: a
 * view whose components were left out of it (the bundle was not rebuilt) fails here.
 */
class ViewsBrowserTest extends BrowserTest {

    /** Route to open → user who may open it. Route parameters are filled with a demo person. */
    private static final Map<String, String> ROUTES = Map.ofEntries(
            Map.entry("", "leader"),
            Map.entry("persons", "district-006"),
            Map.entry("area", "district-006"),
            Map.entry("providers", "planner"),
            Map.entry("models", "leader"),
            Map.entry("facilities", "district-005"),
            Map.entry("password", "planner"),
            Map.entry("admin/users", "admin"),
            Map.entry("admin/audit", "admin"),
            Map.entry("admin/access-grants", "admin"),
            Map.entry("plans", "leader"),
            Map.entry("analytics", "district-006"),
            Map.entry("planning", "planner"),
            Map.entry("admin/boundaries", "admin"),
            Map.entry("drug-free-communes", "police-01"));

    @Test
    void everyViewRendersWithAllItsComponents() {
        for (var route : ROUTES.entrySet()) {
            login(route.getValue());
            page.navigate(baseUrl() + "/" + route.getKey());
            page.waitForLoadState();
            page.waitForTimeout(500);
            assertThat(page.content()).as(route.getKey()).doesNotContain("There was an exception");
            @SuppressWarnings("unchecked")
            List<String> undefined = (List<String>) page.evaluate("""
                    () => [...new Set([...document.querySelectorAll('*')].map(e => e.localName)
                        .filter(n => n.startsWith('vaadin-') && n !== 'vaadin-grid-cell-content' && !customElements.get(n)))]""");
            assertThat(undefined).as("undefined components on /%s", route.getKey()).isEmpty();
            page.locator(".sm-logout").click();
            page.waitForURL(url -> url.contains("/login"));
        }
    }
}
