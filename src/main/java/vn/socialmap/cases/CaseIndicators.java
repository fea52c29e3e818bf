package vn.socialmap.cases;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The counts plans and reports are made of, computed from events and status periods,
 * never stored. Only the events that count are counted (effective_case_event, V22).
 */
@Service
@Transactional(readOnly = true)
public class CaseIndicators {

    /**
     * A service received by the person of status period {@code s} from {@code :from} to {@code :to}: which events
     * count and which are services are the database's rules (V22 effective_case_event, V10 is_service), which the
     * rollups keep too.
     */
    private static final String REACHED = "select 1 from effective_case_event e where e.province_code = s.province_code"
            + " and e.person_id = s.person_id and is_service(e.type) and e.event_date between :from and :to";

    private final JdbcClient jdbc;
    private final StatusRollup rollup;
    private final StatusCounts statusCounts;
    private final PersonSearch search;
    private final vn.socialmap.geography.AdminStructures structures;

    CaseIndicators(JdbcClient jdbc, StatusRollup rollup, StatusCounts statusCounts, PersonSearch search,
                   vn.socialmap.geography.AdminStructures structures) {
        this.jdbc = jdbc;
        this.rollup = rollup;
        this.statusCounts = statusCounts;
        this.search = search;
        this.structures = structures;
    }

    /**
     * Counts with their records' keys per commune (docs/disclosure.md): of everyone, and of the
     * people of a caller's area among them (empty when no area is asked for).
     */
    public record Cells(java.util.Map<String, vn.socialmap.disclosure.Cell> all,
                        java.util.Map<String, vn.socialmap.disclosure.Cell> inArea) {
    }

    /** {@link #countByCommune} with the events' keys; {@code areaOf}: also the part of that caller's area (null: none). */
    public Cells countCellsByCommune(EventCount q, vn.socialmap.security.AccessScope areaOf) {
        var params = new java.util.HashMap<String, Object>();
        String where = where(q, params);
        String district = q.districtCode() == null ? "" : " and pl.district_code = :district";
        String sql = "select pl.commune_code as code, count(*) as n, coalesce(sum(e.record_key::bigint), 0) as k"
                + " from effective_case_event e " + PLACED.formatted("e") + district + "%s where " + where
                + " and pl.commune_code is not null group by pl.commune_code";
        var all = cells(sql.formatted(""), params);
        if (areaOf == null) {
            return new Cells(all, java.util.Map.of());
        }
        PersonSearch.Query scope = search.scope(areaOf, structures.today());
        var scoped = new java.util.HashMap<>(params);
        scoped.putAll(scope.params());
        return new Cells(all, cells(sql.formatted(" join person p on p.province_code = e.province_code and p.id = e.person_id and ("
                + scope.where() + ")"), scoped));
    }

    /** {@link #holdingByCommune} with the people's keys; {@code areaOf}: also the part of that caller's area (null: none). */
    public Cells holdingCellsByCommune(String provinceCode, PathStatus status, LocalDate date, String structure,
                                       vn.socialmap.security.AccessScope areaOf) {
        var params = new java.util.HashMap<String, Object>(java.util.Map.of("p", provinceCode, "s", status.name(),
                "date", Date.valueOf(date), "structure", structure));
        String sql = "select code, count(*) as n, coalesce(sum(record_key::bigint), 0) as k from ("
                + "select distinct pl.commune_code as code, s.person_id, s.record_key from person_status_period s "
                + PLACED.formatted("s") + "%s where s.province_code = :p and s.status = :s"
                + " and status_held(s.valid_from, s.valid_to, :date) and pl.commune_code is not null) held group by code";
        var all = cells(sql.formatted(""), params);
        if (areaOf == null) {
            return new Cells(all, java.util.Map.of());
        }
        PersonSearch.Query scope = search.scope(areaOf, structures.today());
        params.putAll(scope.params());
        return new Cells(all, cells(sql.formatted(" join person p on p.province_code = s.province_code and p.id = s.person_id and ("
                + scope.where() + ")"), params));
    }

    private java.util.Map<String, vn.socialmap.disclosure.Cell> cells(String sql, java.util.Map<String, Object> params) {
        var result = new java.util.TreeMap<String, vn.socialmap.disclosure.Cell>();
        jdbc.sql(sql).params(params).query((rs, n) -> result.put(rs.getString("code"),
                new vn.socialmap.disclosure.Cell(rs.getLong("n"), rs.getLong("k")))).list();
        return result;
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
        return jdbc.sql("select count(*) from effective_case_event e where e.province_code = :p and e.type = :t "
                        + "and e.event_date between :from and :to")
                .param("p", provinceCode).param("t", type.name()).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query(Long.class).single();
    }

    /** Events of a type at the given facilities. */
    public long eventsAt(String provinceCode, EventType type, Collection<String> facilities, LocalDate from, LocalDate to) {
        return jdbc.sql("select count(*) from effective_case_event e where e.province_code = :p and e.type = :t "
                        + "and e.facility_code in (:f) and e.event_date between :from and :to")
                .param("p", provinceCode).param("t", type.name()).param("f", facilities)
                .param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query(Long.class).single();
    }

    /** Distinct facilities where events of a type happened. */
    public long facilitiesWith(String provinceCode, EventType type, LocalDate from, LocalDate to) {
        return jdbc.sql("select count(distinct e.facility_code) from effective_case_event e"
                        + " where e.province_code = :p and e.type = :t and e.event_date between :from and :to")
                .param("p", provinceCode).param("t", type.name()).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query(Long.class).single();
    }

    /** Support of one kind (loan, vocational training, job placement) in the period; at facilities only if asked. */
    public long support(String provinceCode, String kind, boolean atFacilitiesOnly, LocalDate from, LocalDate to) {
        return jdbc.sql("select count(*) from effective_case_event e where e.province_code = :p and e.type = 'SUPPORT' "
                        + "and e.details ->> 'kind' = :k and e.event_date between :from and :to "
                        + (atFacilitiesOnly ? "and e.facility_code is not null " : ""))
                .param("p", provinceCode).param("k", kind).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query(Long.class).single();
    }

    /**
     * A count of effective events, for plans: of some types, dated in a period, optionally
     * only of people whose residence lies in a district of {@code structure} (the units the
     * figures are shown on: each person counts in their unit there), only at some facilities
     * (or at any facility), and for support events only of some kinds.
     */
    public record EventCount(String provinceCode, java.util.Set<EventType> types, LocalDate from, LocalDate to,
                             String districtCode, Collection<String> facilityCodes, boolean atAnyFacility,
                             Collection<String> supportKinds, String structure) {
    }

    /** The person's unit in the structure the figures are shown on ({@link ResidencePlacement}). */
    private static final String PLACED = "join person_placement pl on pl.province_code = %1$s.province_code"
            + " and pl.person_id = %1$s.person_id and pl.structure = :structure";

    public long count(EventCount q) {
        var params = new java.util.HashMap<String, Object>();
        String where = where(q, params);
        String placed = q.districtCode() == null ? "" : PLACED.formatted("e") + " and pl.district_code = :district ";
        return jdbc.sql("select count(*) from effective_case_event e " + placed + "where " + where)
                .params(params).query(Long.class).single();
    }

    /** {@link #count} per month: the first day of each month with events, and their number. */
    public java.util.Map<LocalDate, Long> countByMonth(EventCount q) {
        var params = new java.util.HashMap<String, Object>();
        String where = where(q, params);
        String placed = q.districtCode() == null ? "" : PLACED.formatted("e") + " and pl.district_code = :district ";
        var result = new java.util.TreeMap<LocalDate, Long>();
        jdbc.sql("select date_trunc('month', e.event_date)::date as month, count(*) as n from effective_case_event e " + placed
                        + "where " + where + " group by 1")
                .params(params).query((rs, n) -> result.put(rs.getObject("month", LocalDate.class), rs.getLong("n"))).list();
        return result;
    }

    /** The same count per commune of {@code q.structure()} where the people live; communes with none are absent. */
    public java.util.Map<String, Long> countByCommune(EventCount q) {
        var params = new java.util.HashMap<String, Object>();
        String where = where(q, params);
        var result = new java.util.TreeMap<String, Long>();
        String district = q.districtCode() == null ? "" : " and pl.district_code = :district";
        jdbc.sql("select pl.commune_code as code, count(*) as n from effective_case_event e " + PLACED.formatted("e") + district
                        + " where " + where + " and pl.commune_code is not null group by pl.commune_code")
                .params(params).query((rs, n) -> result.put(rs.getString("code"), rs.getLong("n"))).list();
        return result;
    }

    private static String where(EventCount q, java.util.Map<String, Object> params) {
        StringBuilder sql = new StringBuilder("e.province_code = :p and e.type in (:types) and e.event_date between :from and :to");
        params.put("p", q.provinceCode());
        params.put("types", q.types().stream().map(Enum::name).toList());
        params.put("from", Date.valueOf(q.from()));
        params.put("to", Date.valueOf(q.to()));
        if (q.districtCode() != null) {
            params.put("district", q.districtCode());
        }
        params.put("structure", q.structure());
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
     * Counts of effective events per province, each province from its own start date to
     * {@code to}, from the daily rollup (event_count_day): one small query for a national
     * report. Provinces with none are absent.
     */
    public java.util.Map<String, Long> countByProvince(java.util.Map<String, LocalDate> fromByProvince, LocalDate to,
                                                       java.util.Set<EventType> types, boolean atAnyFacility,
                                                       Collection<String> supportKinds) {
        var result = new java.util.TreeMap<String, Long>();
        if (fromByProvince.isEmpty()) {
            return result;
        }
        var params = new java.util.HashMap<String, Object>();
        String periods = periods(fromByProvince, params);
        params.put("types", types.stream().map(Enum::name).toList());
        params.put("to", Date.valueOf(to));
        boolean kinds = supportKinds != null && !supportKinds.isEmpty();
        if (kinds) {
            params.put("kinds", supportKinds);
        }
        jdbc.sql("select w.p as code, sum(d.n) as n from " + periods + " join event_count_day d on d.province_code = w.p"
                        + " and d.type in (:types) and d.event_date between w.f and :to"
                        + (atAnyFacility ? " and d.at_facility" : "") + (kinds ? " and d.kind in (:kinds)" : "")
                        + " group by w.p")
                .params(params).query((rs, n) -> result.put(rs.getString("code"), rs.getLong("n"))).list();
        return result;
    }

    /** People holding a status on a date per province, from the status rollup; provinces with none are absent. */
    public java.util.Map<String, Long> holdingByProvince(Collection<String> provinceCodes, PathStatus status, LocalDate date) {
        var result = new java.util.TreeMap<String, Long>();
        statusCounts.holding("province_code", null, date).forEach((province, counts) -> {
            var cell = counts.get(status);
            if (provinceCodes.contains(province) && cell != null && cell.count() != 0) {
                result.put(province, cell.count());
            }
        });
        return result;
    }

    /** People on record on {@code to} and those of them reached by a service, of one province or a district. */
    public record Reach(long onRecord, long reached) {
        public double percent() {
            return onRecord == 0 ? 0 : 100.0 * reached / onRecord;
        }
    }

    /**
     * {@link #reachedServicesPercent} per province, each from its own start date; provinces with
     * nobody on record are absent. People on record are counted from the status rollup (on record
     * from their first event until their record is closed); those reached, for a period from
     * 1 January to a date of the same year, from the first services of the year
     * (service_first_day) less those whose record had closed by the date, otherwise from the
     * events themselves.
     */
    public java.util.Map<String, Reach> reachedServicesByProvince(java.util.Map<String, LocalDate> fromByProvince, LocalDate to) {
        var result = new java.util.TreeMap<String, Reach>();
        if (fromByProvince.isEmpty()) {
            return result;
        }
        var onRecord = new java.util.HashMap<String, Long>();
        statusCounts.holding("province_code", null, to)
                .forEach((province, counts) -> onRecord.put(province,
                        counts.getOrDefault(PathStatus.ON_RECORD, vn.socialmap.disclosure.Cell.EMPTY).count()));
        var sinceNewYear = new java.util.TreeMap<String, LocalDate>();
        fromByProvince.forEach((province, from) -> {
            if (from.getDayOfYear() == 1 && from.getYear() == to.getYear()) {
                sinceNewYear.put(province, from);
            }
        });
        var reached = new java.util.HashMap<String, Long>();
        if (!sinceNewYear.isEmpty()) {
            var params = new java.util.HashMap<String, Object>();
            String periods = periods(sinceNewYear, params);
            params.put("to", Date.valueOf(to));
            jdbc.sql("select w.p as code, sum(s.n) as n from " + periods + " join service_first_day s on s.province_code = w.p"
                            + " and s.first_day between w.f and :to group by w.p")
                    .params(params).query((rs, n) -> reached.put(rs.getString("code"), rs.getLong("n"))).list();
            // the first services count everyone served; those whose record had closed by the date are not on record.
            // Only closures within the period matter: a record closed before it takes no service until it reopens.
            params.put("year", to.getYear());
            jdbc.sql("select w.p as code, count(distinct y.person_id) as n from " + periods
                            + " join case_event c on c.province_code = w.p and c.type = 'RECORD_CLOSED'"
                            + " and c.event_date between w.f and :to"
                            + " join person_service_year y on y.province_code = c.province_code and y.person_id = c.person_id"
                            + " and y.year = :year and y.first_day between w.f and :to"
                            + " where not exists (select 1 from person_status_period s where s.province_code = y.province_code"
                            + " and s.person_id = y.person_id and s.status = 'ON_RECORD'"
                            + " and status_held(s.valid_from, s.valid_to, :to)) group by w.p")
                    .params(params).query((rs, n) -> reached.merge(rs.getString("code"), -rs.getLong("n"), Long::sum)).list();
        }
        fromByProvince.forEach((province, from) -> {
            if (!sinceNewYear.containsKey(province)) {
                reached.put(province, reachedServices(province, from, to, null, "province_code", null).values().stream()
                        .mapToLong(r -> r[1]).sum());
            }
            long people = onRecord.getOrDefault(province, 0L);
            if (people > 0) {
                result.put(province, new Reach(people, reached.getOrDefault(province, 0L)));
            }
        });
        return result;
    }

    /** A VALUES list {@code w(p, f)} of province codes and their start dates, its parameters added to {@code params}. */
    private static String periods(java.util.Map<String, LocalDate> fromByProvince, java.util.Map<String, Object> params) {
        StringBuilder values = new StringBuilder("(values ");
        int i = 0;
        for (var entry : fromByProvince.entrySet()) {
            values.append(i == 0 ? "" : ", ").append("(cast(:p").append(i).append(" as varchar), cast(:f").append(i).append(" as date))");
            params.put("p" + i, entry.getKey());
            params.put("f" + i, Date.valueOf(entry.getValue()));
            i++;
        }
        return values.append(") as w(p, f)").toString();
    }

    /**
     * The share (in percent) of people on record on {@code to} who received at least one
     * service in the period: an addiction determination, any rehab, detox, substitution
     * treatment, post-rehab management or support ("over 80% of managed people reach
     * services" in the plans).
     */
    public double reachedServicesPercent(String provinceCode, LocalDate from, LocalDate to, String districtCode,
                                         String structure) {
        if (districtCode == null) {
            // the whole province: from the rollups
            Reach reach = reachedServicesByProvince(java.util.Map.of(provinceCode, from), to).get(provinceCode);
            return reach == null ? 0 : reach.percent();
        }
        long[] totals = new long[2];
        reachedServices(provinceCode, from, to, districtCode, "province_code", structure).values().forEach(r -> {
            totals[0] += r[0];
            totals[1] += r[1];
        });
        return totals[0] == 0 ? 0 : 100.0 * totals[1] / totals[0];
    }

    /** The same share per commune (of {@code structure}) of a district; communes with nobody on record are absent. */
    public java.util.Map<String, Double> reachedServicesPercentByCommune(String provinceCode, LocalDate from, LocalDate to,
                                                                        String districtCode, String structure) {
        var result = new java.util.TreeMap<String, Double>();
        reachedServices(provinceCode, from, to, districtCode, "commune_code", structure)
                .forEach((code, r) -> result.put(code, r[0] == 0 ? 0 : 100.0 * r[1] / r[0]));
        return result;
    }

    /**
     * People on record on {@code to} and those of them reached, grouped by the province or by the
     * person's unit ({@code groupColumn} district_code or commune_code) in {@code structure}.
     */
    private java.util.Map<String, long[]> reachedServices(String provinceCode, LocalDate from, LocalDate to, String districtCode,
                                                          String groupColumn, String structure) {
        boolean placed = structure != null;
        String group = placed && !groupColumn.equals("province_code") ? "pl." + groupColumn : "s." + groupColumn;
        String sql = "select " + group + " as code, count(*) as on_record, count(*) filter (where exists (" + REACHED
                + ")) as reached from person_status_period s " + (placed ? PLACED.formatted("s") : "")
                + " where s.province_code = :p and s.status = 'ON_RECORD'"
                + " and status_held(s.valid_from, s.valid_to, :to)"
                + (districtCode == null ? "" : " and pl.district_code = :district")
                + " group by 1";
        var query = jdbc.sql(sql).param("p", provinceCode).param("from", Date.valueOf(from)).param("to", Date.valueOf(to));
        if (placed) {
            query = query.param("structure", structure);
        }
        if (districtCode != null) {
            query = query.param("district", districtCode);
        }
        var result = new java.util.TreeMap<String, long[]>();
        query.query((rs, n) -> result.put(rs.getString("code"), new long[] {rs.getLong("on_record"), rs.getLong("reached")}))
                .list();
        return result;
    }

    /**
     * People holding a status on a date per commune of {@code structure} (where their residence lies
     * there), of one district or (null) the whole province; communes with none are absent.
     */
    public java.util.Map<String, Long> holdingByCommune(String provinceCode, PathStatus status, LocalDate date, String districtCode,
                                                        String structure) {
        var result = new java.util.TreeMap<String, Long>();
        var query = jdbc.sql("select pl.commune_code as code, count(distinct s.person_id) as n from person_status_period s "
                        + PLACED.formatted("s") + " where s.province_code = :p "
                        + (districtCode == null ? "" : "and pl.district_code = :d ")
                        + "and s.status = :s and status_held(s.valid_from, s.valid_to, :date)"
                        + " and pl.commune_code is not null group by pl.commune_code")
                .param("p", provinceCode).param("s", status.name()).param("date", Date.valueOf(date)).param("structure", structure);
        if (districtCode != null) {
            query = query.param("d", districtCode);
        }
        query.query((rs, n) -> result.put(rs.getString("code"), rs.getLong("n"))).list();
        return result;
    }

    /** People holding a status on a date, optionally in one district of {@code structure}. */
    public long holding(String provinceCode, PathStatus status, LocalDate date, String districtCode, String structure) {
        if (districtCode == null) {
            return holding(provinceCode, status, date);
        }
        return jdbc.sql("select count(distinct s.person_id) from person_status_period s " + PLACED.formatted("s")
                        + " and pl.district_code = :d where s.province_code = :p"
                        + " and s.status = :s and status_held(s.valid_from, s.valid_to, :date)")
                .param("p", provinceCode).param("d", districtCode).param("s", status.name()).param("date", Date.valueOf(date))
                .param("structure", structure)
                .query(Long.class).single();
    }

    /** People holding a status on a date. */
    public long holding(String provinceCode, PathStatus status, LocalDate date) {
        return jdbc.sql("select count(distinct person_id) from person_status_period where province_code = :p "
                        + "and status = :s and status_held(valid_from, valid_to, :d)")
                .param("p", provinceCode).param("s", status.name()).param("d", Date.valueOf(date))
                .query(Long.class).single();
    }

    /** One cell of everyone, and of the people of a caller's area among them (EMPTY when no area is asked for). */
    public record CellPair(vn.socialmap.disclosure.Cell all, vn.socialmap.disclosure.Cell inArea) {
    }

    /** {@link #count} with the events' keys. */
    public CellPair countCell(EventCount q, vn.socialmap.security.AccessScope areaOf) {
        var params = new java.util.HashMap<String, Object>();
        String where = where(q, params);
        String placed = q.districtCode() == null ? "" : PLACED.formatted("e") + " and pl.district_code = :district ";
        String sql = "select count(*) as n, coalesce(sum(e.record_key::bigint), 0) as k from effective_case_event e " + placed
                + "%s where " + where;
        return pair(sql, params, "e", areaOf);
    }

    /** {@link #holding(String, PathStatus, LocalDate, String, String)} with the people's keys. */
    public CellPair holdingCell(String provinceCode, PathStatus status, LocalDate date, String districtCode, String structure,
                                vn.socialmap.security.AccessScope areaOf) {
        var params = new java.util.HashMap<String, Object>(java.util.Map.of("p", provinceCode, "s", status.name(),
                "date", Date.valueOf(date)));
        String placed = "";
        if (districtCode != null) {
            placed = PLACED.formatted("s") + " and pl.district_code = :d ";
            params.put("d", districtCode);
            params.put("structure", structure);
        }
        String sql = "select count(*) as n, coalesce(sum(record_key::bigint), 0) as k from (select distinct s.person_id, s.record_key"
                + " from person_status_period s " + placed + "%s where s.province_code = :p and s.status = :s"
                + " and status_held(s.valid_from, s.valid_to, :date)) held";
        return pair(sql, params, "s", areaOf);
    }

    /** People on record on {@code to} and those of them reached by a service in the period, with their keys. */
    public CellPair[] reachedCells(String provinceCode, LocalDate from, LocalDate to, String districtCode, String structure,
                                   vn.socialmap.security.AccessScope areaOf) {
        var params = new java.util.HashMap<String, Object>(java.util.Map.of("p", provinceCode, "from", Date.valueOf(from),
                "to", Date.valueOf(to)));
        String placed = "";
        if (districtCode != null) {
            placed = PLACED.formatted("s") + " and pl.district_code = :district ";
            params.put("district", districtCode);
            params.put("structure", structure);
        }
        String base = " from person_status_period s " + placed + "%s where s.province_code = :p and s.status = 'ON_RECORD'"
                + " and status_held(s.valid_from, s.valid_to, :to)";
        CellPair onRecord = pair("select count(*) as n, coalesce(sum(s.record_key::bigint), 0) as k" + base, params, "s", areaOf);
        CellPair reached = pair("select count(*) as n, coalesce(sum(s.record_key::bigint), 0) as k" + base + " and exists (" + REACHED
                + ")", params, "s", areaOf);
        return new CellPair[] {onRecord, reached};
    }

    /** A one-row count (n, k) of everyone and, joined to the caller's area on {@code alias}'s person, of their people. */
    private CellPair pair(String sql, java.util.Map<String, Object> params, String alias, vn.socialmap.security.AccessScope areaOf) {
        var all = jdbc.sql(sql.formatted("")).params(params)
                .query((rs, n) -> new vn.socialmap.disclosure.Cell(rs.getLong("n"), rs.getLong("k"))).single();
        if (areaOf == null) {
            return new CellPair(all, vn.socialmap.disclosure.Cell.EMPTY);
        }
        PersonSearch.Query scope = search.scope(areaOf, structures.today());
        var scoped = new java.util.HashMap<>(params);
        scoped.putAll(scope.params());
        var in = jdbc.sql(sql.formatted(" join person p on p.province_code = " + alias + ".province_code and p.id = " + alias
                        + ".person_id and (" + scope.where() + ")")).params(scoped)
                .query((rs, n) -> new vn.socialmap.disclosure.Cell(rs.getLong("n"), rs.getLong("k"))).single();
        return new CellPair(all, in);
    }
}
