package vn.socialmap.cases;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The counts plans and reports are made of, computed from events and status periods,
 * never stored. Superseded events and withdrawals do not count.
 */
@Service
@Transactional(readOnly = true)
public class CaseIndicators {

    private static final String EFFECTIVE = """
            e.type <> 'VOID' and not exists (select 1 from case_event c where c.supersedes_id = e.id)""";

    private final JdbcClient jdbc;
    private final StatusRollup rollup;

    CaseIndicators(JdbcClient jdbc, StatusRollup rollup) {
        this.jdbc = jdbc;
        this.rollup = rollup;
    }

    /** Changes whenever this node writes events' status periods, and when that transaction ends: a key for caches. */
    public long registryVersion() {
        return rollup.changes();
    }

    /** Whether the current transaction has changed the registry (its view is its own until it commits). */
    public boolean registryWrittenInThisTransaction() {
        return rollup.writtenInThisTransaction();
    }

    /** Events of a type dated from {@code from} to {@code to}, both included. */
    public long events(String provinceCode, EventType type, LocalDate from, LocalDate to) {
        return jdbc.sql("select count(*) from case_event e where e.province_code = :p and e.type = :t "
                        + "and e.event_date between :from and :to and " + EFFECTIVE)
                .param("p", provinceCode).param("t", type.name()).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query(Long.class).single();
    }

    /** Events of a type at the given facilities. */
    public long eventsAt(String provinceCode, EventType type, Collection<String> facilities, LocalDate from, LocalDate to) {
        return jdbc.sql("select count(*) from case_event e where e.province_code = :p and e.type = :t "
                        + "and e.facility_code in (:f) and e.event_date between :from and :to and " + EFFECTIVE)
                .param("p", provinceCode).param("t", type.name()).param("f", facilities)
                .param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query(Long.class).single();
    }

    /** Distinct facilities where events of a type happened. */
    public long facilitiesWith(String provinceCode, EventType type, LocalDate from, LocalDate to) {
        return jdbc.sql("select count(distinct e.facility_code) from case_event e where e.province_code = :p and e.type = :t "
                        + "and e.event_date between :from and :to and " + EFFECTIVE)
                .param("p", provinceCode).param("t", type.name()).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query(Long.class).single();
    }

    /** Support of one kind (loan, vocational training, job placement) in the period; at facilities only if asked. */
    public long support(String provinceCode, String kind, boolean atFacilitiesOnly, LocalDate from, LocalDate to) {
        return jdbc.sql("select count(*) from case_event e where e.province_code = :p and e.type = 'SUPPORT' "
                        + "and e.details ->> 'kind' = :k and e.event_date between :from and :to "
                        + (atFacilitiesOnly ? "and e.facility_code is not null " : "") + "and " + EFFECTIVE)
                .param("p", provinceCode).param("k", kind).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query(Long.class).single();
    }

    /**
     * A count of effective events, for plans: of some types, dated in a period, optionally
     * only of people living in a district, only at some facilities (or at any facility),
     * and for support events only of some kinds.
     */
    public record EventCount(String provinceCode, java.util.Set<EventType> types, LocalDate from, LocalDate to,
                             String districtCode, Collection<String> facilityCodes, boolean atAnyFacility,
                             Collection<String> supportKinds) {
    }

    public long count(EventCount q) {
        var params = new java.util.HashMap<String, Object>();
        String where = where(q, params);
        return jdbc.sql("select count(*) from case_event e join person p on p.id = e.person_id where " + where)
                .params(params).query(Long.class).single();
    }

    /** The same count per commune where the people live now; communes with none are absent. */
    public java.util.Map<String, Long> countByCommune(EventCount q) {
        var params = new java.util.HashMap<String, Object>();
        String where = where(q, params);
        var result = new java.util.TreeMap<String, Long>();
        jdbc.sql("select p.current_commune_code as code, count(*) as n from case_event e join person p on p.id = e.person_id where "
                        + where + " group by p.current_commune_code")
                .params(params).query((rs, n) -> result.put(rs.getString("code"), rs.getLong("n"))).list();
        return result;
    }

    private static String where(EventCount q, java.util.Map<String, Object> params) {
        StringBuilder sql = new StringBuilder("e.province_code = :p and e.type in (:types) and e.event_date between :from and :to and ")
                .append(EFFECTIVE);
        params.put("p", q.provinceCode());
        params.put("types", q.types().stream().map(Enum::name).toList());
        params.put("from", Date.valueOf(q.from()));
        params.put("to", Date.valueOf(q.to()));
        if (q.districtCode() != null) {
            sql.append(" and p.current_district_code = :district");
            params.put("district", q.districtCode());
        }
        if (q.facilityCodes() != null && !q.facilityCodes().isEmpty()) {
            sql.append(" and e.facility_code in (:facilities)");
            params.put("facilities", q.facilityCodes());
        } else if (q.atAnyFacility()) {
            sql.append(" and e.facility_code is not null");
        }
        if (q.supportKinds() != null && !q.supportKinds().isEmpty()) {
            sql.append(" and e.details ->> 'kind' in (:kinds)");
            params.put("kinds", q.supportKinds());
        }
        return sql.toString();
    }

    /**
     * The share (in percent) of people on record on {@code to} who received at least one
     * service in the period: an addiction determination, any rehab, detox, substitution
     * treatment, post-rehab management or support ("over 80% of managed people reach
     * services" in the plans).
     */
    public double reachedServicesPercent(String provinceCode, LocalDate from, LocalDate to, String districtCode) {
        long[] totals = new long[2];
        reachedServices(provinceCode, from, to, districtCode, "province_code").values().forEach(r -> {
            totals[0] += r[0];
            totals[1] += r[1];
        });
        return totals[0] == 0 ? 0 : 100.0 * totals[1] / totals[0];
    }

    /** The same share per commune of a district; communes with nobody on record are absent. */
    public java.util.Map<String, Double> reachedServicesPercentByCommune(String provinceCode, LocalDate from, LocalDate to,
                                                                        String districtCode) {
        var result = new java.util.TreeMap<String, Double>();
        reachedServices(provinceCode, from, to, districtCode, "commune_code")
                .forEach((code, r) -> result.put(code, r[0] == 0 ? 0 : 100.0 * r[1] / r[0]));
        return result;
    }

    /** People on record and those of them reached, grouped by a column of the status period. */
    private java.util.Map<String, long[]> reachedServices(String provinceCode, LocalDate from, LocalDate to, String districtCode,
                                                          String groupColumn) {
        String sql = "select s." + groupColumn + " as code, count(*) as on_record, count(*) filter (where exists ("
                + " select 1 from case_event e where e.person_id = s.person_id and e.type in ('ADDICTION_DETERMINATION',"
                + " 'VOLUNTARY_COMMUNITY_START', 'VOLUNTARY_FACILITY_ADMISSION', 'COMPULSORY_ADMISSION', 'DETOX',"
                + " 'METHADONE_START', 'POST_REHAB_START', 'SUPPORT') and e.event_date between :from and :to and " + EFFECTIVE
                + ")) as reached from person_status_period s where s.province_code = :p and s.status = 'ON_RECORD'"
                + " and s.valid_from <= :to" + (districtCode == null ? "" : " and s.district_code = :district")
                + " group by s." + groupColumn;
        var query = jdbc.sql(sql).param("p", provinceCode).param("from", Date.valueOf(from)).param("to", Date.valueOf(to));
        if (districtCode != null) {
            query = query.param("district", districtCode);
        }
        var result = new java.util.TreeMap<String, long[]>();
        query.query((rs, n) -> result.put(rs.getString("code"), new long[] {rs.getLong("on_record"), rs.getLong("reached")}))
                .list();
        return result;
    }

    /** People holding a status on a date per commune, of one district or (null) the whole province; communes with none are absent. */
    public java.util.Map<String, Long> holdingByCommune(String provinceCode, PathStatus status, LocalDate date, String districtCode) {
        var result = new java.util.TreeMap<String, Long>();
        var query = jdbc.sql("select commune_code as code, count(distinct person_id) as n from person_status_period where province_code = :p "
                        + (districtCode == null ? "" : "and district_code = :d ")
                        + "and status = :s and valid_from <= :date and (valid_to is null or valid_to > :date) group by commune_code")
                .param("p", provinceCode).param("s", status.name()).param("date", Date.valueOf(date));
        if (districtCode != null) {
            query = query.param("d", districtCode);
        }
        query.query((rs, n) -> result.put(rs.getString("code"), rs.getLong("n"))).list();
        return result;
    }

    /** People holding a status on a date, optionally in one district. */
    public long holding(String provinceCode, PathStatus status, LocalDate date, String districtCode) {
        if (districtCode == null) {
            return holding(provinceCode, status, date);
        }
        return jdbc.sql("select count(distinct person_id) from person_status_period where province_code = :p "
                        + "and district_code = :d and status = :s and valid_from <= :date and (valid_to is null or valid_to > :date)")
                .param("p", provinceCode).param("d", districtCode).param("s", status.name()).param("date", Date.valueOf(date))
                .query(Long.class).single();
    }

    /** People holding a status on a date. */
    public long holding(String provinceCode, PathStatus status, LocalDate date) {
        return jdbc.sql("select count(distinct person_id) from person_status_period where province_code = :p "
                        + "and status = :s and valid_from <= :d and (valid_to is null or valid_to > :d)")
                .param("p", provinceCode).param("s", status.name()).param("d", Date.valueOf(date))
                .query(Long.class).single();
    }
}
