package vn.socialmap.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends entries to the audit chain. An append joins the caller's transaction, so an
 * audited change and its entry commit or roll back together; appends are serialised by
 * a lock on the chain's head row.
 */
@Service
public class AuditLog {

    private static final int MAX_TEXT = 4000;

    private final JdbcClient jdbc;
    private final ActorResolver actors;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, ActorResolver actors, Clock clock) {
        this.jdbc = jdbc;
        this.actors = actors;
        this.clock = clock;
    }

    /** Records an action of the current user. */
    @Transactional
    public AuditEntry record(AuditAction action, String recordType, Collection<?> recordIds, String reason, String details) {
        return record(actors.current(), action, recordType, recordIds, reason, details);
    }

    @Transactional
    public AuditEntry record(AuditAction action, String recordType, Collection<?> recordIds) {
        return record(action, recordType, recordIds, null, null);
    }

    @Transactional
    public AuditEntry record(Actor actor, AuditAction action, String recordType, Collection<?> recordIds,
                             String reason, String details) {
        Map<String, Object> head = jdbc.sql("select last_id, last_hash from audit_head for update").query().singleRow();
        long id = ((Number) head.get("last_id")).longValue() + 1;
        String previous = ((String) head.get("last_hash")).strip();
        // PostgreSQL keeps microseconds: hash exactly what is stored.
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        // Ids are never clipped: the log must name every record that was looked at.
        String ids = recordIds == null || recordIds.isEmpty() ? null
                : String.join(",", recordIds.stream().map(String::valueOf).toList());
        AuditEntry unsigned = new AuditEntry(id, at, actor.username(), actor.role(), actor.area(), action,
                recordType, ids, actor.clientAddress(), clip(reason), clip(details), previous, null);
        String hash = AuditHash.of(unsigned);
        jdbc.sql("""
                insert into audit_entry (id, occurred_at, username, role, area, action, record_type, record_ids,
                                         client_address, reason, details, previous_hash, hash)
                values (:id, :at, :username, :role, :area, :action, :recordType, :recordIds,
                        :clientAddress, :reason, :details, :previousHash, :hash)""")
                .param("id", id).param("at", Timestamp.from(at)).param("username", actor.username())
                .param("role", actor.role()).param("area", actor.area()).param("action", action.name())
                .param("recordType", recordType).param("recordIds", ids).param("clientAddress", actor.clientAddress())
                .param("reason", unsigned.reason()).param("details", unsigned.details())
                .param("previousHash", previous).param("hash", hash)
                .update();
        jdbc.sql("update audit_head set last_id = :id, last_hash = :hash").param("id", id).param("hash", hash).update();
        return new AuditEntry(id, at, actor.username(), actor.role(), actor.area(), action, recordType, ids,
                actor.clientAddress(), unsigned.reason(), unsigned.details(), previous, hash);
    }

    private static String clip(String text) {
        return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
    }
}
