package vn.socialmap.bench;

import java.net.CookieManager;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Status counts on the administrative structure of their date and carried onto another, for
 * Hà Nội and the whole country, through the running application (caches off), and the map
 * layers each structure draws. Prints a Markdown table of medians and p95. Run with
 * {@code bench/structures.sh}; arguments: base URL, runs.
 */
public final class StructuresBenchmark {

    record Case(String task, String input, String target, String path) {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .build();
        NationalBenchmark.signIn(http, base, "admin", "demo");
        String counts = "/api/v1/stats/status-counts?";
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("Status counts, today on today's communes", "Hà Nội (126)", "< 100 ms",
                counts + "province=01&level=commune"));
        cases.add(new Case("Status counts, 30/06/2022 on the communes of 2022", "Hà Nội (579)", "< 100 ms",
                counts + "province=01&level=commune&date=2022-06-30"));
        cases.add(new Case("Status counts, 30/06/2022 on the districts of 2022", "Hà Nội (30)", "< 100 ms",
                counts + "province=01&level=district&date=2022-06-30"));
        cases.add(new Case("Status counts, 01/03/2025 on the communes of 2025-01", "Hà Nội (526)", "< 100 ms",
                counts + "province=01&level=commune&date=2025-03-01"));
        cases.add(new Case("Status counts, 30/06/2022 carried onto today's communes", "Hà Nội (126)", "< 100 ms",
                counts + "province=01&level=commune&date=2022-06-30&unitsAsOf=2026-11-01"));
        cases.add(new Case("Status counts, today carried onto the communes of 2022", "Hà Nội (579)", "< 100 ms",
                counts + "province=01&level=commune&unitsAsOf=2022-06-30"));
        cases.add(new Case("Status counts, today carried onto the districts of 2022", "Hà Nội (30)", "< 100 ms",
                counts + "province=01&level=district&unitsAsOf=2022-06-30"));
        cases.add(new Case("Status counts, today on today's communes", "nation (3,321)", "< 200 ms",
                counts + "level=commune"));
        cases.add(new Case("Status counts, 30/06/2023 on the communes of 2022", "nation", "< 200 ms",
                counts + "level=commune&date=2023-06-30"));
        cases.add(new Case("Status counts, 30/06/2023 carried onto today's communes", "nation (3,321)", "< 200 ms",
                counts + "level=commune&date=2023-06-30&unitsAsOf=2026-11-01"));
        cases.add(new Case("Admin-unit layer, today's communes, simplified for the map", "Hà Nội (126)", "",
                "/api/v1/admin-units?province=01&simplify=0.0002"));
        cases.add(new Case("Admin-unit layer, districts of 2022, simplified for the map", "Hà Nội (30)", "",
                "/api/v1/admin-units?province=01&date=2022-06-30&simplify=0.0002"));

        System.out.printf(Locale.ROOT, "%d runs per request after 3 warm-up runs; times measured by the client on loopback.%n%n", runs);
        System.out.println("| Request | Input | p50 (ms) | p95 (ms) | Target |");
        System.out.println("|---|---|---:|---:|---|");
        for (Case c : cases) {
            for (int i = 0; i < 3; i++) {
                NationalBenchmark.get(http, base + c.path());
            }
            double[] times = new double[runs];
            for (int r = 0; r < runs; r++) {
                long t0 = System.nanoTime();
                NationalBenchmark.get(http, base + c.path());
                times[r] = (System.nanoTime() - t0) / 1e6;
            }
            java.util.Arrays.sort(times);
            System.out.printf(Locale.ROOT, "| %s | %s | %.1f | %.1f | %s |%n", c.task(), c.input(),
                    NationalBenchmark.percentile(times, 50), NationalBenchmark.percentile(times, 95), c.target());
        }
    }

    private StructuresBenchmark() {
    }
}
