package vn.socialmap.drugfree;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.socialmap.disclosure.Cell;
import vn.socialmap.drugfree.DrugFreeSettings.Criterion;
import vn.socialmap.drugfree.DrugFreeSettings.Kind;

/** The criteria and the status history on hand-built fixtures (no database). */
class DrugFreeCriteriaTest {

    private static final Criterion PEOPLE = new Criterion("PEOPLE_ON_RECORD", Kind.PEOPLE_ON_RECORD, 0, List.of("USING"), true, "s1");
    private static final Criterion NEW = new Criterion("NEW_RECORDS", Kind.NEW_RECORDS, 0, List.of(), true, "s2");
    private static final Criterion HOTSPOTS = new Criterion("ACTIVE_HOTSPOTS", Kind.ACTIVE_HOTSPOTS, 0, List.of(), true, "s3");
    private static final Criterion OFFENCES = new Criterion("DRUG_OFFENCES", Kind.EVIDENCE, 0, List.of(), true, "s4");
    private static final List<Criterion> ALL = List.of(PEOPLE, NEW, HOTSPOTS, OFFENCES);
    /** Publishes counts as they are (an administrator). */
    private static final CriteriaCheck.Publish EXACT = (all, own) -> all.count();

    private static CriteriaCheck.Facts facts(Map<String, Cell> people, Map<String, Long> hotspots, Map<String, Evidence> evidence) {
        return new CriteriaCheck.Facts(Map.of(PEOPLE.id(), people, NEW.id(), Map.of()), Map.of(), hotspots,
                Map.of("A", evidence));
    }

    private static Evidence offences(long value) {
        return new Evidence(1, "A", 2026, OFFENCES.id(), value, "Biên bản", "BB-1", "commune-A", Instant.EPOCH, false);
    }

    private static CriterionResult result(List<CriterionResult> results, String id) {
        return results.stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aPersonOnRecordFailsTheCommuneAndNoneMeetsIt() {
        var facts = facts(Map.of("A", new Cell(1, 12345)), Map.of(), Map.of("DRUG_OFFENCES", offences(0)));
        var a = CriteriaCheck.evaluate("A", ALL, facts, EXACT, true, true);
        assertThat(result(a, "PEOPLE_ON_RECORD").met()).isFalse();
        assertThat(result(a, "PEOPLE_ON_RECORD").value()).isEqualTo(1);
        assertThat(CriteriaCheck.allMet(a)).isFalse();
        // commune B: nobody on record, nothing new, no hotspot, but no evidence entered for it
        var b = CriteriaCheck.evaluate("B", ALL, facts, EXACT, true, true);
        assertThat(result(b, "PEOPLE_ON_RECORD").met()).isTrue();
        assertThat(result(b, "PEOPLE_ON_RECORD").value()).isZero();
        assertThat(result(b, "NEW_RECORDS").met()).isTrue();
        assertThat(result(b, "DRUG_OFFENCES").met()).isNull();
        assertThat(CriteriaCheck.allMet(b)).isNull();
    }

    @Test
    void aHotspotFailsTheCommuneAndIsHiddenFromRolesThatDoNotSeeHotspots() {
        var facts = facts(Map.of(), Map.of("A", 1L), Map.of("DRUG_OFFENCES", offences(0)));
        var seen = CriteriaCheck.evaluate("A", ALL, facts, EXACT, true, true);
        assertThat(result(seen, "ACTIVE_HOTSPOTS").met()).isFalse();
        assertThat(result(seen, "ACTIVE_HOTSPOTS").value()).isEqualTo(1);
        assertThat(CriteriaCheck.allMet(seen)).isFalse();
        var hidden = CriteriaCheck.evaluate("A", ALL, facts, EXACT, true, false);
        assertThat(result(hidden, "ACTIVE_HOTSPOTS").met()).isFalse();
        assertThat(result(hidden, "ACTIVE_HOTSPOTS").value()).isNull();
    }

    @Test
    void evidenceEnteredCounts() {
        var clean = CriteriaCheck.evaluate("A", ALL, facts(Map.of(), Map.of(), Map.of("DRUG_OFFENCES", offences(0))), EXACT, true,
                true);
        assertThat(result(clean, "DRUG_OFFENCES").met()).isTrue();
        assertThat(result(clean, "DRUG_OFFENCES").evidence()).isEqualTo("Biên bản");
        assertThat(result(clean, "DRUG_OFFENCES").enteredBy()).isEqualTo("commune-A");
        assertThat(CriteriaCheck.allMet(clean)).isTrue();
        var arrests = CriteriaCheck.evaluate("A", ALL, facts(Map.of(), Map.of(), Map.of("DRUG_OFFENCES", offences(2))), EXACT,
                true, true);
        assertThat(result(arrests, "DRUG_OFFENCES").met()).isFalse();
        assertThat(CriteriaCheck.allMet(arrests)).isFalse();
    }

    @Test
    void thresholdsAreReadFromTheSettings() {
        Criterion lenient = new Criterion("PEOPLE_ON_RECORD", Kind.PEOPLE_ON_RECORD, 2, List.of("USING"), true, "test");
        var facts = facts(Map.of("A", new Cell(2, 7), "B", new Cell(3, 9)), Map.of(), Map.of());
        assertThat(CriteriaCheck.evaluate("A", List.of(lenient), facts, EXACT, true, true).getFirst().met()).isTrue();
        assertThat(CriteriaCheck.evaluate("B", List.of(lenient), facts, EXACT, true, true).getFirst().met()).isFalse();
        assertThat(CriteriaCheck.evaluate("A", List.of(PEOPLE), facts, EXACT, true, true).getFirst().met()).isFalse();
    }

    @Test
    void theFlagComesFromTheTrueCountAndTheValueFromThePublishingRule() {
        // a perturbed 5 published as 0 still fails the criterion; a true 0 is published as 0
        CriteriaCheck.Publish perturbed = (all, own) -> all.count() == 5 ? 0 : all.count() == 0 ? 0 : all.count() + 1;
        var facts = facts(Map.of("A", new Cell(5, 1)), Map.of(), Map.of());
        var a = result(CriteriaCheck.evaluate("A", ALL, facts, perturbed, false, false), "PEOPLE_ON_RECORD");
        assertThat(a.met()).isFalse();
        assertThat(a.value()).isZero();
        assertThat(a.exact()).isFalse();
        var b = result(CriteriaCheck.evaluate("B", ALL, facts, perturbed, false, false), "PEOPLE_ON_RECORD");
        assertThat(b.met()).isTrue();
        assertThat(b.value()).isZero();
    }

    private static Decision decision(long id, int year, DrugFreeStatus status, LocalDate on) {
        return new Decision(id, "A", year, status, "Hội đồng", on, null, "police-01", Instant.EPOCH, false);
    }

    @Test
    void statusHistoryProposedRecognisedLostAndCarriedOver() {
        Decision proposed = decision(1, 2025, DrugFreeStatus.PROPOSED, LocalDate.of(2025, 11, 1));
        Decision recognised = decision(2, 2025, DrugFreeStatus.RECOGNISED, LocalDate.of(2025, 12, 20));
        Decision lost = decision(3, 2026, DrugFreeStatus.LOST, LocalDate.of(2026, 9, 1));
        assertThat(CriteriaCheck.standing(List.of(), 2025, true).status()).isEqualTo(DrugFreeStatus.NOT_ASSESSED);
        assertThat(CriteriaCheck.standing(List.of(proposed), 2025, true).status()).isEqualTo(DrugFreeStatus.PROPOSED);
        var y2025 = CriteriaCheck.standing(List.of(proposed, recognised), 2025, true);
        assertThat(y2025.status()).isEqualTo(DrugFreeStatus.RECOGNISED);
        assertThat(y2025.decision()).isEqualTo(recognised);
        // the next year: carried over when the setting says so, not assessed otherwise
        var carried = CriteriaCheck.standing(List.of(proposed, recognised), 2026, true);
        assertThat(carried.status()).isEqualTo(DrugFreeStatus.RECOGNISED);
        assertThat(carried.carriedOver()).isTrue();
        assertThat(CriteriaCheck.standing(List.of(proposed, recognised), 2026, false).status())
                .isEqualTo(DrugFreeStatus.NOT_ASSESSED);
        var afterLoss = CriteriaCheck.standing(List.of(proposed, recognised, lost), 2026, true);
        assertThat(afterLoss.status()).isEqualTo(DrugFreeStatus.LOST);
        assertThat(afterLoss.decision()).isEqualTo(lost);
        // 2025 keeps its own history
        assertThat(CriteriaCheck.standing(List.of(proposed, recognised, lost), 2025, true).status())
                .isEqualTo(DrugFreeStatus.RECOGNISED);
        // a loss is not carried into a later year
        assertThat(CriteriaCheck.standing(List.of(proposed, recognised, lost), 2027, true).status())
                .isEqualTo(DrugFreeStatus.NOT_ASSESSED);
    }
}
