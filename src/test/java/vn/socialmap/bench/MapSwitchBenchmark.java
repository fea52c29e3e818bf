package vn.socialmap.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * The map in Chromium, as a user sees it: signed in, the time from navigating to the map until
 * every unit is drawn (today: Hà Nội's 126 communes; 30/06/2022: its 30 districts), and from
 * changing the date until the other structure is drawn, both ways. Prints medians and p95.
 * Run with {@code bench/map-switch.sh}; arguments: base URL, account, runs.
 */
public final class MapSwitchBenchmark {

    private static final String TODAY = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))
            .format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));

    public static void main(String[] args) {
        String base = args[0];
        String account = args.length > 1 ? args[1] : "leader";
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")))) {
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(java.nio.file.Path.of(System.getProperty("chromium.path", "/usr/bin/chromium")))
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                            "--disable-component-update", "--disable-sync", "--no-first-run"))
                    .setHeadless(true));
            Page page = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 900).setLocale("vi-VN")).newPage();
            page.navigate(base + "/login");
            page.locator("vaadin-login-form vaadin-text-field[name=username] input").fill(account);
            page.locator("vaadin-login-form vaadin-password-field[name=password] input").fill("demo");
            page.locator("vaadin-login-form vaadin-button[slot=submit]").click();
            page.waitForURL(url -> !url.contains("/login"));
            double[] today = new double[runs];
            double[] past = new double[runs];
            double[] toPast = new double[runs];
            double[] toToday = new double[runs];
            for (int r = -2; r < runs; r++) {
                double t = open(page, base + "/", "communes", 126);
                double p = open(page, base + "/?unit=01&date=2022-06-30", "districts", 30);
                double back = switchTo(page, TODAY, "communes", 126);
                double forth = switchTo(page, "30/06/2022", "districts", 30);
                if (r >= 0) {
                    today[r] = t;
                    past[r] = p;
                    toToday[r] = back;
                    toPast[r] = forth;
                }
            }
            System.out.printf(Locale.ROOT, "%d runs after 2 warm-up runs, account %s, Chromium headless, 1400x900.%n%n", runs, account);
            System.out.println("| What | p50 (ms) | p95 (ms) | Target |");
            System.out.println("|---|---:|---:|---|");
            row("Open the map, today (126 communes drawn)", today, "< 1 s");
            row("Open the map on 30/06/2022 (30 districts drawn)", past, "< 1 s");
            row("Change the date to 30/06/2022 (districts of 2022 drawn)", toPast, "< 1 s");
            row("Change the date back to today (126 communes drawn)", toToday, "< 1 s");
            browser.close();
        }
    }

    /** Navigates and waits until the layer holds the number of shapes. */
    private static double open(Page page, String url, String layer, int shapes) {
        long t0 = System.nanoTime();
        page.navigate(url);
        waitForShapes(page, layer, shapes);
        return (System.nanoTime() - t0) / 1e6;
    }

    private static double switchTo(Page page, String date, String layer, int shapes) {
        long t0 = System.nanoTime();
        page.locator("vaadin-date-picker.sm-as-of input").fill(date);
        page.locator("vaadin-date-picker.sm-as-of input").press("Enter");
        waitForShapes(page, layer, shapes);
        return (System.nanoTime() - t0) / 1e6;
    }

    private static void waitForShapes(Page page, String layer, int shapes) {
        page.waitForFunction("([layer, n]) => document.querySelectorAll('path[data-layer=' + layer + ']').length === n",
                List.of(layer, shapes));
    }

    private static void row(String what, double[] times, String target) {
        double[] sorted = times.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "| %s | %.0f | %.0f | %s |%n", what, NationalBenchmark.percentile(sorted, 50),
                NationalBenchmark.percentile(sorted, 95), target);
    }

    private MapSwitchBenchmark() {
    }
}
