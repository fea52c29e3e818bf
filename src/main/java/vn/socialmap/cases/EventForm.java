package vn.socialmap.cases;

import java.time.LocalDate;
import java.util.Map;

/**
 * A new event as entered. {@code supersedes} is the id of an earlier event this one
 * corrects (or, with type VOID, withdraws).
 */
public record EventForm(EventType type, LocalDate date, String facilityCode, Map<String, Object> details, Long supersedes) {
}
