package vn.socialmap.bench;

import java.net.CookieManager;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The server time of building each screen for one user alone (no concurrency): signs in,
 * opens one Vaadin UI and navigates between the screens the load run uses, timing each
 * navigation round trip on loopback. This is the cost a load run multiplies: with N users
 * clicking every T seconds, the cores must build N / T screens a second. Run with
 * bench/screens.sh; arguments: base URL, account, runs per screen.
 */
public final class ScreenBenchmark {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String account = args[1];
        int runs = Integer.parseInt(args[2]);
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        NationalBenchmark.signIn(http, base, account, "demo");
        VaadinTab tab = new VaadinTab(http, base);
        tab.open("");
        List<String> screens = List.of("", "plans", "persons");
        List<List<Double>> times = new ArrayList<>();
        screens.forEach(s -> times.add(new ArrayList<>()));
        int warmUp = 10;
        for (int run = 0; run < warmUp + runs; run++) {
            for (int i = 0; i < screens.size(); i++) {
                long t0 = System.nanoTime();
                tab.navigate(screens.get(i));
                if (run >= warmUp) {
                    times.get(i).add((System.nanoTime() - t0) / 1e6);
                }
            }
        }
        System.out.printf(Locale.ROOT, "%n%s, %d runs after %d warm-up runs%n%n", account, runs, warmUp);
        System.out.println("| Screen | p50 (ms) | p95 (ms) | bytes sent |");
        System.out.println("|---|---:|---:|---:|");
        for (int i = 0; i < screens.size(); i++) {
            double[] t = times.get(i).stream().mapToDouble(Double::doubleValue).sorted().toArray();
            tab.navigate(screens.get(i));
            System.out.printf(Locale.ROOT, "| /%s | %.1f | %.1f | %,d |%n", screens.get(i), NationalBenchmark.percentile(t, 50),
                    NationalBenchmark.percentile(t, 95), tab.lastResponse().length());
            // what each screen sends, to see where its bytes go
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "screen-" + (screens.get(i).isEmpty() ? "map" : screens.get(i))
                    + ".json"), tab.lastResponse());
        }
    }

    private ScreenBenchmark() {
    }
}
