package vn.socialmap.drugfree;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What recognising a drug-free commune requires, as settings: the criteria text of Decision
 * 28/2025/QĐ-TTg was not retrieved (docs/research/drug-free-communes.md §1.3), so every
 * criterion and threshold here carries its source and whether it is assumed until the
 * official text is checked.
 *
 * @param criteria                 the criteria, in the order shown
 * @param recognitionCarriesOver   whether a commune recognised in a year stays recognised in the
 *                                 following years until a decision says it lost the status
 * @param carryOverSource          where that rule comes from
 * @param carryOverAssumed         whether that rule is assumed
 * @param authority                the deciding body suggested in forms
 */
@ConfigurationProperties("socialmap.drug-free")
public record DrugFreeSettings(List<Criterion> criteria, boolean recognitionCarriesOver, String carryOverSource,
                               boolean carryOverAssumed, String authority) {

    public DrugFreeSettings {
        criteria = criteria == null ? List.of() : List.copyOf(criteria);
        authority = authority == null ? "" : authority;
    }

    /** Where a criterion's value comes from. */
    public enum Kind {
        /** People holding one of {@code statuses} on the assessment day, by residence in the commune. */
        PEOPLE_ON_RECORD,
        /** Drug-use records (DRUG_USE_RECORD events) dated in the year up to the assessment day. */
        NEW_RECORDS,
        /** Police-reported hotspots (facility type HOTSPOT) active on the assessment day in the commune. */
        ACTIVE_HOTSPOTS,
        /** A value entered with evidence by an officer. */
        EVIDENCE
    }

    /**
     * One criterion: met when its value is at most {@code max}.
     *
     * @param id       stable id (translation key {@code drugfree.criterion.<id>})
     * @param statuses for PEOPLE_ON_RECORD: the path statuses that count
     * @param assumed  true while the criterion or its threshold is not confirmed by the decision's text
     * @param source   where the criterion and its threshold come from
     */
    public record Criterion(String id, Kind kind, long max, List<String> statuses, boolean assumed, String source) {

        public Criterion {
            statuses = statuses == null ? List.of() : List.copyOf(statuses);
        }

        public boolean fromRegistry() {
            return kind != Kind.EVIDENCE;
        }
    }

    public Criterion criterion(String id) {
        return criteria.stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
    }
}
