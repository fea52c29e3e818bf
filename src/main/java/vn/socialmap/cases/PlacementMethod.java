package vn.socialmap.cases;

/** How a person's residence was placed in a structure (see {@link ResidencePlacement}). */
public enum PlacementMethod {
    /** The commune the user entered. */
    RECORDED,
    /** The commune an officer chose for a provisional placement. */
    CONFIRMED,
    /** The commune holding the residence point. */
    POINT,
    /** The only commune the crosswalk leads to. */
    WHOLE,
    /** The one candidate the address names. */
    ADDRESS,
    /** The candidate with the largest population share, until an officer confirms or moves it. */
    PROVISIONAL;

    /** Whether a person's entry decided it (the others are derived from these). */
    public boolean isAnchor() {
        return this == RECORDED || this == CONFIRMED;
    }
}
