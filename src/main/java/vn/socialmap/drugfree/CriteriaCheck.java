package vn.socialmap.drugfree;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import vn.socialmap.disclosure.Cell;

/**
 * Decides one commune's criteria from the facts of the registry and the evidence entered. A
 * criterion is met or not from the true value (recognition publishes exactly that: "no one on
 * record"); the value itself is published by the caller's disclosure rule (docs/disclosure.md).
 */
final class CriteriaCheck {

    private CriteriaCheck() {
    }

    /** How a count about people is published to the caller: (all records of the cell, those in the caller's area). */
    @FunctionalInterface
    interface Publish {
        long shown(Cell all, Cell inArea);
    }

    /**
     * The registry's facts for a province and year.
     *
     * @param all      per criterion id, per commune: the records counted (people or events) with their keys
     * @param inArea   the same, of the caller's own area only (empty when not needed)
     * @param hotspots active hotspots per commune
     * @param evidence latest evidence per commune and criterion id
     */
    record Facts(Map<String, Map<String, Cell>> all, Map<String, Map<String, Cell>> inArea, Map<String, Long> hotspots,
                 Map<String, Map<String, Evidence>> evidence) {
    }

    static List<CriterionResult> evaluate(String commune, List<DrugFreeSettings.Criterion> criteria, Facts facts,
                                          Publish publish, boolean exact, boolean seesHotspots) {
        List<CriterionResult> results = new ArrayList<>();
        for (DrugFreeSettings.Criterion c : criteria) {
            results.add(switch (c.kind()) {
                case PEOPLE_ON_RECORD, NEW_RECORDS -> {
                    Cell all = facts.all().getOrDefault(c.id(), Map.of()).getOrDefault(commune, Cell.EMPTY);
                    Cell own = facts.inArea().getOrDefault(c.id(), Map.of()).getOrDefault(commune, Cell.EMPTY);
                    yield new CriterionResult(c.id(), c.kind(), c.max(), all.count() <= c.max(), publish.shown(all, own), exact,
                            c.assumed(), c.source(), null, null, null, null);
                }
                case ACTIVE_HOTSPOTS -> {
                    long n = facts.hotspots().getOrDefault(commune, 0L);
                    // where hotspots lie is shown only to roles that see them; the flag is what recognition publishes
                    yield new CriterionResult(c.id(), c.kind(), c.max(), n <= c.max(), seesHotspots ? n : null, seesHotspots,
                            c.assumed(), c.source(), null, null, null, null);
                }
                case EVIDENCE -> {
                    Evidence e = facts.evidence().getOrDefault(commune, Map.of()).get(c.id());
                    yield e == null
                            ? new CriterionResult(c.id(), c.kind(), c.max(), null, null, true, c.assumed(), c.source(), null, null,
                                    null, null)
                            : new CriterionResult(c.id(), c.kind(), c.max(), e.value() <= c.max(), e.value(), true, c.assumed(),
                                    c.source(), e.evidence(), e.document(), e.recordedBy(), e.recordedAt());
                }
            });
        }
        return results;
    }

    /** All met: true; one not met: false; none failing but some not entered: null. */
    static Boolean allMet(List<CriterionResult> results) {
        if (results.stream().anyMatch(r -> Boolean.FALSE.equals(r.met()))) {
            return false;
        }
        return results.stream().allMatch(r -> Boolean.TRUE.equals(r.met())) ? Boolean.TRUE : null;
    }

    /**
     * The status of a commune for a year from its decisions (oldest first, each of its year): the
     * latest of the year; else, when recognitions carry over, RECOGNISED if the latest decision of
     * an earlier year recognised it.
     */
    static Standing standing(List<Decision> decisions, int year, boolean carriesOver) {
        Decision latestOfYear = null;
        Decision latestBefore = null;
        for (Decision d : decisions) {
            if (d.year() == year) {
                latestOfYear = d;
            } else if (d.year() < year && (latestBefore == null || d.year() >= latestBefore.year())) {
                latestBefore = d;
            }
        }
        if (latestOfYear != null) {
            return new Standing(latestOfYear.status(), latestOfYear, false);
        }
        if (carriesOver && latestBefore != null && latestBefore.status() == DrugFreeStatus.RECOGNISED) {
            return new Standing(DrugFreeStatus.RECOGNISED, latestBefore, true);
        }
        return new Standing(DrugFreeStatus.NOT_ASSESSED, null, false);
    }

    record Standing(DrugFreeStatus status, Decision decision, boolean carriedOver) {
    }
}
