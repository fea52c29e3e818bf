package vn.socialmap.cases;

/**
 * Where a person is on their path on a date, derived from events. A person holds
 * ON_RECORD from their first event, one main status, and ON_METHADONE alongside while
 * in substitution treatment.
 */
public enum PathStatus {
    ON_RECORD(false),
    /** Illegal drug use on record, managed by the commune. */
    USING(true),
    /** Determined addicted, not yet in rehab. */
    ADDICTED(true),
    VOLUNTARY_COMMUNITY(true),
    VOLUNTARY_FACILITY(true),
    /** Compulsory rehab dossier prepared or court decision issued, not yet admitted. */
    COMPULSORY_PENDING(true),
    IN_COMPULSORY(true),
    ABSCONDED(true),
    /** Rehab finished, not under post-rehab management. */
    AFTER_REHAB(true),
    POST_REHAB(true),
    RELAPSED(true),
    ON_METHADONE(false);

    private final boolean main;

    PathStatus(boolean main) {
        this.main = main;
    }

    /** Whether this is a main path status (exactly one holds at a time), not a concurrent one. */
    public boolean isMain() {
        return main;
    }
}
