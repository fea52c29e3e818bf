package vn.socialmap.audit;

import java.time.Instant;

/**
 * A search of the audit log; null fields do not filter.
 *
 * @param recordId matches entries whose record list contains this id
 */
public record AuditQuery(String username, AuditAction action, String recordId, Instant from, Instant to) {

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null);
    }
}
