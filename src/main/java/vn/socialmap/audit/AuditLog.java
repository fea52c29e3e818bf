package vn.socialmap.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends entries to the audit chain. An entry belongs to the caller's transaction, so an
 * audited change and its entry commit or roll back together. Entries are chained just
 * before that transaction commits: the chain's head row is locked from then to the commit
 * only, not while the caller reads or writes (under load, callers holding the head lock
 * for their whole transaction made half of the database sessions wait for it). The chain
 * is therefore in commit order.
 */
@Service
public class AuditLog {

    private static final int MAX_TEXT = 4000;

    private final JdbcClient jdbc;
    private final ActorResolver actors;
    private final Clock clock;
    private final EntityManager entities;

    AuditLog(JdbcClient jdbc, ActorResolver actors, Clock clock, EntityManager entities) {
        this.jdbc = jdbc;
        this.actors = actors;
        this.clock = clock;
        this.entities = entities;
    }

    /** Records an action of the current user. */
    @Transactional
    public void record(AuditAction action, String recordType, Collection<?> recordIds, String reason, String details) {
        record(actors.current(), action, recordType, recordIds, reason, details);
    }

    /**
     * Records an action of the current user in a transaction of its own: kept even when the
     * caller's transaction is rolled back, as it is when the action ends in a refusal.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.REQUIRES_NEW)
    public void recordEvenIfRefused(AuditAction action, String recordType, Collection<?> recordIds, String reason, String details) {
        record(actors.current(), action, recordType, recordIds, reason, details);
    }

    @Transactional
    public void record(AuditAction action, String recordType, Collection<?> recordIds) {
        record(action, recordType, recordIds, null, null);
    }

    @Transactional
    public void record(Actor actor, AuditAction action, String recordType, Collection<?> recordIds,
                       String reason, String details) {
        // PostgreSQL keeps microseconds: hash exactly what is stored.
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        // Ids are never clipped: the log must name every record that was looked at.
        String ids = recordIds == null || recordIds.isEmpty() ? null
                : String.join(",", recordIds.stream().map(String::valueOf).toList());
        entriesOfThisTransaction().add(new AuditEntry(0, at, actor.username(), actor.role(), actor.area(), action,
                recordType, ids, actor.clientAddress(), clip(reason), clip(details), null, null));
    }

    /** Entries recorded in the current transaction, without id and hash until it commits. */
    public List<AuditEntry> recordedInThisTransaction() {
        ChainAtCommit pending = TransactionSynchronizationManager.isSynchronizationActive() ? pendingOfThisTransaction() : null;
        return pending == null ? List.of() : List.copyOf(pending.entries);
    }

    private List<AuditEntry> entriesOfThisTransaction() {
        ChainAtCommit pending = pendingOfThisTransaction();
        if (pending == null) {
            pending = new ChainAtCommit(this);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        return pending.entries;
    }

    private ChainAtCommit pendingOfThisTransaction() {
        // synchronizations are suspended with their transaction, so a nested one gets its own
        for (TransactionSynchronization sync : TransactionSynchronizationManager.getSynchronizations()) {
            if (sync instanceof ChainAtCommit pending && pending.owner == this) {
                return pending;
            }
        }
        return null;
    }

    /** Identity-equal: synchronizations live in a set while their list of entries grows. */
    private static final class ChainAtCommit implements TransactionSynchronization {
        private final AuditLog owner;
        private final List<AuditEntry> entries = new ArrayList<>();

        private ChainAtCommit(AuditLog owner) {
            this.owner = owner;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            if (!readOnly && owner.entities.isJoinedToTransaction()) {
                // the caller's own writes first, so the head is held for the appends and the commit only
                owner.entities.flush();
            }
            owner.chain(entries);
        }
    }

    private void chain(List<AuditEntry> entries) {
        Map<String, Object> head = jdbc.sql("select last_id, last_hash from audit_head for update").query().singleRow();
        long id = ((Number) head.get("last_id")).longValue();
        String previous = ((String) head.get("last_hash")).strip();
        for (AuditEntry e : entries) {
            id++;
            AuditEntry unsigned = new AuditEntry(id, e.occurredAt(), e.username(), e.role(), e.area(), e.action(),
                    e.recordType(), e.recordIds(), e.clientAddress(), e.reason(), e.details(), previous, null);
            String hash = AuditHash.of(unsigned);
            jdbc.sql("""
                    insert into audit_entry (id, occurred_at, username, role, area, action, record_type, record_ids,
                                             client_address, reason, details, previous_hash, hash)
                    values (:id, :at, :username, :role, :area, :action, :recordType, :recordIds,
                            :clientAddress, :reason, :details, :previousHash, :hash)""")
                    .param("id", id).param("at", Timestamp.from(e.occurredAt())).param("username", e.username())
                    .param("role", e.role()).param("area", e.area()).param("action", e.action().name())
                    .param("recordType", e.recordType()).param("recordIds", e.recordIds())
                    .param("clientAddress", e.clientAddress()).param("reason", e.reason()).param("details", e.details())
                    .param("previousHash", previous).param("hash", hash)
                    .update();
            previous = hash;
        }
        jdbc.sql("update audit_head set last_id = :id, last_hash = :hash").param("id", id).param("hash", previous).update();
    }

    private static String clip(String text) {
        return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
    }
}
