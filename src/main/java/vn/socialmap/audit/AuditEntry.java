package vn.socialmap.audit;

import java.time.Instant;

/** One entry of the audit chain. */
public record AuditEntry(long id, Instant occurredAt, String username, String role, String area,
                         AuditAction action, String recordType, String recordIds, String clientAddress,
                         String reason, String details, String previousHash, String hash) {
}
