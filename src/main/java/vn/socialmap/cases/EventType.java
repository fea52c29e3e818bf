package vn.socialmap.cases;

import java.util.List;

/**
 * The kinds of event on a person's path (Law on Drug Prevention and Control 2021, Decree
 * 116/2021), with the detail fields each one requires.
 */
public enum EventType {
    DRUG_USE_RECORD(List.of(), false),
    ADDICTION_DETERMINATION(List.of("result"), true),
    VOLUNTARY_COMMUNITY_START(List.of("provider"), false),
    VOLUNTARY_COMMUNITY_END(List.of("outcome"), false),
    VOLUNTARY_FACILITY_ADMISSION(List.of(), true),
    VOLUNTARY_FACILITY_DISCHARGE(List.of("outcome"), false),
    COMPULSORY_DOSSIER(List.of(), false),
    COURT_DECISION(List.of("court", "decisionNumber", "months"), false),
    COMPULSORY_ADMISSION(List.of(), true),
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
