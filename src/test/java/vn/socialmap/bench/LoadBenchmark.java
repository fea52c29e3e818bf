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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many signed-in users at once on loopback: each signs in with the login form (a session,
 * like a browser), then for the run's duration opens pages of the application (in one Vaadin
 * UI per user, as a browser tab: created once, then navigated, see {@link VaadinTab}) and the data those pages show (map layers, status counts, plan progress,
 * person lists and person records), with a think time between steps. Reports per request
 * kind p50 / p95, the throughput and every error. Users are Hanoi's demo accounts (leader,
 * planner, district and commune officers), on the national dataset. Run with bench/load.sh;
 * arguments: base URL, JDBC URL, users, seconds measured, seconds of warm-up before them (default 60;
 * errors count during the warm-up too), reading time in ms (default 500-1500: after every request, a stress
 * pace; with a minimum of 2 s or more, after each action instead: a page with its data, a search, a record).
 */
public final class LoadBenchmark {

    /** A request; {@code endsAction} when the user reads what it showed before doing anything else. */
    record Step(String kind, String path, boolean endsAction) {
        Step(String kind, String path) {
            this(kind, path, false);
        }

        Step read() {
            return new Step(kind, path, true);
        }
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String jdbcUrl = args[1];
        int users = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int warmUp = args.length > 4 ? Integer.parseInt(args[4]) : 60;
        // how long a user reads, in ms: "500-1500" after every single request is a stress pace (the default,
        // as in the earlier runs); "4000-12000" after each action (a page and its data, a search, a record)
        // is a person reading a screen
        String[] think = (args.length > 5 ? args[5] : "500-1500").split("-");
        int thinkMin = Integer.parseInt(think[0]);
        int thinkSpread = Integer.parseInt(think[1]) - thinkMin;
        boolean thinkAfterEveryRequest = thinkMin < 2000;

        List<String> accounts = new ArrayList<>();
        long planId;
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            try (ResultSet rs = db.createStatement().executeQuery("""
                    select username from app_user where username in ('leader', 'planner') or username like 'district-0%'
                       or username like 'commune-0%' order by username""")) {
                while (rs.next()) {
                    accounts.add(rs.getString(1));
                }
            }
            try (ResultSet rs = db.createStatement().executeQuery("select min(id) from plan where province_code = '01'")) {
                rs.next();
                planId = rs.getLong(1);
            }
        }
        // leaders and planners see aggregates; officers see their people too
        List<String> chosen = new ArrayList<>();
        chosen.add("leader");
        chosen.add("planner");
        accounts.stream().filter(a -> a.startsWith("district-")).limit(60).forEach(chosen::add);
        accounts.stream().filter(a -> a.startsWith("commune-")).limit(users).forEach(chosen::add);
        Map<String, List<Double>> times = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        AtomicLong requests = new AtomicLong();
        CountDownLatch signedIn = new CountDownLatch(users);
        CountDownLatch start = new CountDownLatch(1);
        // [0] start of the measured window (after the warm-up), [1] its end
        long[] window = new long[2];

        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int u = 0; u < users; u++) {
                String account = chosen.get(u % chosen.size());
                long seed = u;
                threads.submit(() -> {
                    HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
                    try {
                        NationalBenchmark.signIn(http, base, account, "demo");
                    } catch (Exception e) {
                        errors.add("sign-in " + account + ": " + e.getMessage());
                        signedIn.countDown();
                        return null;
                    }
                    signedIn.countDown();
                    start.await();
                    SplittableRandom random = new SplittableRandom(seed);
                    long end = window[1];
                    long measureFrom = window[0];
                    String lastList = "";
                    VaadinTab tab = new VaadinTab(http, base);
                    // users do not all click at the same instant
                    Thread.sleep(random.nextInt(thinkMin + thinkSpread + 1));
                    while (System.nanoTime() < end) {
                        for (Step step : visit(account, random, planId)) {
                            String path = step.path();
                            if (path.equals(PERSON_FROM_LIST)) {
                                // a person of the list the user has just seen (their own area)
                                java.util.regex.Matcher id = java.util.regex.Pattern.compile("\"id\":(\\d+)").matcher(lastList);
                                if (!id.find()) {
                                    continue;
                                }
                                path = "/api/v1/persons/" + id.group(1);
                            }
                            long t0 = System.nanoTime();
                            if (step.kind().startsWith("page")) {
                                // the page in the user's Vaadin tab: opened once, then navigated within
                                String route = path.substring(1);
                                try {
                                    if (tab.isOpen()) {
                                        tab.navigate(route);
                                    } else {
                                        tab.open(route);
                                    }
                                } catch (Exception e) {
                                    errors.add(step.kind() + " -> " + e.getMessage());
                                }
                                if (t0 >= measureFrom) {
                                    times.computeIfAbsent(step.kind(), k -> new java.util.concurrent.CopyOnWriteArrayList<>())
                                            .add((System.nanoTime() - t0) / 1e6);
                                    requests.incrementAndGet();
                                }
                                if (step.endsAction() || thinkAfterEveryRequest) {
                                    Thread.sleep(thinkMin + random.nextInt(thinkSpread + 1));
                                }
                                continue;
                            }
                            try {
                                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
                                        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
                                if (r.statusCode() != 200) {
                                    errors.add(step.kind() + " " + path + " -> " + r.statusCode());
                                } else if (step.kind().equals("persons: list")) {
                                    lastList = r.body();
                                }
                            } catch (Exception e) {
                                errors.add(step.kind() + " " + path + " -> " + e);
                            }
                            if (t0 >= measureFrom) {
                                times.computeIfAbsent(step.kind(), k -> new java.util.concurrent.CopyOnWriteArrayList<>())
                                        .add((System.nanoTime() - t0) / 1e6);
                                requests.incrementAndGet();
                            }
                            if (step.endsAction() || thinkAfterEveryRequest) {
                                Thread.sleep(thinkMin + random.nextInt(thinkSpread + 1)); // a user reads before the next click
                            }
                        }
                    }
                    return null;
                });
            }
            signedIn.await();
            // the JVM loads classes and compiles while the first screens are built: not measured
            window[0] = System.nanoTime() + warmUp * 1_000_000_000L;
            window[1] = window[0] + seconds * 1_000_000_000L;
            start.countDown();
            System.out.printf(Locale.ROOT, "%d users signed in; warming up %d s, then measuring %d s%n", users, warmUp, seconds);
        }
        double elapsed = (System.nanoTime() - window[0]) / 1e9;
        List<Double> all = new ArrayList<>();
        times.values().forEach(all::addAll);
        System.out.printf(Locale.ROOT, "%n%d users, %.0f s, %d requests, %.1f requests/s, %d errors%n%n", users, elapsed,
                requests.get(), requests.get() / elapsed, errors.size());
        System.out.println("| Request | Count | p50 (ms) | p95 (ms) | max (ms) |");
        System.out.println("|---|---:|---:|---:|---:|");
        Map<String, List<Double>> sorted = new TreeMap<>(times);
        sorted.put("all requests", all);
        sorted.forEach((kind, list) -> {
            double[] t = list.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f |%n", kind, t.length, NationalBenchmark.percentile(t, 50),
                    NationalBenchmark.percentile(t, 95), t.length == 0 ? 0 : t[t.length - 1]);
        });
        errors.stream().limit(20).forEach(e -> System.out.println("ERROR " + e));
    }

    /** One visit: a page and the data it shows, as the user's role allows. */
    static final String PERSON_FROM_LIST = "person from the list";

    static List<Step> visit(String account, SplittableRandom random, long planId) {
        boolean officer = account.startsWith("district-") || account.startsWith("commune-");
        int choice = random.nextInt(officer ? 4 : 3);
        return switch (choice) {
            case 0 -> List.of(new Step("page /", "/"),
                    new Step("map: communes layer", "/api/v1/admin-units?province=01&level=commune&simplify=0.001"),
                    new Step("map: status counts", "/api/v1/stats/status-counts?province=01&level=commune").read());
            case 1 -> List.of(new Step("page /plans", "/plans"),
                    new Step("dashboard: plan progress", "/api/v1/plans/" + planId + "/progress").read());
            case 2 -> List.of(new Step("page /", "/"),
                    new Step("map: commune status counts", "/api/v1/stats/status-counts?province=01&level=commune").read());
            default -> List.of(new Step("page /persons", "/persons"),
                    new Step("persons: list", "/api/v1/persons?size=20").read(),
                    new Step("persons: search", "/api/v1/persons?size=20&q="
                            + URLEncoder.encode(List.of("nguyen van", "tran thi", "le", "pham van h").get(random.nextInt(4)),
                            StandardCharsets.UTF_8)).read(),
                    new Step("person record", PERSON_FROM_LIST).read());
        };
    }

    private LoadBenchmark() {
    }
}
