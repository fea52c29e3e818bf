package vn.socialmap.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.socialmap.IntegrationTest;

/** The findings of the security test of issue 18, each reproduced as it was found. */
class SecurityFindingsTest extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private int me(String user, String password) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/me")).header("Authorization", basic(user, password))
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private long audits(String action, String user) {
        return jdbc.queryForObject("select count(*) from audit_entry where action = ? and record_ids = ?", Long.class, action, user);
    }

    private List<Integer> parallel(int n, java.util.function.IntFunction<java.util.concurrent.Callable<Integer>> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(call.apply(i)));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : futures) {
                statuses.add(f.get());
            }
            return statuses;
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aBurstOfWrongPasswordsIsCountedWholeLocksOnceAndIsAllRecorded() throws Exception {
        String user = "commune-00025";
        try {
            long failed = audits("LOGIN_FAILED", user);
            long locked = audits("LOCKED_OUT", user);
            List<Integer> statuses = parallel(30, i -> () -> me(user, "wrong-" + i));
            assertThat(statuses).as("every wrong password is refused as such, none fails or redirects").containsOnly(401);
            assertThat(audits("LOGIN_FAILED", user)).isEqualTo(failed + 30);
            assertThat(audits("LOCKED_OUT", user)).isEqualTo(locked + 1);
            // locked: the right password too is refused, however many come at once, and each is recorded
            assertThat(parallel(10, i -> () -> me(user, "demo"))).containsOnly(401);
            assertThat(audits("LOGIN_FAILED", user)).isEqualTo(failed + 40);
            assertThat(audits("LOCKED_OUT", user)).isEqualTo(locked + 1);
        } finally {
            jdbc.update("update app_user set locked_until = null, failed_attempts = 0 where username = ?", user);
        }
        assertThat(me(user, "demo")).isEqualTo(200);
    }

    private HttpResponse<String> post(String user, String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Authorization", basic(user, "demo"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String person(String name, String nationalId, String commune) {
        return """
                {"fullName": "%s", "birthDate": "1987-08-09", "sex": "MALE", %s"permanentCommuneCode": "%s",
                 "currentCommuneCode": "%s"}""".formatted(name, nationalId == null ? "" : "\"nationalId\": \"" + nationalId + "\", ",
                commune, commune);
    }

    @Test
    void aKnownNationalIdOutsideTheCallersAreaNamesNoRecordAndTheLookupIsRecorded() throws Exception {
        String nationalId = vn.socialmap.cases.NationalId.make("01", java.time.LocalDate.of(1987, 8, 9), vn.socialmap.cases.Sex.MALE,
                100_000 + new java.util.Random().nextInt(800_000));
        HttpResponse<String> first = post("commune-00229", "/api/v1/persons", person("Đào Văn Khác Vùng", nationalId, "00229"));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        long id = tools.jackson.databind.json.JsonMapper.builder().build().readTree(first.body()).path("person").path("id").asLong();
        long lookups = jdbc.queryForObject("select count(*) from audit_entry where action = 'SEARCH' and record_ids = ?", Long.class,
                String.valueOf(id));

        HttpResponse<String> elsewhere = post("commune-00004", "/api/v1/persons", person("Đào Văn Khác Vùng", nationalId, "00004"));
        assertThat(elsewhere.statusCode()).isEqualTo(409);
        assertThat(elsewhere.body()).doesNotContain("existing").doesNotContain(String.valueOf(id))
                .contains("person.error.nationalId.elsewhere");
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'SEARCH' and record_ids = ?", Long.class,
                String.valueOf(id))).isEqualTo(lookups + 1);
        // the same name and birth date elsewhere: no record named to a caller who may not read it
        HttpResponse<String> sameName = post("commune-00004", "/api/v1/persons", person("Đào Văn Khác Vùng", null, "00004"));
        assertThat(sameName.statusCode()).isEqualTo(201);
        assertThat(sameName.body()).contains("\"possibleDuplicates\":[]");
        // within the caller's area the record is named, as before
        HttpResponse<String> own = post("commune-00229", "/api/v1/persons", person("Đào Văn Khác Vùng", nationalId, "00229"));
        assertThat(own.statusCode()).isEqualTo(409);
        assertThat(own.body()).contains("\"existing\":\"/api/v1/persons/" + id + "\"");
    }

    @Test
    void aFacilityOfficerRecordsNobodyOfAnotherProvinceAndNothingIsStored() throws Exception {
        long before = jdbc.queryForObject("select count(*) from person", Long.class);
        HttpResponse<String> refused = post("facility-1", "/api/v1/persons", person("Vi Văn Tỉnh Khác", null, "20242"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from person", Long.class)).isEqualTo(before);
    }

    private HttpResponse<String> get(String user, String path) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl() + path));
        if (user != null) {
            b.header("Authorization", basic(user, "demo"));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void badParametersAreAnswered400WithProblemDetailsNot500Or503() throws Exception {
        for (String path : List.of("/api/v1/persons?q=a%00b", "/api/v1/persons?status=%00",
                "/api/v1/persons?page=2147483647&size=2147483647", "/api/v1/persons?q=" + "a".repeat(2_048))) {
            HttpResponse<String> r = get("admin", path);
            assertThat(r.statusCode()).as(path.substring(0, Math.min(60, path.length()))).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
            assertThat(r.body()).contains("\"status\":400");
        }
        assertThat(get("admin", "/api/v1/persons?q=" + "a".repeat(200)).statusCode()).isEqualTo(200);
    }

    @Test
    void aRequestCarryingASessionNeedsTheCsrfTokenEvenWithAnAuthorizationHeader() throws Exception {
        String body = person("Lê Văn Phiên", null, "00229");
        HttpRequest.Builder withSession = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/persons"))
                .header("Authorization", basic("commune-00229", "demo")).header("Content-Type", "application/json")
                .header("Cookie", "JSESSIONID=0123456789ABCDEF").POST(HttpRequest.BodyPublishers.ofString(body));
        long before = jdbc.queryForObject("select count(*) from person", Long.class);
        assertThat(http.send(withSession.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from person", Long.class)).isEqualTo(before);
        // a script with Basic and no session needs none
        assertThat(post("commune-00229", "/api/v1/persons", body).statusCode()).isEqualTo(201);
    }

    @Test
    void everyAnswerCarriesTheBrowserProtectionsAndNoSessionIdInAUrl() throws Exception {
        for (HttpResponse<String> r : List.of(get(null, "/login"), get("admin", "/api/v1/persons?size=1"), get(null, "/persons"))) {
            var h = r.headers();
            String csp = h.firstValue("Content-Security-Policy").orElse("");
            assertThat(csp).as(r.uri().toString()).contains("default-src 'self'").contains("object-src 'none'")
                    .contains("frame-ancestors 'none'");
            assertThat(h.firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(h.firstValue("Referrer-Policy")).contains("same-origin");
            assertThat(h.firstValue("X-Frame-Options").orElse("")).isIn("DENY", "SAMEORIGIN");
            assertThat(h.firstValue("Location").orElse("")).doesNotContainIgnoringCase("jsessionid");
        }
        // the people's data is not kept by the browser or a proxy
        assertThat(get("admin", "/api/v1/persons?size=1").headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        assertThat(get(null, "/persons").headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    }

    @Autowired
    vn.socialmap.cases.PersonService persons;
    @Autowired
    BreakGlassService breakGlass;

    private long personIn(String communeUser, String commune, String name) {
        signIn(communeUser);
        return persons.create(new vn.socialmap.cases.PersonForm(name, java.time.LocalDate.of(1990, 1, 1), vn.socialmap.cases.Sex.MALE,
                null, commune, null, commune, null, null, null, null, null)).person().getId();
    }

    @Test
    void breakingTheGlassReadsOnlyInTheCallersProvinceForAReasonAFewTimesADayAndTheRecordsOfficersSeeIt() {
        // the day's limit counts from a clean slate for the two officers of this test
        jdbc.update("delete from access_grant where user_id in (select id from app_user where username in (?, ?))",
                "district-007", "commune-00256");
        long hanoi = personIn("commune-00229", "00229", "Trần Văn Mở Kính");
        long daNang = personIn("commune-20242", "20242", "Trần Văn Tỉnh Xa");
        signIn("district-007");
        String reason = "Người chuyển đến từ Đống Đa, tiếp nhận hồ sơ bàn giao";
        // a reason that says nothing is refused
        for (String empty : List.of("aaaaaaaaaaaaaaaaaaaaaaaa", "xem xem xem xem xem xem", "cần xem hồ sơ")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> persons.getWithReason(hanoi, empty))
                    .isInstanceOf(vn.socialmap.base.ValidationException.class);
        }
        // another province's record is as missing
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> persons.getWithReason(daNang, reason))
                .isInstanceOf(vn.socialmap.base.NotFoundException.class);
        // read, not write
        assertThat(persons.getWithReason(hanoi, reason).person().getFullName()).isEqualTo("Trần Văn Mở Kính");
        assertThat(persons.mayChange(hanoi)).isFalse();
        signIn("commune-00256");
        assertThat(persons.getWithReason(hanoi, reason).person().getId()).isEqualTo(hanoi);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> persons.addEvent(hanoi, new vn.socialmap.cases.EventForm(
                        vn.socialmap.cases.EventType.DRUG_USE_RECORD, java.time.LocalDate.of(2026, 1, 5), null, java.util.Map.of(), null)))
                .isInstanceOf(vn.socialmap.base.NotFoundException.class);
        // the record's own officer sees who opened it and why; an officer elsewhere learns nothing of it
        signIn("commune-00229");
        assertThat(persons.outsideAccess(hanoi)).extracting(BreakGlassService.GrantSeen::username)
                .contains("district-007", "commune-00256");
        assertThat(persons.outsideAccess(hanoi)).extracting(BreakGlassService.GrantSeen::reason).contains(reason);
        // a few a day
        signIn("commune-00256");
        long[] others = new long[5];
        for (int i = 0; i < others.length; i++) {
            others[i] = personIn("commune-00229", "00229", "Trần Văn Giới Hạn " + i);
        }
        signIn("commune-00256");
        for (int i = 0; i < 4; i++) {
            persons.getWithReason(others[i], reason);
        }
        long last = others[4];
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> persons.getWithReason(last, reason))
                .isInstanceOf(vn.socialmap.base.ValidationException.class).extracting("messageKey").isEqualTo("breakglass.error.limit");
        assertThat(breakGlass.hasActiveGrant("person", String.valueOf(last))).isFalse();
    }
}
