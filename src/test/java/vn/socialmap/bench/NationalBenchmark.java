package vn.socialmap.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Server response times of the hot requests on the synthetic national dataset, through the
 * running application on loopback (so the times include the JSON or tile encoding), signed
 * in with a session like the browser. Prints a Markdown table of p50 / p95 and payload sizes.
 * Run with {@code bench/national.sh}; arguments: base URL, JDBC URL of the national database, runs.
 */
public final class NationalBenchmark {

    record Case(String task, String input, String target, List<String> paths) {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String jdbcUrl = args[1];
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .build();
        signIn(http, base, "admin", "demo");

        String bigProvince;
        String nationalId;
        String someName;
        String provincesWithPlans;
        String hanoi2023;
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            bigProvince = single(db, "select province_code from person where province_code not in ('01', '48')"
                    + " group by 1 order by count(*) desc limit 1");
            nationalId = single(db, "select national_id from person where national_id is not null order by id desc limit 1");
            provincesWithPlans = single(db, "select count(distinct province_code) from plan where period_from <= date '2023-06-30'"
                    + " and period_to >= date '2023-06-30'");
            hanoi2023 = single(db, "select id from plan where province_code = '01' and period_from = date '2023-01-01'");
            someName = single(db, "select name_folded from person where province_code = '" + bigProvince + "' order by id limit 1");
        }
        // a user typing a name: the first two words and the start of the third
        String[] words = someName.split(" ");
        String typed = words[0] + " " + words[1] + " " + words[2].substring(0, Math.min(2, words[2].length()));

        List<Case> cases = new ArrayList<>();
        cases.add(new Case("Status counts per commune, on a date of 2023", "nation (the communes of 2022 loaded)", "< 200 ms",
                List.of("/api/v1/stats/status-counts?level=commune&date=2023-06-30")));
        cases.add(new Case("Status counts per commune, today", "nation (3,321 communes)", "< 200 ms",
                List.of("/api/v1/stats/status-counts?level=commune")));
        cases.add(new Case("Status counts per commune, on a date of 2023, on today's communes", "province " + bigProvince, "",
                List.of("/api/v1/stats/status-counts?province=" + bigProvince + "&level=commune&date=2023-06-30&unitsAsOf=2026-11-01")));
        cases.add(new Case("Status counts per commune, on a date of 2023", "Hanoi (579 communes)", "",
                List.of("/api/v1/stats/status-counts?province=01&level=commune&date=2023-06-30")));
        cases.add(new Case("Progress report, plans in force in mid-2023", "nation (" + provincesWithPlans + " provinces' plans)",
                "< 1 s", List.of("/api/v1/plans/national/progress?asOf=2023-06-30")));
        cases.add(new Case("Progress report of one plan, city level", "Hanoi, plan of 2023", "",
                List.of("/api/v1/plans/" + hanoi2023 + "/progress?asOf=2023-06-30")));
        cases.add(new Case("Person search, name typed (\"" + typed + "\")", "nation, 1,000,000 people", "< 50 ms",
                List.of("/api/v1/persons?q=" + URLEncoder.encode(typed, StandardCharsets.UTF_8) + "&size=20")));
        cases.add(new Case("Person search, one common word (\"" + words[0] + "\")", "nation, 1,000,000 people", "",
                List.of("/api/v1/persons?q=" + words[0] + "&size=20")));
        cases.add(new Case("Person search, national ID", "nation, 1,000,000 people", "< 50 ms",
                List.of("/api/v1/persons?q=" + nationalId + "&size=20")));
        cases.add(new Case("Admin-unit layer, communes, simplified for zoom 10", "Hanoi (126 communes)", "< 100 ms",
                List.of("/api/v1/admin-units?province=01&level=commune&simplify=0.0005")));
        cases.add(new Case("Admin-unit layer, communes of 2022, simplified for zoom 10", "Hanoi (579 communes)", "< 100 ms",
                List.of("/api/v1/admin-units?province=01&level=commune&date=2023-06-30&simplify=0.0005")));
        cases.add(new Case("Admin-unit layer, communes, simplified for zoom 9", "province " + bigProvince, "< 100 ms",
                List.of("/api/v1/admin-units?province=" + bigProvince + "&level=commune&simplify=0.001")));
        cases.add(new Case("Admin-unit layer, provinces, simplified for zoom 5", "nation (34 provinces)", "",
                List.of("/api/v1/admin-units?level=province&simplify=0.02")));
        cases.add(new Case("Vector tiles, communes, zoom 6 (per tile)", "nation (all tiles over Vietnam)", "",
                tiles(6)));
        cases.add(new Case("Vector tiles, communes, zoom 10 (per tile)", "Hanoi (tiles over Hanoi)", "",
                tiles(10, 105.28, 20.56, 106.02, 21.39)));

        System.out.printf(Locale.ROOT, "%d runs per request after 3 warm-up runs; times measured by the client on loopback.%n%n", runs);
        System.out.println("| Request | Input | p50 (ms) | p95 (ms) | Payload | Target |");
        System.out.println("|---|---|---:|---:|---:|---|");
        for (Case c : cases) {
            List<Double> times = new ArrayList<>();
            long bytes = 0;
            for (String path : c.paths()) {
                for (int i = 0; i < 3; i++) {
                    get(http, base + path);
                }
            }
            for (int r = 0; r < runs; r++) {
                for (String path : c.paths()) {
                    long t0 = System.nanoTime();
                    bytes = Math.max(bytes, get(http, base + path));
                    times.add((System.nanoTime() - t0) / 1e6);
                }
            }
            double[] sorted = times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "| %s | %s | %.1f | %.1f | %s | %s |%n", c.task(), c.input(), percentile(sorted, 50),
                    percentile(sorted, 95), size(bytes) + (c.paths().size() > 1 ? " (largest of " + c.paths().size() + ")" : ""),
                    c.target());
        }
    }

    private static String single(Connection db, String sql) throws Exception {
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static void signIn(HttpClient http, String base, String user, String password) throws Exception {
        String page = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"").matcher(page);
        if (!token.find()) {
            throw new IllegalStateException("No CSRF token on the login page");
        }
        String form = "username=" + user + "&password=" + password + "&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 302 || r.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("Sign-in failed: " + r.statusCode() + " " + r.headers().map());
        }
    }

    static long get(HttpClient http, String url) throws Exception {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + new String(r.body(), StandardCharsets.UTF_8));
        }
        return r.body().length;
    }

    /** Tile paths of the communes layer at a zoom over a longitude/latitude box (default: Vietnam). */
    static List<String> tiles(int z, double... box) {
        double[] b = box.length == 4 ? box : new double[] {102.1, 8.4, 109.7, 23.4};
        int x0 = tileX(b[0], z);
        int x1 = tileX(b[2], z);
        int y0 = tileY(b[3], z);
        int y1 = tileY(b[1], z);
        List<String> paths = new ArrayList<>();
        for (int x = x0; x <= x1; x++) {
            for (int y = y0; y <= y1; y++) {
                paths.add("/api/v1/tiles/communes/" + z + "/" + x + "/" + y + ".mvt");
            }
        }
        return paths;
    }

    private static int tileX(double lon, int z) {
        return (int) Math.floor((lon + 180) / 360 * (1 << z));
    }

    private static int tileY(double lat, int z) {
        double r = Math.toRadians(lat);
        return (int) Math.floor((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * (1 << z));
    }

    static double percentile(double[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static String size(long bytes) {
        return bytes >= 1 << 20 ? String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0)
                : String.format(Locale.ROOT, "%.0f KB", Math.max(1, bytes / 1024.0));
    }

    private NationalBenchmark() {
    }
}
