package vn.socialmap.audit;

import java.util.Locale;

/**
 * Names an audit entry's area ("COMMUNE:2025-07/00004") in words for the people reading the log.
 * Implemented where areas are known (security), so that the audit module depends on no other.
 */
public interface AuditAreaNames {

    /** The area in words, or the label itself when it names nothing known. */
    String name(String areaLabel, Locale locale);
}
