package vn.socialmap.cases;

import java.time.LocalDate;
import java.util.Map;

/**
 * A new event as entered. {@code supersedes} is the id of an earlier event this one
 * corrects (or, with type VOID, withdraws).
 */
public record EventForm(EventType type, LocalDate date, String facilityCode, Map<String, Object> details, Long supersedes) {

    /** The same event with one more detail. */
    public EventForm withDetail(String key, Object value) {
        Map<String, Object> more = new java.util.HashMap<>(details == null ? Map.of() : details);
        more.put(key, value);
        return new EventForm(type, date, facilityCode, more, supersedes);
    }
}
