package vn.socialmap.analytics;

import java.util.EnumSet;
import java.util.Set;

import vn.socialmap.cases.EventType;
import vn.socialmap.cases.PathStatus;

/**
 * Per-unit indicators analytics can run on: people holding a status on a date, or events
 * in a period. Rates per population will join them when populations are imported.
 */
public enum AnalyticsIndicator implements vn.socialmap.base.web.ApiValue {
    PERSONS(PathStatus.ON_RECORD, null),
    POST_REHAB(PathStatus.POST_REHAB, null),
    METHADONE(PathStatus.ON_METHADONE, null),
    RELAPSES(null, EnumSet.of(EventType.RELAPSE)),
    COMPULSORY_ADMISSIONS(null, EnumSet.of(EventType.COMPULSORY_ADMISSION));

    private final PathStatus status;
    private final Set<EventType> events;

    AnalyticsIndicator(PathStatus status, Set<EventType> events) {
        this.status = status;
        this.events = events;
    }

    /** People holding this status on the date, or null for an event count. */
    public PathStatus status() {
        return status;
    }

    /** Events counted in the period, or null for a status. */
    public Set<EventType> events() {
        return events;
    }

    /** The API's code: lower case with underscores ("post_rehab"). */
    public String code() {
        return apiValue();
    }

    /** "people" for a status held on a date, "events" for a count in a period. */
    public String unit() {
        return status != null ? "people" : "events";
    }

    public static java.util.Optional<AnalyticsIndicator> fromCode(String code) {
        for (AnalyticsIndicator i : values()) {
            if (i.code().equalsIgnoreCase(code)) {
                return java.util.Optional.of(i);
            }
        }
        return java.util.Optional.empty();
    }
}
