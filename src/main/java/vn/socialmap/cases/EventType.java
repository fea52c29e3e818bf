package vn.socialmap.cases;

import java.util.List;

/**
 * The kinds of event on a person's path (Law on Drug Prevention and Control 2021, Decree
 * 116/2021), with the detail fields each one requires.
 */
public enum EventType {
    DRUG_USE_RECORD(List.of(), false),
    /**
     * The decision to manage a person who uses drugs, for one year from its date: by the commune People's
     * Committee chair under Law 73/2021 (Article 23), by the commune police chief under Law 120/2025 (Article 24).
     */
    MANAGEMENT_DECISION(List.of("decisionNumber"), false),
    /** A summons to appear at the commune police (Law 120/2025, Article 25 clause 2), with the day to appear. */
    SUMMONS(List.of("appearOn"), false),
    /**
     * The person moves to another commune of the province. Recorded by the commune they leave, which is how it
     * notifies the new one (Law 120/2025, Article 27 clause 2: within 24 hours); the person then has 24 hours to
     * report at the new commune (Article 25 clause 4).
     */
    RESIDENCE_MOVE(List.of("toCommune"), false),
    /** The person reported to the police of the commune they moved to (Law 120/2025, Article 25 clause 4). */
    REPORTED_AT_NEW_RESIDENCE(List.of(), false),
    ADDICTION_DETERMINATION(List.of("result"), true),
    VOLUNTARY_COMMUNITY_START(List.of("provider"), false),
    VOLUNTARY_COMMUNITY_END(List.of("outcome"), false),
    VOLUNTARY_FACILITY_ADMISSION(List.of(), true),
    VOLUNTARY_FACILITY_DISCHARGE(List.of("outcome"), false),
    COMPULSORY_DOSSIER(List.of(), false),
    COURT_DECISION(List.of("court", "decisionNumber", "months"), false),
    COMPULSORY_ADMISSION(List.of(), true),
    /**
     * A resident moves to another facility: the merger of Hanoi's facilities on 1 March 2025, a minor who turns
     * 18 (Law 120/2025, Article 36 clause 4), or a transfer by the provincial police director (Article 38).
     */
    FACILITY_TRANSFER(List.of("transferReason"), true),
    ABSCONDING(List.of(), false),
    RETURN(List.of(), false),
    RELEASE(List.of(), false),
    DETOX(List.of(), true),
    METHADONE_START(List.of(), true),
    METHADONE_STOP(List.of("reason"), false),
    POST_REHAB_START(List.of("plannedEnd", "assignee"), false),
    POST_REHAB_END(List.of(), false),
    RELAPSE(List.of(), false),
    SUPPORT(List.of("kind"), false),
    /**
     * Electronic monitoring ordered by the commune police chief during voluntary rehab at home or in
     * the community, substitution therapy or post-rehab management: Law 120/2025, Article 12, so from
     * 1 July 2026 only.
     */
    ELECTRONIC_MONITORING_START(List.of("orderNumber"), false),
    ELECTRONIC_MONITORING_END(List.of(), false),
    /**
     * The person removed, damaged or disturbed the device, or did not comply (Law 120/2025, Article 12 clause 3);
     * during home/community rehab or substitution therapy it is a ground for compulsory rehab (Article 47 clause 2).
     */
    ELECTRONIC_MONITORING_BREACH(List.of(), false),
    /**
     * The person leaves the list of people managed (died, moved out of the province, or the
     * management period ended without further use); a new drug-use record puts them back.
     */
    RECORD_CLOSED(List.of("closure"), false),
    /** Withdraws an event entered in error (with {@code supersedes}); history keeps both. */
    VOID(List.of(), false);

    private final List<String> requiredDetails;
    private final boolean requiresFacility;

    EventType(List<String> requiredDetails, boolean requiresFacility) {
        this.requiredDetails = requiredDetails;
        this.requiresFacility = requiresFacility;
    }

    public List<String> requiredDetails() {
        return requiredDetails;
    }

    /** Whether the event names a facility (rehab facility, clinic, designated health facility). */
    public boolean requiresFacility() {
        return requiresFacility;
    }
}
