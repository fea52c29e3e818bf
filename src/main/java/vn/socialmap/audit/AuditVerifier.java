package vn.socialmap.audit;

import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Walks the chain from the first entry: each entry's hash must match its content, its
 * previous hash must be the hash of the entry before, ids must follow without gaps, and
 * the head must point at the last entry (a deleted tail shows there).
 */
@Service
public class AuditVerifier {

    private final JdbcClient jdbc;
    private final AuditSearch search;

    AuditVerifier(JdbcClient jdbc, AuditSearch search) {
        this.jdbc = jdbc;
        this.search = search;
    }

    /**
     * @param firstBrokenId the first entry that fails, or null when the chain holds
     */
    public record Result(boolean intact, long entriesChecked, Long firstBrokenId, String problem) {
    }

    @Transactional(readOnly = true)
    public Result verify() {
        var state = new Object() {
            long expectedId = 1;
            String previousHash = "0".repeat(64);
            long checked;
            Long brokenId;
            String problem;
        };
        search.forEach(AuditQuery.all(), e -> {
            if (state.brokenId != null) {
                return;
            }
            state.checked++;
            if (e.id() != state.expectedId) {
                state.brokenId = e.id();
                state.problem = "entries " + state.expectedId + " to " + (e.id() - 1) + " are missing";
            } else if (!e.previousHash().equals(state.previousHash)) {
                state.brokenId = e.id();
                state.problem = "previous hash does not match entry " + (e.id() - 1);
            } else if (!AuditHash.of(e).equals(e.hash())) {
                state.brokenId = e.id();
                state.problem = "content does not match its hash (entry was edited)";
            }
            state.expectedId = e.id() + 1;
            state.previousHash = e.hash();
        });
        if (state.brokenId != null) {
            return new Result(false, state.checked, state.brokenId, state.problem);
        }
        Map<String, Object> head = jdbc.sql("select last_id, last_hash from audit_head").query().singleRow();
        long lastId = ((Number) head.get("last_id")).longValue();
        if (lastId != state.expectedId - 1 || !((String) head.get("last_hash")).strip().equals(state.previousHash)) {
            return new Result(false, state.checked, state.expectedId,
                    "the chain ends at entry " + (state.expectedId - 1) + " but its head says " + lastId + " (entries removed)");
        }
        return new Result(true, state.checked, null, null);
    }
}
