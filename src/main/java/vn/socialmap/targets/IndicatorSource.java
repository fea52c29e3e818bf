package vn.socialmap.targets;

import java.time.LocalDate;
import java.util.Set;

/**
 * Computes the actual of indicator kinds that another module owns (drug-free communes counted
 * from their decisions), so plans can count them without this module depending on that one.
 * Such figures are not about people: they are published exactly to everyone. A plan's progress
 * on them is expected to grow with the period elapsed (things achieved towards a target).
 */
public interface IndicatorSource {

    /** The definition kinds this source computes, e.g. {@code DRUG_FREE_COMMUNES}. */
    Set<IndicatorKind> kinds();

    /**
     * The actual for a province on {@code end} (the period {@code from}..{@code end} of the plan
     * in force; a stock figure reads the state on {@code end}).
     */
    long actual(IndicatorKind kind, String provinceCode, LocalDate from, LocalDate end);

    /** Grows with every change of what the source counts: a key for caches of progress. */
    long version();
}
