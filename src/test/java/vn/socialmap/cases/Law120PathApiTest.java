package vn.socialmap.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import vn.socialmap.IntegrationTest;

/**
 * A commune officer of today's commune records a 2026 path under Law 120/2025 through the API: the new
 * events are accepted, refusals name the law in force on the event's date, and a move of residence puts the
 * person, and the duty to report within 24 hours, with the commune moved to.
 */
class Law120PathApiTest extends IntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;



    private long create(String name) throws Exception {
        Map<String, Object> form = new HashMap<>();
        form.put("fullName", name);
        form.put("birthDate", "1990-02-03");
        form.put("sex", "MALE");
        form.put("permanentCommuneCode", "00229");
        form.put("currentCommuneCode", "00229");
        form.put("currentAddress", "Số 5 ngõ 7");
        return ok(call("commune-00229", "POST", "/api/v1/persons", form), 201).path("person").path("id").asLong();
    }

    private HttpResponse<String> event(String user, long id, String type, String date, Object... details) throws Exception {
        Map<String, Object> form = new HashMap<>();
        form.put("type", type);
        form.put("date", date);
        Map<String, Object> d = new HashMap<>();
        for (int i = 0; i < details.length; i += 2) {
            if ("facilityCode".equals(details[i])) {
                form.put("facilityCode", details[i + 1]);
            } else {
                d.put((String) details[i], details[i + 1]);
            }
        }
        form.put("details", d);
        return call(user, "POST", "/api/v1/persons/" + id + "/events", form);
    }

    private List<Long> dutyPersons(String user) throws Exception {
        JsonNode duties = ok(call(user, "GET", "/api/v1/persons/duties", null), 200);
        List<Long> ids = new java.util.ArrayList<>();
        duties.forEach(d -> ids.add(d.path("person").path("id").asLong()));
        return ids;
    }

    @Test
    void aCommuneOfficerRecordsA2026PathUnderTheNewLaw() throws Exception {
        long id = create("Ngô Văn Luật Mới");
        ok(event("commune-00229", id, "DRUG_USE_RECORD", "2026-07-10"), 201);
        ok(event("commune-00229", id, "MANAGEMENT_DECISION", "2026-07-10", "decisionNumber", "15/QĐ-CAX"), 201);
        ok(event("commune-00229", id, "SUMMONS", "2026-07-20", "appearOn", "2026-07-22"), 201);
        // refused, citing Law 120/2025 Article 12: monitoring is not for someone only under a management decision
        JsonNode refused = ok(event("commune-00229", id, "ELECTRONIC_MONITORING_START", "2026-07-25", "orderNumber", "3"), 400);
        assertThat(refused.path("rule").asString()).isEqualTo("event.rule.monitoring.requires.measure");
        assertThat(refused.path("legalBasis").asString()).contains("Article 12", "120/2025/QH15");
        assertThat(refused.path("detail").asString()).contains("Legal basis:", "120/2025/QH15");

        // the move: the commune left records it, the person is then the new commune's, with 24 hours to report there
        assertThat(ok(event("commune-00229", id, "RESIDENCE_MOVE", "2026-08-01", "toCommune", "99999"), 400)
                .path("rule").asString()).isEqualTo("event.rule.move.commune.unknown");
        JsonNode moved = ok(event("commune-00229", id, "RESIDENCE_MOVE", "2026-08-01", "toCommune", "00004"), 201);
        assertThat(moved.path("details").path("fromCommune").asString()).isEqualTo("00229");
        ok(call("commune-00229", "GET", "/api/v1/persons/" + id, null), 404);
        JsonNode person = ok(call("commune-00004", "GET", "/api/v1/persons/" + id, null), 200);
        assertThat(person.path("currentCommuneCode").asString()).isEqualTo("00004");
        assertThat(dutyPersons("commune-00004")).contains(id);
        assertThat(dutyPersons("commune-00229")).doesNotContain(id);
        JsonNode duty = ok(call("commune-00004", "GET", "/api/v1/persons/duties", null), 200);
        duty.forEach(d -> {
            if (d.path("person").path("id").asLong() == id) {
                assertThat(d.path("kind").asString()).isEqualTo("MOVE_REPORT");
                assertThat(d.path("by").asString()).isEqualTo("2026-08-02");
                assertThat(d.path("overdue").asBoolean()).isTrue();
            }
        });
        ok(event("commune-00004", id, "REPORTED_AT_NEW_RESIDENCE", "2026-08-03"), 201);
        assertThat(dutyPersons("commune-00004")).doesNotContain(id);
    }

    @Test
    void refusalsBeforeTheFirstOfJulyCiteTheOldLaw() throws Exception {
        long id = create("Đinh Văn Luật Cũ");
        ok(event("commune-00229", id, "DRUG_USE_RECORD", "2026-01-05"), 201);
        ok(event("commune-00229", id, "ADDICTION_DETERMINATION", "2026-01-20", "facilityCode", "BV-01", "result", "ADDICTED"), 201);
        ok(event("commune-00229", id, "COMPULSORY_DOSSIER", "2026-02-01"), 201);
        // six months for an adult: refused under Law 73/2021, whose adult term is set by the Law on Handling
        // Administrative Violations, Article 95
        JsonNode refused = ok(event("commune-00229", id, "COURT_DECISION", "2026-03-01", "court", "TAND khu vực 1",
                "decisionNumber", "4/QĐ-TA", "months", 6), 400);
        assertThat(refused.path("rule").asString()).isEqualTo("event.rule.decision.months.adult");
        assertThat(refused.path("legalBasis").asString()).contains("Article 95", "Handling Administrative Violations");
        assertThat(refused.path("legalBasis").asString()).doesNotContain("120/2025");
        // the regional court whose area covers Phường Kim Liên is court 2 (Resolution 81/2025/UBTVQH15)
        JsonNode wrongCourt = ok(event("commune-00229", id, "COURT_DECISION", "2026-03-01", "court", "TAND khu vực 1",
                "decisionNumber", "4/QĐ-TA", "months", 18), 400);
        assertThat(wrongCourt.path("rule").asString()).isEqualTo("event.rule.decision.court");
        assertThat(wrongCourt.path("detail").asString()).contains("Tòa án nhân dân khu vực 2 - Hà Nội", "Kim Liên");
        assertThat(wrongCourt.path("legalBasis").asString()).contains("81/2025/UBTVQH15");
        ok(event("commune-00229", id, "COURT_DECISION", "2026-03-01", "court", "Tòa án nhân dân khu vực 2 - Hà Nội",
                "decisionNumber", "4/QĐ-TA", "months", 18), 201);
    }

    @Test
    void aPathOutOfOrderOrIntoAnUnregisteredFacilityIsRefused() throws Exception {
        long id = create("Lê Văn Thứ Tự");
        ok(event("commune-00229", id, "DRUG_USE_RECORD", "2026-01-05"), 201);
        // issue 20: a determination dated before the listing, a second listing, a facility typed as free text
        JsonNode before = ok(event("commune-00229", id, "ADDICTION_DETERMINATION", "2025-12-01", "facilityCode", "BV-01",
                "result", "ADDICTED"), 400);
        assertThat(before.path("rule").asString()).isEqualTo("event.rule.listing.after");
        assertThat(before.path("detail").asString()).contains("01/12/2025", "05/01/2026");
        assertThat(ok(event("commune-00229", id, "DRUG_USE_RECORD", "2026-02-01"), 400).path("rule").asString())
                .isEqualTo("event.rule.listing.already");
        JsonNode typed = ok(event("commune-00229", id, "VOLUNTARY_FACILITY_ADMISSION", "2026-02-10", "facilityCode",
                "Cơ sở cai nghiện Bình An"), 400);
        assertThat(typed.path("rule").asString()).isEqualTo("event.rule.facility.unregistered");
        assertThat(typed.path("detail").asString()).contains("Cơ sở cai nghiện Bình An");
        // Hanoi's facility 2 was merged into the police's on 01/03/2025: its code takes no one in 2026
        assertThat(ok(event("commune-00229", id, "VOLUNTARY_FACILITY_ADMISSION", "2026-02-10", "facilityCode", "2"), 400)
                .path("rule").asString()).isEqualTo("event.rule.facility.not.open");
        ok(event("commune-00229", id, "VOLUNTARY_FACILITY_ADMISSION", "2026-02-10", "facilityCode", "PC04-2"), 201);
        assertThat(jdbc.queryForObject("select count(*) from case_event where person_id = ?", Long.class, id)).isEqualTo(2);
    }
}
