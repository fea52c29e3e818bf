package vn.socialmap.audit;

import vn.socialmap.base.SpreadsheetCsv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the audit log: search, count, CSV export. */
@Service
@Transactional(readOnly = true)
public class AuditSearch {

    private final JdbcClient jdbc;

    AuditSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<AuditEntry> find(AuditQuery query, int offset, int limit) {
        Where where = where(query);
        return jdbc.sql("select * from audit_entry" + where.sql + " order by id desc offset :offset limit :limit")
                .params(where.params).param("offset", offset).param("limit", limit)
                .query((rs, n) -> map(rs)).list();
    }

    public int count(AuditQuery query) {
        Where where = where(query);
        return jdbc.sql("select count(*) from audit_entry" + where.sql).params(where.params).query(Integer.class).single();
    }

    /** Streams the matching entries, oldest first. */
    public void forEach(AuditQuery query, Consumer<AuditEntry> consumer) {
        Where where = where(query);
        jdbc.sql("select * from audit_entry" + where.sql + " order by id").params(where.params)
                .query((ResultSet rs) -> {
                    consumer.accept(map(rs));
                });
    }

    public void exportCsv(AuditQuery query, Writer out) {
        try {
            var csv = SpreadsheetCsv.printer(out);
            SpreadsheetCsv.row(csv, "id", "occurred_at", "username", "role", "area", "action", "record_type", "record_ids",
                    "client_address", "reason", "details", "hash");
            forEach(query, e -> {
                try {
                    SpreadsheetCsv.row(csv, e.id(), e.occurredAt(), e.username(), e.role(), e.area(), e.action(),
                            e.recordType(), e.recordIds(), e.clientAddress(), e.reason(), e.details(), e.hash());
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            });
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static AuditEntry map(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("username"),
                rs.getString("role"), rs.getString("area"), AuditAction.valueOf(rs.getString("action")),
                rs.getString("record_type"), rs.getString("record_ids"), rs.getString("client_address"),
                rs.getString("reason"), rs.getString("details"), rs.getString("previous_hash").strip(),
                rs.getString("hash").strip());
    }

    private record Where(String sql, java.util.Map<String, Object> params) {
    }

    private static Where where(AuditQuery q) {
        List<String> clauses = new ArrayList<>();
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        if (q.username() != null && !q.username().isBlank()) {
            clauses.add("username = :username");
            params.put("username", q.username().strip().toLowerCase(java.util.Locale.ROOT));
        }
        if (q.action() != null) {
            clauses.add("action = :action");
            params.put("action", q.action().name());
        }
        if (q.recordId() != null && !q.recordId().isBlank()) {
            clauses.add("(',' || record_ids || ',') like :recordId");
            params.put("recordId", "%," + q.recordId().strip().replace("%", "").replace("_", "") + ",%");
        }
        if (q.from() != null) {
            clauses.add("occurred_at >= :from");
            params.put("from", Timestamp.from(q.from()));
        }
        if (q.to() != null) {
            clauses.add("occurred_at < :to");
            params.put("to", Timestamp.from(q.to()));
        }
        return new Where(clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses), params);
    }
}
