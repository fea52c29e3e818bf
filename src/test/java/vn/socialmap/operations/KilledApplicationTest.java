package vn.socialmap.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The application as a process of its own (the test's classpath, a database of its own),
 * killed with SIGKILL while clients record people through the API, then started again:
 * every record whose creation was acknowledged (201) is there, nothing is there that was not
 * asked for, at most the requests in flight at the kill are there unacknowledged, each
 * person is whole (with their audit entry), and the rollups the triggers keep agree with the
 * events; and killed in the middle of a person import (its rows being copied in), after
 * which none of the file is there. PostgreSQL's transactions do the work; this test shows
 * that the application adds no state of its own that a kill could lose or half-write.
 */
class KilledApplicationTest {

    private static final String DATABASE = "socialmap_kill_test";
    private static final int WRITERS = 4;

    private final String adminUrl = System.getProperty("spring.datasource.url", "jdbc:postgresql://localhost:55432/socialmap_test")
            .replaceAll("/[^/?]+(\\?.*)?$", "/postgres");
    private Process app;

    private JdbcClient connect(String database) {
        return JdbcClient.create(new DriverManagerDataSource(adminUrl.replace("/postgres", "/" + database), "postgres", ""));
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.destroyForcibly();
        }
        connect("postgres").sql("drop database if exists " + DATABASE + " with (force)").update();
    }

    @Test
    void aKillLosesNothingAcknowledgedAndLeavesNothingHalfWritten() throws Exception {
        JdbcClient admin = connect("postgres");
        admin.sql("drop database if exists " + DATABASE + " with (force)").update();
        admin.sql("create database " + DATABASE).update();
        int port = freePort();
        String base = "http://localhost:" + port;
        app = start(port, "first");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Set<String> sent = ConcurrentHashMap.newKeySet();
        Set<String> refusals = ConcurrentHashMap.newKeySet();
        AtomicBoolean killed = new AtomicBoolean();
        AtomicInteger serial = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(WRITERS);
        for (int w = 0; w < WRITERS; w++) {
            Thread.ofVirtual().start(() -> {
                try {
                    while (!killed.get()) {
                        String name = "Kiểm Thử Ngắt " + serial.incrementAndGet();
                        sent.add(name);
                        try {
                            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/persons"))
                                    .header("Authorization", basic()).header("Content-Type", "application/json")
                                    .timeout(Duration.ofSeconds(10))
                                    .POST(HttpRequest.BodyPublishers.ofString("""
                                            {"fullName": "%s", "birthDate": "1991-02-03", "sex": "MALE", "currentCommuneCode": "00229",
                                             "permanentCommuneCode": "00229"}"""
                                            .formatted(name))).build(), HttpResponse.BodyHandlers.ofString());
                            if (r.statusCode() == 201) {
                                acknowledged.add(name);
                            } else {
                                refusals.add(r.statusCode() + " " + r.body());
                            }
                        } catch (java.io.IOException e) {
                            // the connection died with the process: not acknowledged
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            });
        }
        Thread.sleep(4000);
        killed.set(true);
        app.destroyForcibly(); // SIGKILL: no shutdown hooks, no graceful close
        app.waitFor(30, TimeUnit.SECONDS);
        done.await(30, TimeUnit.SECONDS);
        assertThat(acknowledged).as("people recorded before the kill; refused: " + refusals).hasSizeGreaterThan(10);

        app = start(port, "second"); // comes back on the same database after the crash
        JdbcClient db = connect(DATABASE);
        List<String> stored = db.sql("select full_name from person where full_name like 'Kiểm Thử Ngắt %'")
                .query(String.class).list();
        assertThat(stored).containsAll(acknowledged);
        assertThat(sent).containsAll(stored);
        List<String> unacknowledged = new ArrayList<>(stored);
        unacknowledged.removeAll(acknowledged);
        System.out.printf("Killed under %d writers: %d people acknowledged, %d stored, %d of them unacknowledged%n", WRITERS,
                acknowledged.size(), stored.size(), unacknowledged.size());
        assertThat(unacknowledged).as("committed as the process died, before the answer left").hasSizeLessThanOrEqualTo(WRITERS);
        // each person whole: their creation is in the audit log, whose chain holds
        assertThat(db.sql("""
                select count(*) from person p where p.full_name like 'Kiểm Thử Ngắt %' and not exists (
                  select 1 from audit_entry a where a.action = 'CREATE' and p.id::text = any(string_to_array(a.record_ids, ',')))""")
                .query(Long.class).single()).isZero();
        HttpResponse<String> verified = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/persons?size=1&q="
                        + java.net.URLEncoder.encode("Kiểm Thử Ngắt", StandardCharsets.UTF_8)))
                .header("Authorization", basic()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(verified.statusCode()).isEqualTo(200);
        assertThat(db.sql("""
                select count(*) from (
                  select province_code, type, event_date, kind, at_facility, n from event_count_day where n <> 0
                  except
                  select e.province_code, e.type, e.event_date, coalesce(e.details ->> 'kind', ''), e.facility_code is not null, count(*)
                  from case_event e where e.type <> 'VOID' and not exists (select 1 from case_event c
                    where c.province_code = e.province_code and c.supersedes_id = e.id) group by 1, 2, 3, 4, 5) x""")
                .query(Long.class).single()).isZero();
    }

    @Test
    void aKillDuringAnImportLeavesNoneOfTheFile() throws Exception {
        JdbcClient admin = connect("postgres");
        admin.sql("drop database if exists " + DATABASE + " with (force)").update();
        admin.sql("create database " + DATABASE).update();
        int port = freePort();
        app = start(port, "import");
        // 40,000 new people with an event each, in the commune of the officer who imports them
        Path file = Files.createTempFile("nhap-lon", ".csv");
        StringBuilder csv = new StringBuilder(String.join(",", vn.socialmap.cases.PersonImport.COLUMNS)).append('\n');
        for (int i = 0; i < 40_000; i++) {
            csv.append(String.format(java.util.Locale.ROOT, "095088%06d,Người Nhập Ngắt %d,15/03/1988,Nam,00229,,00229,,,"
                    + "DRUG_USE_RECORD,10/01/2024,,%n", i, i));
        }
        Files.writeString(file, csv, StandardCharsets.UTF_8);

        JdbcClient db = connect(DATABASE);
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(java.util.Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                     .setExecutablePath(Path.of(System.getProperty("chromium.path", "/usr/bin/chromium")))
                     .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking")).setHeadless(true))) {
            Page page = browser.newPage();
            page.setDefaultTimeout(60_000);
            page.navigate("http://localhost:" + port + "/login");
            page.locator("vaadin-login-form vaadin-text-field[name=username] input").fill("commune-00229");
            page.locator("vaadin-login-form vaadin-password-field[name=password] input").fill("demo");
            page.locator("vaadin-login-form vaadin-button[slot=submit]").click();
            page.waitForURL(url -> !url.contains("/login"));
            page.navigate("http://localhost:" + port + "/persons");
            page.locator(".sm-person-import-upload input[type=file]").setInputFiles(file);

            // kill while the import's transaction is writing its rows
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            boolean writing = false;
            while (!writing && System.nanoTime() < deadline) {
                writing = db.sql("select count(*) > 0 from pg_stat_activity where datname = :db and query ilike 'copy %'")
                        .param("db", DATABASE).query(Boolean.class).single();
            }
            assertThat(writing).as("the import reached its COPY").isTrue();
            app.destroyForcibly();
            app.waitFor(30, TimeUnit.SECONDS);
        }
        app = start(port, "import-after");
        assertThat(db.sql("select count(*) from person where national_id like '095088%'").query(Long.class).single()).isZero();
        assertThat(db.sql("select count(*) from audit_entry where action = 'CREATE' and details like 'import of %'").query(Long.class).single()).isZero();
    }

    private Process start(int port, String run) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        File log = new File("target/killed-application-" + run + ".log");
        Process p = new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"), "vn.socialmap.Application",
                "--server.port=" + port, "--spring.datasource.url=" + adminUrl.replace("/postgres", "/" + DATABASE),
                "--spring.datasource.username=postgres", "--socialmap.demo.enabled=true")
                .redirectErrorStream(true).redirectOutput(log).start();
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException("The application stopped; see " + log);
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.ofString()).body().contains("UP")) {
                    return p;
                }
            } catch (java.io.IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        p.destroyForcibly();
        throw new IllegalStateException("The application did not become ready; see " + log);
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString("commune-00229:demo".getBytes(StandardCharsets.UTF_8));
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
