package vn.socialmap.drugfree;

import java.util.List;

/**
 * A commune of today's structure for a year: its status (and the decision that set it, null when
 * not assessed), whether its status was carried over from an earlier year, and its criteria.
 *
 * @param criteriaMet true when every criterion is met, false when one is not, null when none fails but
 *                    evidence is missing for some
 */
public record CommuneAssessment(String code, String name, String unitType, int year, DrugFreeStatus status,
                                Decision decision, boolean carriedOver, List<CriterionResult> criteria,
                                Boolean criteriaMet) {
}
