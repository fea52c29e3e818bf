package vn.socialmap.cases;

import java.time.LocalDate;

/**
 * The law that judges an event, by the event's date: a path spanning the change is judged event
 * by event (docs/research/law-120-2025.md).
 */
public enum LegalRegime {

    /** Law 73/2021/QH14 with Decree 116/2021/NĐ-CP (as amended by Decree 184/2025/NĐ-CP). */
    LAW_73_2021,
    /** Law 120/2025/QH15, in force from 1 July 2026 (its Article 55, clause 1). */
    LAW_120_2025;

    public static final LocalDate LAW_120_IN_FORCE = LocalDate.of(2026, 7, 1);

    /** Rehab under Law 120/2025 (Article 29, clause 1): 24 months the first time, 36 from the second. */
    static final int FIRST_REHAB_MONTHS = 24;
    static final int LATER_REHAB_MONTHS = 36;

    public static LegalRegime on(LocalDate date) {
        return date.isBefore(LAW_120_IN_FORCE) ? LAW_73_2021 : LAW_120_2025;
    }

    /** The term of rehab a court decision of this law sets for a first rehab or a later one; 0 where a range applies. */
    public int rehabMonths(boolean earlierRehab) {
        return this == LAW_73_2021 ? 0 : earlierRehab ? LATER_REHAB_MONTHS : FIRST_REHAB_MONTHS;
    }
}
