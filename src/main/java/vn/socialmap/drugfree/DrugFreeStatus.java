package vn.socialmap.drugfree;

/**
 * A commune's drug-free status for a year. NOT_ASSESSED is never stored: it is what a commune
 * without a decision (for the year, or carried over) has. Labels: {@code drugfree.status.<name>}.
 */
public enum DrugFreeStatus {
    NOT_ASSESSED, PROPOSED, RECOGNISED, LOST;

    /** Whether recording this status is a decision of the council (not a commune's proposal). */
    public boolean decidedByCouncil() {
        return this == RECOGNISED || this == LOST;
    }
}
