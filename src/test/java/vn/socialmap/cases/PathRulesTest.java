package vn.socialmap.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.socialmap.cases.EventType.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** One test per rule of the path, and status on dates around each event. */
class PathRulesTest {

    static final LocalDate BIRTH = LocalDate.of(1990, 5, 1);
    static final LocalDate TODAY = LocalDate.of(2023, 12, 31);

    private final List<PathRules.Event> events = new ArrayList<>();
    private long nextId = 1;

    private PathRulesTest add(EventType type, String date, String facility, Object... details) {
        events.add(new PathRules.Event(nextId++, type, LocalDate.parse(date), facility, PathRules.details(details), null));
        return this;
    }

    private PathRulesTest add(EventType type, String date) {
        return add(type, date, null);
    }

    private List<PathRules.Period> replay() {
        return PathRules.replay(BIRTH, TODAY, events);
    }

    private void refused(String rule) {
        assertThatThrownBy(this::replay).isInstanceOf(PathRules.Violation.class)
                .satisfies(e -> assertThat(((PathRules.Violation) e).rule()).isEqualTo(rule));
    }

    private PathRulesTest compulsoryPath() {
        return add(DRUG_USE_RECORD, "2021-01-10")
                .add(ADDICTION_DETERMINATION, "2021-02-01", "BV-01", "result", "ADDICTED")
                .add(COMPULSORY_DOSSIER, "2021-03-01")
                .add(COURT_DECISION, "2021-04-01", null, "court", "TAND quận Cầu Giấy", "decisionNumber", "12/2021/QĐ-TA", "months", 24)
                .add(COMPULSORY_ADMISSION, "2021-04-15", "1");
    }

    private List<PathStatus> on(String date) {
        return PathRules.statusesOn(replay(), LocalDate.parse(date));
    }

    @Test
    void aFullCompulsoryPathGivesItsStatusesOnEachDate() {
        compulsoryPath().add(ABSCONDING, "2021-08-01").add(RETURN, "2021-09-01").add(RELEASE, "2023-04-15")
                .add(POST_REHAB_START, "2023-04-20", null, "plannedEnd", "2025-04-20", "assignee", "Công an phường")
                .add(METHADONE_START, "2023-05-01", "MMT-05")
                .add(SUPPORT, "2023-06-01", null, "kind", "JOB_PLACEMENT");
        assertThat(on("2021-01-09")).isEmpty();
        assertThat(on("2021-01-10")).containsExactlyInAnyOrder(PathStatus.ON_RECORD, PathStatus.USING);
        assertThat(on("2021-02-01")).contains(PathStatus.ADDICTED);
        assertThat(on("2021-03-31")).contains(PathStatus.COMPULSORY_PENDING);
        assertThat(on("2021-04-14")).contains(PathStatus.COMPULSORY_PENDING);
        assertThat(on("2021-04-15")).contains(PathStatus.IN_COMPULSORY);
        assertThat(on("2021-08-01")).contains(PathStatus.ABSCONDED).doesNotContain(PathStatus.IN_COMPULSORY);
        assertThat(on("2021-09-01")).contains(PathStatus.IN_COMPULSORY);
        assertThat(on("2023-04-14")).contains(PathStatus.IN_COMPULSORY);
        assertThat(on("2023-04-15")).contains(PathStatus.AFTER_REHAB);
        assertThat(on("2023-04-20")).containsExactlyInAnyOrder(PathStatus.ON_RECORD, PathStatus.POST_REHAB);
        assertThat(on("2023-05-01")).containsExactlyInAnyOrder(PathStatus.ON_RECORD, PathStatus.POST_REHAB, PathStatus.ON_METHADONE);
        PathRules.Period inFacility = replay().stream().filter(p -> p.status() == PathStatus.IN_COMPULSORY).findFirst().orElseThrow();
        assertThat(inFacility.facilityCode()).isEqualTo("1");
        assertThat(inFacility.to()).isEqualTo(LocalDate.parse("2021-08-01"));
    }

    @Test
    void voluntaryPathsAndRelapse() {
        add(DRUG_USE_RECORD, "2020-01-01").add(VOLUNTARY_COMMUNITY_START, "2020-02-01", null, "provider", "Trạm y tế")
                .add(VOLUNTARY_COMMUNITY_END, "2020-08-01", null, "outcome", "COMPLETED")
                .add(RELAPSE, "2021-01-01")
                .add(VOLUNTARY_FACILITY_ADMISSION, "2021-02-01", "2")
                .add(VOLUNTARY_FACILITY_DISCHARGE, "2021-08-01", null, "outcome", "DROPPED_OUT");
        assertThat(on("2020-03-01")).contains(PathStatus.VOLUNTARY_COMMUNITY);
        assertThat(on("2020-09-01")).contains(PathStatus.AFTER_REHAB);
        assertThat(on("2021-01-15")).contains(PathStatus.RELAPSED);
        assertThat(on("2021-03-01")).contains(PathStatus.VOLUNTARY_FACILITY);
        assertThat(on("2021-09-01")).contains(PathStatus.USING);
    }

    @Test
    void ruleDateInTheFuture() {
        add(DRUG_USE_RECORD, "2024-01-01");
        refused("date.future");
    }

    @Test
    void ruleDateBeforeBirth() {
        add(DRUG_USE_RECORD, "1989-01-01");
        refused("date.before.birth");
    }

    @Test
    void ruleFacilityRequired() {
        add(COMPULSORY_ADMISSION, "2021-01-01", null);
        refused("facility.missing");
    }

    @Test
    void ruleRequiredDetails() {
        add(ADDICTION_DETERMINATION, "2021-01-01", "BV-01");
        refused("detail.missing");
    }

    @Test
    void ruleDetailValues() {
        add(ADDICTION_DETERMINATION, "2021-01-01", "BV-01", "result", "MAYBE");
        refused("detail.value");
    }

    @Test
    void ruleCourtDecisionMonths() {
        add(DRUG_USE_RECORD, "2021-01-10").add(ADDICTION_DETERMINATION, "2021-02-01", "BV-01", "result", "ADDICTED")
                .add(COMPULSORY_DOSSIER, "2021-03-01")
                .add(COURT_DECISION, "2021-04-01", null, "court", "TAND", "decisionNumber", "1", "months", 36);
        refused("decision.months.adult");
    }

    @Test
    void theOldTermFollowsAgeAndCitesItsLaw() {
        // an adult: 12 to 24 months (Law on Handling Administrative Violations, Article 95)
        events.clear();
        add(DRUG_USE_RECORD, "2021-01-10").add(ADDICTION_DETERMINATION, "2021-02-01", "BV-01", "result", "ADDICTED")
                .add(COMPULSORY_DOSSIER, "2021-03-01")
                .add(COURT_DECISION, "2021-04-01", null, "court", "TAND", "decisionNumber", "1", "months", 6);
        assertThatThrownBy(this::replay).isInstanceOf(PathRules.Violation.class)
                .satisfies(e -> assertThat(((PathRules.Violation) e).rule()).isEqualTo("decision.months.adult"))
                .satisfies(e -> assertThat(((PathRules.Violation) e).arguments()).containsExactly(12, 24))
                .satisfies(e -> assertThat(((PathRules.Violation) e).basisKey())
                        .isEqualTo("event.basis.decision.months.adult.LAW_73_2021"));
        // someone of 16: 6 to 12 months (Law 73/2021, Article 33 clause 3)
        LocalDate minorBirth = LocalDate.of(2005, 1, 1);
        assertThat(PathRules.replay(minorBirth, TODAY, events)).isNotEmpty();
        events.set(events.size() - 1, new PathRules.Event(99L, COURT_DECISION, LocalDate.parse("2021-04-01"), null,
                PathRules.details("court", "TAND", "decisionNumber", "1", "months", 13), null));
        assertThatThrownBy(() -> PathRules.replay(minorBirth, TODAY, events)).isInstanceOf(PathRules.Violation.class)
                .satisfies(e -> assertThat(((PathRules.Violation) e).rule()).isEqualTo("decision.months.minor"))
                .satisfies(e -> assertThat(((PathRules.Violation) e).arguments()).containsExactly(6, 12));
    }

    /** A first compulsory path whose court decision is dated {@code decided}, setting {@code months}; judged on 31/12/2026. */
    private List<PathRules.Period> decidedOn(String decided, int months, boolean earlierRehab) {
        events.clear();
        add(DRUG_USE_RECORD, "2025-01-10");
        if (earlierRehab) {
            add(VOLUNTARY_COMMUNITY_START, "2025-02-01", null, "provider", "Công an phường")
                    .add(VOLUNTARY_COMMUNITY_END, "2025-05-01", null, "outcome", "DROPPED_OUT");
        }
        add(ADDICTION_DETERMINATION, "2026-05-01", "BV-01", "result", "ADDICTED").add(COMPULSORY_DOSSIER, "2026-05-20")
                .add(COURT_DECISION, decided, null, "court", "TAND khu vực 1", "decisionNumber", "7", "months", months);
        return PathRules.replay(BIRTH, LocalDate.of(2026, 12, 31), events);
    }

    @Test
    void theTermOfRehabFollowsTheLawOnTheDecisionsDate() {
        // twelve months: lawful under Law 73/2021 until 30/06/2026, not from 01/07/2026 (24 the first time)
        assertThat(decidedOn("2026-06-30", 12, false)).isNotEmpty();
        assertThatThrownBy(() -> decidedOn("2026-07-01", 12, false)).isInstanceOf(PathRules.Violation.class)
                .satisfies(e -> assertThat(((PathRules.Violation) e).rule()).isEqualTo("decision.months.law120.first"))
                .satisfies(e -> assertThat(((PathRules.Violation) e).arguments()).containsExactly(24));
        // thirty-six months after an earlier rehab: refused under the old law, due under the new one
        assertThatThrownBy(() -> decidedOn("2026-06-30", 36, true)).isInstanceOf(PathRules.Violation.class)
                .satisfies(e -> assertThat(((PathRules.Violation) e).rule()).isEqualTo("decision.months.adult"));
        assertThat(decidedOn("2026-07-01", 36, true)).isNotEmpty();
        assertThatThrownBy(() -> decidedOn("2026-07-01", 24, true)).isInstanceOf(PathRules.Violation.class)
                .satisfies(e -> assertThat(((PathRules.Violation) e).rule()).isEqualTo("decision.months.law120.later"));
        assertThat(LegalRegime.on(LocalDate.of(2026, 6, 30))).isEqualTo(LegalRegime.LAW_73_2021);
        assertThat(LegalRegime.on(LocalDate.of(2026, 7, 1))).isEqualTo(LegalRegime.LAW_120_2025);
    }

    /** Someone in voluntary rehab at home from March 2026; judged on 31/12/2026. */
    private PathRulesTest inCommunityRehab() {
        events.clear();
        return add(DRUG_USE_RECORD, "2026-01-10").add(ADDICTION_DETERMINATION, "2026-02-01", "BV-01", "result", "ADDICTED")
                .add(VOLUNTARY_COMMUNITY_START, "2026-03-01", null, "provider", "Công an phường Ba Đình");
    }

    private void refusedOn2026(String rule) {
        assertThatThrownBy(() -> PathRules.replay(BIRTH, LocalDate.of(2026, 12, 31), events)).isInstanceOf(PathRules.Violation.class)
                .satisfies(e -> assertThat(((PathRules.Violation) e).rule()).isEqualTo(rule));
    }

    @Test
    void electronicMonitoringIsOrderedFromTheNewLawOnAndOnlyDuringItsMeasures() {
        // the same order: refused on 30/06/2026 under Law 73/2021, accepted on 01/07/2026 under Law 120/2025 (Article 12)
        inCommunityRehab().add(ELECTRONIC_MONITORING_START, "2026-06-30", null, "orderNumber", "01/QĐ-CAP");
        refusedOn2026("monitoring.before.law120");
        inCommunityRehab().add(ELECTRONIC_MONITORING_START, "2026-07-01", null, "orderNumber", "01/QĐ-CAP")
                .add(ELECTRONIC_MONITORING_END, "2026-10-01");
        assertThat(PathRules.replay(BIRTH, LocalDate.of(2026, 12, 31), events)).isNotEmpty();
        // not for someone only using drugs, nor twice, nor ended without a start
        events.clear();
        add(DRUG_USE_RECORD, "2026-01-10").add(ELECTRONIC_MONITORING_START, "2026-07-02", null, "orderNumber", "02");
        refusedOn2026("monitoring.requires.measure");
        inCommunityRehab().add(ELECTRONIC_MONITORING_START, "2026-07-01", null, "orderNumber", "03")
                .add(ELECTRONIC_MONITORING_START, "2026-08-01", null, "orderNumber", "04");
        refusedOn2026("monitoring.already");
        inCommunityRehab().add(ELECTRONIC_MONITORING_END, "2026-08-01");
        refusedOn2026("monitoring.end.without.start");
    }

    /** Someone using drugs, on record from 10/07/2026; judged on 31/12/2027. */
    private PathRulesTest usingFromJuly2026() {
        events.clear();
        return add(DRUG_USE_RECORD, "2026-07-10");
    }

    private void refusedBy2028(String rule) {
        assertThatThrownBy(() -> PathRules.replay(BIRTH, LocalDate.of(2027, 12, 31), events)).isInstanceOf(PathRules.Violation.class)
                .satisfies(e -> assertThat(((PathRules.Violation) e).rule()).isEqualTo(rule));
    }

    private List<PathRules.Period> replayBy2028() {
        return PathRules.replay(BIRTH, LocalDate.of(2027, 12, 31), events);
    }

    @Test
    void aManagementDecisionRunsAYearAndTheRecordCannotCloseBefore() {
        usingFromJuly2026().add(MANAGEMENT_DECISION, "2026-07-11", null, "decisionNumber", "05/QĐ-CAX")
                .add(MANAGEMENT_DECISION, "2027-01-11", null, "decisionNumber", "06/QĐ-CAX");
        refusedBy2028("management.already");
        usingFromJuly2026().add(MANAGEMENT_DECISION, "2026-07-11", null, "decisionNumber", "05/QĐ-CAX")
                .add(RECORD_CLOSED, "2027-07-10", null, "closure", "MANAGEMENT_ENDED");
        refusedBy2028("closure.management.term");
        usingFromJuly2026().add(MANAGEMENT_DECISION, "2026-07-11", null, "decisionNumber", "05/QĐ-CAX")
                .add(RECORD_CLOSED, "2027-07-11", null, "closure", "MANAGEMENT_ENDED");
        assertThat(replayBy2028()).isNotEmpty();
        // not for someone found addicted, whose management ends with the finding (Law 120/2025, Article 24 clause 5)
        usingFromJuly2026().add(ADDICTION_DETERMINATION, "2026-07-20", "BV-01", "result", "ADDICTED")
                .add(MANAGEMENT_DECISION, "2026-07-21", null, "decisionNumber", "07");
        refusedBy2028("management.requires.use");
    }

    @Test
    void summonsesAreRecordedFromTheNewLawOnAndOnlyForPeopleManaged() {
        // the same summons: refused on 30/06/2026 under Law 73/2021, accepted on 01/07/2026 (Law 120/2025, Article 25)
        events.clear();
        add(DRUG_USE_RECORD, "2026-06-01").add(MANAGEMENT_DECISION, "2026-06-02", null, "decisionNumber", "1")
                .add(SUMMONS, "2026-06-30", null, "appearOn", "2026-07-02");
        refusedBy2028("summons.before.law120");
        events.set(2, new PathRules.Event(50L, SUMMONS, LocalDate.parse("2026-07-01"), null, PathRules.details("appearOn", "2026-07-02"), null));
        assertThat(replayBy2028()).isNotEmpty();
        usingFromJuly2026().add(SUMMONS, "2026-08-01", null, "appearOn", "2026-08-03");
        refusedBy2028("summons.requires.management");
        usingFromJuly2026().add(MANAGEMENT_DECISION, "2026-07-11", null, "decisionNumber", "1")
                .add(SUMMONS, "2026-08-01", null, "appearOn", "2026-07-30");
        refusedBy2028("summons.appear.date");
    }

    @Test
    void aMoveUnderTheNewLawIsDueAtTheNewCommuneWithin24Hours() {
        LocalDate judged = LocalDate.of(2026, 8, 5);
        usingFromJuly2026().add(RESIDENCE_MOVE, "2026-08-01", null, "toCommune", "00004");
        assertThat(PathRules.due(BIRTH, judged, events, PathRules.FacilityAges.UNKNOWN))
                .containsExactly(new PathRules.Due("MOVE_REPORT", LocalDate.of(2026, 8, 1), LocalDate.of(2026, 8, 2), "00004"));
        add(REPORTED_AT_NEW_RESIDENCE, "2026-08-03");
        assertThat(PathRules.due(BIRTH, judged, events, PathRules.FacilityAges.UNKNOWN)).isEmpty();
        // a move under the old law carries no 24-hour duty
        events.clear();
        add(DRUG_USE_RECORD, "2026-01-10").add(RESIDENCE_MOVE, "2026-06-30", null, "toCommune", "00004");
        assertThat(PathRules.due(BIRTH, judged, events, PathRules.FacilityAges.UNKNOWN)).isEmpty();
        // no report without a move; no move from inside a facility
        usingFromJuly2026().add(REPORTED_AT_NEW_RESIDENCE, "2026-08-03");
        refusedBy2028("report.without.move");
    }

    /** Public facility "PUB" admits 18 and over, "MIN" is a reform school (12 to under 18). */
    private static final PathRules.FacilityAges AGES = code -> switch (code) {
        case "PUB" -> new PathRules.AgeRange(18, null);
        case "MIN" -> new PathRules.AgeRange(12, 18);
        default -> null;
    };

    @Test
    void facilitiesAdmitByAgeFromTheNewLawOn() {
        LocalDate born = LocalDate.of(2010, 3, 1);
        // 16 years old, into a public facility for adults: accepted on 30/06/2026, refused on 01/07/2026 (Article 28 clause 1)
        events.clear();
        add(DRUG_USE_RECORD, "2026-05-01");
        events.add(new PathRules.Event(null, VOLUNTARY_FACILITY_ADMISSION, LocalDate.parse("2026-06-30"), "PUB", java.util.Map.of(), null));
        assertThat(PathRules.replay(born, LocalDate.of(2026, 12, 31), events, AGES)).isNotEmpty();
        // judged when it is entered (no id yet); once recorded, the path is read as recorded
        events.clear();
        add(DRUG_USE_RECORD, "2026-05-01").add(VOLUNTARY_FACILITY_ADMISSION, "2026-07-01", "PUB");
        assertThat(PathRules.replay(born, LocalDate.of(2026, 12, 31), events, AGES)).isNotEmpty();
        events.set(1, new PathRules.Event(null, VOLUNTARY_FACILITY_ADMISSION, LocalDate.parse("2026-07-01"), "PUB", java.util.Map.of(), null));
        assertThatThrownBy(() -> PathRules.replay(born, LocalDate.of(2026, 12, 31), events, AGES))
                .isInstanceOf(PathRules.Violation.class)
                .satisfies(e -> assertThat(((PathRules.Violation) e).rule()).isEqualTo("facility.age.from"))
                .satisfies(e -> assertThat(((PathRules.Violation) e).basisKey()).isEqualTo("event.basis.facility.age.from.LAW_120_2025"));
        events.clear();
        add(DRUG_USE_RECORD, "2026-05-01");
        events.add(new PathRules.Event(null, VOLUNTARY_FACILITY_ADMISSION, LocalDate.parse("2026-07-01"), "MIN", java.util.Map.of(), null));
        assertThat(PathRules.replay(born, LocalDate.of(2026, 12, 31), events, AGES)).isNotEmpty();
    }

    @Test
    void aMinorWhoTurns18WithThreeMonthsLeftIsDueAPublicFacility() {
        LocalDate born = LocalDate.of(2008, 9, 1);
        events.clear();
        add(DRUG_USE_RECORD, "2026-07-02").add(ADDICTION_DETERMINATION, "2026-07-03", "BV-01", "result", "ADDICTED")
                .add(COMPULSORY_DOSSIER, "2026-07-05")
                .add(COURT_DECISION, "2026-07-20", null, "court", "TAND khu vực 1", "decisionNumber", "9", "months", 24)
                .add(COMPULSORY_ADMISSION, "2026-07-25", "MIN");
        assertThat(PathRules.due(born, LocalDate.of(2026, 9, 10), events, AGES))
                .containsExactly(new PathRules.Due("TRANSFER_AT_18", LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 1), "MIN"));
        // the transfer to the public facility settles it and moves the stay there
        add(FACILITY_TRANSFER, "2026-09-02", "PUB", "transferReason", "AGE_18");
        assertThat(PathRules.due(born, LocalDate.of(2026, 9, 10), events, AGES)).isEmpty();
        assertThat(PathRules.replay(born, LocalDate.of(2026, 9, 10), events, AGES))
                .filteredOn(p -> p.status() == PathStatus.IN_COMPULSORY).extracting(PathRules.Period::facilityCode)
                .containsExactly("MIN", "PUB");
        // not to the same facility, and not for someone outside a facility
        add(FACILITY_TRANSFER, "2026-09-03", "PUB", "transferReason", "PLACEMENT");
        assertThatThrownBy(() -> PathRules.replay(born, LocalDate.of(2026, 9, 10), events, AGES))
                .satisfies(e -> assertThat(((PathRules.Violation) e).rule()).isEqualTo("transfer.same.facility"));
    }

    @Test
    void everyRuleNamesItsLegalBasisUnderBothLaws() throws Exception {
        // every dotted literal of the rules is a rule name; the service adds the move's own
        String rulesSource = java.nio.file.Files.readString(java.nio.file.Path.of("src/main/java/vn/socialmap/cases/PathRules.java"));
        String serviceSource = java.nio.file.Files.readString(java.nio.file.Path.of("src/main/java/vn/socialmap/cases/PersonService.java"))
                + java.nio.file.Files.readString(java.nio.file.Path.of("src/main/java/vn/socialmap/cases/PathContext.java"));
        java.util.Set<String> rules = new java.util.TreeSet<>();
        java.util.regex.Matcher literal = java.util.regex.Pattern.compile("\"([a-z0-9]+(?:\\.[a-z0-9]+)+)\"").matcher(rulesSource);
        while (literal.find()) {
            if (!literal.group(1).startsWith("event.")) {
                rules.add(literal.group(1));
            }
        }
        java.util.regex.Matcher moved = java.util.regex.Pattern.compile("Violation\\([^,]+, \"([a-z0-9.]+)\"").matcher(serviceSource);
        while (moved.find()) {
            rules.add(moved.group(1));
        }
        assertThat(rules).hasSizeGreaterThan(40).contains("decision.months.adult", "move.commune.unknown", "facility.age.from", "decision.court",
                "listing.after", "listing.already", "facility.unregistered");
        for (String language : List.of("vi", "en")) {
            java.util.Properties bundle = new java.util.Properties();
            try (var in = getClass().getResourceAsStream("/vaadin-i18n/translations_" + language + ".properties")) {
                bundle.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            }
            for (String rule : rules) {
                assertThat(bundle).as(language + " message of " + rule).containsKey("event.rule." + rule);
                for (LegalRegime regime : LegalRegime.values()) {
                    assertThat(bundle.getProperty("event.basis." + rule + "." + regime.name()))
                            .as(language + " basis of " + rule + " under " + regime).isNotBlank();
                }
            }
        }
    }

    /** An event being recorded now: judged by the rules of order and of registered facilities, as history is not. */
    private PathRulesTest addNew(EventType type, String date, String facility, Object... details) {
        events.add(new PathRules.Event(null, type, LocalDate.parse(date), facility, PathRules.details(details), null));
        return this;
    }

    @Test
    void aNewEventDatedBeforeTheListingIsRefused() {
        // issue 20: an addiction determination of 2020 entered under a listing of 2023
        add(DRUG_USE_RECORD, "2023-03-01").addNew(ADDICTION_DETERMINATION, "2020-06-01", "BV-01", "result", "ADDICTED");
        assertThatThrownBy(this::replay).isInstanceOf(PathRules.Violation.class)
                .satisfies(e -> assertThat(((PathRules.Violation) e).rule()).isEqualTo("listing.after"))
                .satisfies(e -> assertThat(((PathRules.Violation) e).arguments()).containsExactly("01/06/2020", "01/03/2023"));
        // from the listing on, it is accepted
        events.removeLast();
        addNew(ADDICTION_DETERMINATION, "2023-03-01", "BV-01", "result", "ADDICTED");
        assertThat(on("2023-03-01")).contains(PathStatus.ADDICTED);
        // nothing before the first listing at all
        events.clear();
        addNew(METHADONE_START, "2021-01-01", "MMT-01");
        refused("listing.missing");
        events.clear();
        addNew(DRUG_USE_RECORD, "2021-01-01", null);
        assertThat(on("2021-01-01")).contains(PathStatus.ON_RECORD, PathStatus.USING);
    }

    @Test
    void aSecondListingIsRefusedUntilTheRecordIsClosed() {
        add(DRUG_USE_RECORD, "2021-01-10").addNew(DRUG_USE_RECORD, "2023-05-01", null);
        assertThatThrownBy(this::replay).isInstanceOf(PathRules.Violation.class)
                .satisfies(e -> assertThat(((PathRules.Violation) e).rule()).isEqualTo("listing.already"))
                .satisfies(e -> assertThat(((PathRules.Violation) e).arguments()).containsExactly("10/01/2021"));
        // nor a listing dated before the one on record
        events.set(1, new PathRules.Event(null, DRUG_USE_RECORD, LocalDate.parse("2020-05-01"), null, Map.of(), null));
        refused("listing.later");
        // after the record is closed, a new listing puts the person back
        events.set(1, new PathRules.Event(nextId++, RECORD_CLOSED, LocalDate.parse("2022-01-01"), null,
                PathRules.details("closure", "MOVED_AWAY"), null));
        addNew(DRUG_USE_RECORD, "2023-05-01", null);
        assertThat(on("2023-05-01")).contains(PathStatus.ON_RECORD, PathStatus.USING);
    }

    /** Hanoi's facility "1" (public, merged on 01/03/2025), "PC04-1" (public, from then), "TN-1" (private). */
    private static final PathRules.RehabFacilities REGISTERED = (code, date) -> switch (code) {
        case "1" -> java.util.Optional.of(new PathRules.RehabFacility(true, date.isBefore(LocalDate.of(2025, 3, 1))));
        case "PC04-1" -> java.util.Optional.of(new PathRules.RehabFacility(true, !date.isBefore(LocalDate.of(2025, 3, 1))));
        case "TN-1" -> java.util.Optional.of(new PathRules.RehabFacility(false, true));
        default -> java.util.Optional.empty();
    };

    private List<PathRules.Period> replayRegistered() {
        return PathRules.replay(BIRTH, LocalDate.of(2026, 11, 28), events, PathRules.FacilityAges.UNKNOWN, REGISTERED);
    }

    private void refusedRegistered(String rule) {
        assertThatThrownBy(this::replayRegistered).isInstanceOf(PathRules.Violation.class)
                .satisfies(e -> assertThat(((PathRules.Violation) e).rule()).isEqualTo(rule));
    }

    @Test
    void aPersonEntersARegisteredFacilityThereOnTheDay() {
        // a facility typed as free text
        add(DRUG_USE_RECORD, "2022-01-10").addNew(VOLUNTARY_FACILITY_ADMISSION, "2022-03-01", "Cơ sở Bình An");
        refusedRegistered("facility.unregistered");
        // a facility merged away before the day, and its successor
        events.set(1, new PathRules.Event(null, VOLUNTARY_FACILITY_ADMISSION, LocalDate.parse("2025-06-01"), "1", Map.of(), null));
        refusedRegistered("facility.not.open");
        events.set(1, new PathRules.Event(null, VOLUNTARY_FACILITY_ADMISSION, LocalDate.parse("2025-06-01"), "PC04-1", Map.of(), null));
        assertThat(replayRegistered()).filteredOn(p -> p.status() == PathStatus.VOLUNTARY_FACILITY)
                .extracting(PathRules.Period::facilityCode).containsExactly("PC04-1");
        // compulsory rehab at a public facility only
        events.clear();
        add(DRUG_USE_RECORD, "2021-01-10").add(ADDICTION_DETERMINATION, "2021-02-01", "BV-01", "result", "ADDICTED")
                .add(COMPULSORY_DOSSIER, "2021-03-01")
                .add(COURT_DECISION, "2021-04-01", null, "court", "TAND", "decisionNumber", "1", "months", 12)
                .addNew(COMPULSORY_ADMISSION, "2021-04-15", "TN-1");
        refusedRegistered("facility.compulsory.public");
        events.set(4, new PathRules.Event(null, COMPULSORY_ADMISSION, LocalDate.parse("2021-04-15"), "1", Map.of(), null));
        assertThat(PathRules.statusesOn(replayRegistered(), LocalDate.parse("2021-04-15"))).contains(PathStatus.IN_COMPULSORY);
        // a path recorded before the registry knew its facilities is read as recorded
        events.clear();
        add(DRUG_USE_RECORD, "2020-01-10").add(VOLUNTARY_FACILITY_ADMISSION, "2020-03-01", "Cơ sở Bình An");
        assertThat(replayRegistered()).isNotEmpty();
    }

    @Test
    void whenNoEventIsPossibleOnADateTheRulesSayWhy() {
        add(DRUG_USE_RECORD, "2023-03-01");
        // a day in the future
        PathRules.Next future = PathRules.next(BIRTH, TODAY, events, TODAY.plusDays(1), PathRules.FacilityAges.UNKNOWN);
        assertThat(future.possible()).isEmpty();
        assertThat(future.reason().rule()).isEqualTo("date.future");
        // a day before the person's listing
        PathRules.Next before = PathRules.next(BIRTH, TODAY, events, LocalDate.of(2020, 6, 1), PathRules.FacilityAges.UNKNOWN);
        assertThat(before.possible()).isEmpty();
        assertThat(before.reason().rule()).isEqualTo("listing.after");
        // a day on record: events to choose from, no reason needed
        PathRules.Next onRecord = PathRules.next(BIRTH, TODAY, events, LocalDate.of(2023, 6, 1), PathRules.FacilityAges.UNKNOWN);
        assertThat(onRecord.possible()).contains(ADDICTION_DETERMINATION, METHADONE_START).doesNotContain(DRUG_USE_RECORD);
        assertThat(onRecord.reason()).isNull();
        // someone not yet listed: the listing only
        assertThat(PathRules.possibleNext(BIRTH, TODAY, List.of(), LocalDate.of(2023, 6, 1))).containsExactly(DRUG_USE_RECORD);
    }

    @Test
    void ruleAdmissionWithoutCourtDecision() {
        add(DRUG_USE_RECORD, "2021-01-10").add(COMPULSORY_ADMISSION, "2021-02-01", "1");
        refused("admission.requires.decision");
    }

    @Test
    void ruleDecisionWithoutDossier() {
        add(COURT_DECISION, "2021-04-01", null, "court", "TAND", "decisionNumber", "1", "months", 12);
        refused("decision.requires.dossier");
    }

    @Test
    void ruleSecondDecisionOnOneDossier() {
        compulsoryPath();
        events.removeLast();
        add(COURT_DECISION, "2021-04-02", null, "court", "TAND", "decisionNumber", "2", "months", 12);
        refused("decision.already");
    }

    @Test
    void ruleDossierNeedsDetermination() {
        add(DRUG_USE_RECORD, "2021-01-10").add(COMPULSORY_DOSSIER, "2021-03-01");
        refused("dossier.requires.determination");
    }

    @Test
    void ruleOneOpenDossier() {
        add(ADDICTION_DETERMINATION, "2021-02-01", "BV-01", "result", "ADDICTED")
                .add(COMPULSORY_DOSSIER, "2021-03-01").add(COMPULSORY_DOSSIER, "2021-03-05");
        refused("dossier.already.open");
    }

    @Test
    void ruleReleaseBeforeAdmission() {
        add(DRUG_USE_RECORD, "2021-01-10").add(RELEASE, "2021-02-01");
        refused("release.requires.admission");
    }

    @Test
    void ruleReleaseDatedBeforeTheAdmission() {
        compulsoryPath().add(RELEASE, "2021-04-10");
        refused("release.requires.admission");
    }

    @Test
    void ruleAbscondingOnlyFromAFacility() {
        add(DRUG_USE_RECORD, "2021-01-10").add(ABSCONDING, "2021-02-01");
        refused("absconding.requires.admission");
    }

    @Test
    void ruleReturnOnlyAfterAbsconding() {
        compulsoryPath().add(RETURN, "2021-05-01");
        refused("return.requires.absconding");
    }

    @Test
    void rulePostRehabForSomeoneNeverInRehab() {
        add(DRUG_USE_RECORD, "2021-01-10")
                .add(POST_REHAB_START, "2021-02-01", null, "plannedEnd", "2022-02-01", "assignee", "Công an xã");
        refused("postrehab.requires.rehab");
    }

    @Test
    void rulePostRehabAfterRehabEnds() {
        compulsoryPath().add(POST_REHAB_START, "2021-05-01", null, "plannedEnd", "2022-02-01", "assignee", "Công an xã");
        refused("postrehab.requires.finished.rehab");
    }

    @Test
    void rulePostRehabPlannedEnd() {
        compulsoryPath().add(RELEASE, "2022-04-15")
                .add(POST_REHAB_START, "2022-05-01", null, "plannedEnd", "2022-04-01", "assignee", "Công an xã");
        refused("postrehab.planned.end");
    }

    @Test
    void rulePostRehabEndWithoutStart() {
        add(DRUG_USE_RECORD, "2021-01-10").add(POST_REHAB_END, "2021-02-01");
        refused("postrehab.end.without.start");
    }

    @Test
    void ruleNoNewRehabWhileInRehab() {
        compulsoryPath().add(VOLUNTARY_FACILITY_ADMISSION, "2021-05-01", "2");
        refused("already.in.rehab");
    }

    @Test
    void ruleCommunityEndWithoutStart() {
        add(VOLUNTARY_COMMUNITY_END, "2021-02-01", null, "outcome", "COMPLETED");
        refused("community.end.without.start");
    }

    @Test
    void ruleDischargeWithoutAdmission() {
        add(VOLUNTARY_FACILITY_DISCHARGE, "2021-02-01", null, "outcome", "COMPLETED");
        refused("discharge.without.admission");
    }

    @Test
    void ruleNoDeterminationInsideAFacility() {
        compulsoryPath().add(ADDICTION_DETERMINATION, "2021-05-01", "BV-01", "result", "ADDICTED");
        refused("determination.in.facility");
    }

    @Test
    void ruleDrugUseDuringPostRehabIsARelapse() {
        compulsoryPath().add(RELEASE, "2022-04-15")
                .add(POST_REHAB_START, "2022-05-01", null, "plannedEnd", "2023-05-01", "assignee", "Công an xã")
                .add(DRUG_USE_RECORD, "2022-06-01");
        refused("use.during.postrehab");
    }

    @Test
    void ruleMethadoneStartsOnce() {
        add(METHADONE_START, "2021-01-01", "MMT-01").add(METHADONE_START, "2021-02-01", "MMT-01");
        refused("methadone.already");
    }

    @Test
    void ruleMethadoneStopNeedsStart() {
        add(METHADONE_STOP, "2021-01-01", null, "reason", "chuyển nơi ở");
        refused("methadone.not.started");
    }

    @Test
    void ruleRelapseNeedsRehab() {
        add(DRUG_USE_RECORD, "2021-01-10").add(RELAPSE, "2021-02-01");
        refused("relapse.requires.rehab");
    }

    @Test
    void ruleSupportNeedsRehab() {
        add(DRUG_USE_RECORD, "2021-01-10").add(SUPPORT, "2021-02-01", null, "kind", "LOAN");
        refused("support.requires.rehab");
    }

    @Test
    void ruleNoDetoxWhileAbsconded() {
        compulsoryPath().add(ABSCONDING, "2021-06-01").add(DETOX, "2021-06-10", "1");
        refused("detox.while.absconded");
    }

    @Test
    void aCorrectionSupersedesAndAVoidWithdraws() {
        compulsoryPath().add(RELEASE, "2021-04-10");
        long wrongRelease = nextId - 1;
        // corrected date: the path becomes valid and the old event stays in the history
        events.add(new PathRules.Event(nextId++, RELEASE, LocalDate.parse("2022-10-15"), null, Map.of(), wrongRelease));
        assertThat(on("2022-10-15")).contains(PathStatus.AFTER_REHAB);
        assertThat(on("2022-01-01")).contains(PathStatus.IN_COMPULSORY);

        add(METHADONE_STOP, "2022-11-01", null, "reason", "nhập nhầm");
        long wrongStop = nextId - 1;
        refused("methadone.not.started");
        events.add(new PathRules.Event(nextId++, VOID, LocalDate.parse("2022-11-02"), null, Map.of(), wrongStop));
        assertThat(replay()).isNotEmpty();
        assertThat(events).hasSize(9);
    }

    @Test
    void eventsAreCheckedInDateOrderNotEntryOrder() {
        // the admission is entered first but dated after the court decision
        add(COMPULSORY_ADMISSION, "2021-04-15", "1");
        add(DRUG_USE_RECORD, "2021-01-10").add(ADDICTION_DETERMINATION, "2021-02-01", "BV-01", "result", "ADDICTED")
                .add(COMPULSORY_DOSSIER, "2021-03-01")
                .add(COURT_DECISION, "2021-04-01", null, "court", "TAND", "decisionNumber", "3", "months", 12);
        assertThat(on("2021-04-15")).contains(PathStatus.IN_COMPULSORY);
    }

    @Test
    void aClosedRecordHoldsNoStatusAndTakesNoEventUntilANewDrugUseRecord() {
        add(DRUG_USE_RECORD, "2021-01-10").add(METHADONE_START, "2021-03-01", "MMT-01")
                .add(RECORD_CLOSED, "2022-01-01", null, "closure", "MOVED_AWAY");
        assertThat(on("2021-12-31")).containsExactlyInAnyOrder(PathStatus.ON_RECORD, PathStatus.USING, PathStatus.ON_METHADONE);
        assertThat(on("2022-01-01")).isEmpty();
        add(SUPPORT, "2022-02-01", null, "kind", "LOAN");
        refused("record.closed");
        events.removeLast();
        add(DRUG_USE_RECORD, "2023-01-05");
        assertThat(on("2022-06-01")).isEmpty();
        assertThat(on("2023-01-05")).containsExactlyInAnyOrder(PathStatus.ON_RECORD, PathStatus.USING);
    }

    @Test
    void managementEndsOnlyForSomeoneNotInRehabOrItsFollowUp() {
        compulsoryPath().add(RECORD_CLOSED, "2022-01-01", null, "closure", "MANAGEMENT_ENDED");
        refused("closure.management.status");
    }

    @Test
    void managementDoesNotEndDuringMethadoneTreatment() {
        add(DRUG_USE_RECORD, "2021-01-10").add(METHADONE_START, "2021-03-01", "MMT-01")
                .add(RECORD_CLOSED, "2022-01-01", null, "closure", "MANAGEMENT_ENDED");
        refused("closure.methadone");
    }

    @Test
    void aDeathClosesTheRecordWhereverThePersonWas() {
        compulsoryPath().add(RECORD_CLOSED, "2022-01-01", null, "closure", "DIED");
        assertThat(on("2021-12-31")).contains(PathStatus.IN_COMPULSORY);
        assertThat(on("2022-01-01")).isEmpty();
    }

    @Test
    void aClosureNamesItsReason() {
        add(DRUG_USE_RECORD, "2021-01-10").add(RECORD_CLOSED, "2022-01-01", null, "closure", "FORGOTTEN");
        refused("detail.value");
    }
}
