package vn.socialmap.drugfree;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class DrugFreeRepository {

    private final JdbcClient jdbc;

    DrugFreeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every decision of a province's communes up to a year, decided on or before a day, oldest first. */
    List<Decision> decisions(String province, String structure, int upToYear, LocalDate decidedBy) {
        return jdbc.sql("""
                select * from drug_free_assessment where province_code = :p and structure = :s and year <= :y
                  and decided_on <= :d order by commune_code, year, decided_on, recorded_at, id""")
                .param("p", province).param("s", structure).param("y", upToYear).param("d", Date.valueOf(decidedBy))
                .query((rs, n) -> decision(rs)).list();
    }

    /** One commune's decisions, oldest first (its history). */
    List<Decision> history(String province, String structure, String commune) {
        return jdbc.sql("""
                select * from drug_free_assessment where province_code = :p and structure = :s and commune_code = :c
                order by year, decided_on, recorded_at, id""")
                .param("p", province).param("s", structure).param("c", commune).query((rs, n) -> decision(rs)).list();
    }

    /** The latest evidence per commune and criterion for a year, entered on or before a day. */
    Map<String, Map<String, Evidence>> latestEvidence(String province, String structure, int year) {
        Map<String, Map<String, Evidence>> result = new HashMap<>();
        jdbc.sql("""
                select distinct on (commune_code, criterion) * from drug_free_evidence
                where province_code = :p and structure = :s and year = :y
                order by commune_code, criterion, recorded_at desc, id desc""")
                .param("p", province).param("s", structure).param("y", year)
                .query((rs, n) -> evidence(rs)).list()
                .forEach(e -> result.computeIfAbsent(e.communeCode(), k -> new HashMap<>()).put(e.criterion(), e));
        return result;
    }

    /** Every evidence entry of a commune, oldest first. */
    List<Evidence> evidenceHistory(String province, String structure, String commune) {
        return jdbc.sql("""
                select * from drug_free_evidence where province_code = :p and structure = :s and commune_code = :c
                order by year, criterion, recorded_at, id""")
                .param("p", province).param("s", structure).param("c", commune).query((rs, n) -> evidence(rs)).list();
    }

    /**
     * Police-reported hotspots active at some time from {@code from} to {@code to} per commune of a
     * structure, by their location. Read from the facility registry's table: a count per commune for
     * every caller (the registry's own reads hide hotspots from roles that may not see them, which
     * would make the criterion pass for them).
     */
    Map<String, Long> activeHotspots(String province, String structure, LocalDate from, LocalDate to) {
        Map<String, Long> result = new TreeMap<>();
        jdbc.sql("""
                select u.code, count(*) as n from facility f
                join admin_unit u on u.structure = :s and u.level = 'COMMUNE' and u.province_code = :p
                  and in_force(u.valid_from, u.valid_to, :to) and ST_Covers(u.geom, f.location)
                where f.province_code = :p and f.type = 'HOTSPOT'
                  and not (f.status = 'CLOSED' and f.status_since <= :from)
                  and coalesce((f.details ->> 'periodFrom')::date, date '1900-01-01') <= :to
                  and coalesce((f.details ->> 'periodTo')::date, date '9999-12-31') >= :from
                group by u.code""")
                .param("p", province).param("s", structure).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query((rs, n) -> result.put(rs.getString("code"), rs.getLong("n"))).list();
        return result;
    }

    long insertDecision(String province, String structure, String commune, int year, DrugFreeStatus status, String decidedBy,
                        LocalDate decidedOn, String reference, String recordedBy, Instant recordedAt, boolean demo) {
        return jdbc.sql("""
                insert into drug_free_assessment (province_code, structure, commune_code, year, status, decided_by, decided_on,
                  reference, recorded_by, recorded_at, demo)
                values (:p, :s, :c, :y, :st, :by, :on, :ref, :rb, :ra, :demo) returning id""")
                .param("p", province).param("s", structure).param("c", commune).param("y", year).param("st", status.name())
                .param("by", decidedBy).param("on", Date.valueOf(decidedOn)).param("ref", reference).param("rb", recordedBy)
                .param("ra", Timestamp.from(recordedAt)).param("demo", demo).query(Long.class).single();
    }

    long insertEvidence(String province, String structure, String commune, int year, String criterion, long value,
                        String evidence, String document, String recordedBy, Instant recordedAt, boolean demo) {
        return jdbc.sql("""
                insert into drug_free_evidence (province_code, structure, commune_code, year, criterion, value, evidence, document,
                  recorded_by, recorded_at, demo)
                values (:p, :s, :c, :y, :cr, :v, :e, :doc, :rb, :ra, :demo) returning id""")
                .param("p", province).param("s", structure).param("c", commune).param("y", year).param("cr", criterion)
                .param("v", value).param("e", evidence).param("doc", document).param("rb", recordedBy)
                .param("ra", Timestamp.from(recordedAt)).param("demo", demo).query(Long.class).single();
    }

    /** Grows with every decision or evidence entry: a key for caches. */
    long version() {
        return jdbc.sql("""
                select coalesce((select max(id) from drug_free_assessment), 0) * 1000003
                     + coalesce((select max(id) from drug_free_evidence), 0)""").query(Long.class).single();
    }

    boolean hasDemo(String province) {
        return jdbc.sql("select exists (select 1 from drug_free_assessment where province_code = :p and demo)")
                .param("p", province).query(Boolean.class).single();
    }

    private static Decision decision(ResultSet rs) throws SQLException {
        return new Decision(rs.getLong("id"), rs.getString("commune_code"), rs.getInt("year"),
                DrugFreeStatus.valueOf(rs.getString("status")), rs.getString("decided_by"), rs.getDate("decided_on").toLocalDate(),
                rs.getString("reference"), rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant(),
                rs.getBoolean("demo"));
    }

    private static Evidence evidence(ResultSet rs) throws SQLException {
        return new Evidence(rs.getLong("id"), rs.getString("commune_code"), rs.getInt("year"), rs.getString("criterion"),
                rs.getLong("value"), rs.getString("evidence"), rs.getString("document"), rs.getString("recorded_by"),
                rs.getTimestamp("recorded_at").toInstant(), rs.getBoolean("demo"));
    }
}
