package vn.socialmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Every view opens for a user who may see it, shows none of the app's error pages or
 * messages, and every Vaadin component on it is defined in the browser. The last guards the committed production bundle: a
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
            waitForVaadin();
            // what the application shows instead of a screen that failed: its error page (ServerErrorView), the
            // refusal page (NoAccessView), the notification of a failure after opening (ErrorReporting) or
            // Vaadin's own "Internal error" box; none may be on the page
            assertThat(page.locator(".sm-server-error, .sm-no-access, .sm-error-notification, .v-system-error").count())
                    .as("error shown on /%s: %s", route.getKey(), page.locator("body").innerText()).isZero();
            assertThat(page.locator(".sm-logout").count()).as("the application shell on /%s", route.getKey()).isOne();
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
