package vn.socialmap;

import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * End-to-end tests in Debian's Chromium driven by Playwright; no browser is downloaded
 * (test.sh installs the chromium package). Override the binary with -Dchromium.path.
 */
public abstract class BrowserTest extends IntegrationTest {

    private static Playwright playwright;
    private static Browser browser;
    private BrowserContext context;
    protected Page page;

    @BeforeAll
    static void launchBrowser() {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(java.nio.file.Path.of(System.getProperty("chromium.path", "/usr/bin/chromium")))
                .setArgs(java.util.List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run"))
                .setHeadless(true));
    }

    @AfterAll
    static void closeBrowser() {
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void openPage() {
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800).setLocale("vi-VN"));
        page = context.newPage();
        page.setDefaultTimeout(30_000);
        // a condition may take longer than Playwright's 5 s on a loaded 2-core machine (a whole city's
        // shapes after sign-in): waiting longer for the same condition is not a fixed sleep
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
    }

    /** Signs in through the login form and waits for the application shell. */
    protected void login(String username, String password) {
        page.navigate(baseUrl() + "/login");
        page.waitForURL(url -> url.contains("/login"));
        page.locator("vaadin-login-form vaadin-text-field[name=username] input").fill(username);
        page.locator("vaadin-login-form vaadin-password-field[name=password] input").fill(password);
        page.locator("vaadin-login-form vaadin-button[slot=submit]").click();
        page.waitForURL(url -> !url.contains("/login"));
    }

    /** Signs out with the shell's button and waits for the login page. */
    protected void logout() {
        page.locator(".sm-logout").click();
        page.waitForURL(url -> url.contains("/login"));
    }

    /**
     * Waits until Vaadin has answered every request of the page (the condition TestBench waits
     * on): what the server drew, a view or its error, is in the page.
     */
    protected void waitForVaadin() {
        page.waitForFunction("""
                () => !!(window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients)
                    && Object.keys(window.Vaadin.Flow.clients).length > 0
                    && Object.values(window.Vaadin.Flow.clients).every(c => typeof c.isActive !== 'function' || !c.isActive())""");
    }

    protected void login(String username) {
        login(username, "demo");
    }

    @AfterEach
    void closePage() {
        context.close();
    }
}
