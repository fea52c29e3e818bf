package vn.socialmap.cases;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.socialmap.base.cache.AnswerCaches;
import vn.socialmap.base.cache.RecentAnswers;
import vn.socialmap.geography.AdminLevel;
import vn.socialmap.geography.AdminStructure;
import vn.socialmap.geography.AdminStructures;
import vn.socialmap.geography.AdminUnitService;
import vn.socialmap.disclosure.Cell;
import vn.socialmap.disclosure.Disclosure;
import vn.socialmap.disclosure.Protection;
import vn.socialmap.security.AccessScope;

/**
 * Number of people holding each status on a date, per district or commune, shown on the
 * units in force on that date or (carried across) on those of another date: each person
 * counts in their unit of the structure shown ({@link ResidencePlacement}), so totals are the
 * same on every structure. Each count is published with the caller's {@link Protection}: the
 * cell-key method for others' records (docs/disclosure.md).
 */
@Service
@Transactional(readOnly = true)
public class StatusCounts {

    private final JdbcClient jdbc;
    private final AdminUnitService units;
    private final AdminStructures structures;
    private final Disclosure disclosure;
    private final PersonSearch search;

    private final StatusRollup rollup;
    private final RecentAnswers<Table> cache;

    StatusCounts(JdbcClient jdbc, AdminUnitService units, AdminStructures structures, Disclosure disclosure, PersonSearch search,
                 StatusRollup rollup, AnswerCaches caches) {
        this.rollup = rollup;
        this.cache = caches.create(128);
        this.jdbc = jdbc;
        this.units = units;
        this.structures = structures;
        this.disclosure = disclosure;
        this.search = search;
    }

    /** One unit's counts as published to the caller. A null code: people with no unit of the structure shown. */
    public record UnitCounts(String code, String name, Map<PathStatus, Long> counts) {
    }

    /**
     * @param date       the date the statuses are held on
     * @param unitsAsOf  the date whose units the counts are shown on (its structure is {@code structure})
     * @param suppressed whether the counts are protected for the caller (perturbed by the cell-key method)
     * @param threshold  then, counts of others from 1 to threshold - 1 are all published alike (as 2 or 3)
     */
    public record Table(String province, AdminLevel level, LocalDate date, LocalDate unitsAsOf, String structure,
                        boolean suppressed, Integer threshold, List<UnitCounts> units, Map<PathStatus, Long> totals) {
    }

    /**
     * A month's rollup rows and, grouped, the periods begun or ended between that month start
     * and the date (parameters month, began, lower, upper and, in a province, province).
     */
    static String countSql(String column, boolean inProvince) {
        String province = inProvince ? " and province_code = :province" : "";
        return """
                select %1$s as unit, status, n, key_sum from status_count_month where month = :month%2$s
                union all
                select %1$s, status, sum(n), sum(k) from (
                    select %1$s, status, :began as n, :began * record_key::bigint as k from person_status_period
                    where valid_from > :lower and valid_from <= :upper%2$s
                    union all
                    select %1$s, status, -:began, -:began * record_key::bigint from person_status_period
                    where valid_to > :lower and valid_to <= :upper%2$s) changes
                group by 1, 2""".formatted(column, province);
    }

    /** The month start closest to a date for which the rollup has rows (at most the horizon). */
    static LocalDate nearestMonthStart(LocalDate date, LocalDate horizon) {
        LocalDate previous = date.withDayOfMonth(1);
        if (!previous.isBefore(horizon)) {
            return horizon;
        }
        LocalDate next = previous.plusMonths(1);
        return java.time.temporal.ChronoUnit.DAYS.between(date, next) < java.time.temporal.ChronoUnit.DAYS.between(previous, date)
                ? next : previous;
    }

    /**
     * People holding each status on a date per unit of that date ({@code column}: province_code,
     * district_code or commune_code; or current_commune_code, the communes of today), in a province or (null) the country: the counts of the nearest
     * month start (status_count_month, up to its horizon), plus the periods begun and minus those
     * ended between it and the date (signs reversed when the month start comes after the date).
     * Exact across a change of structure too: the periods of the other structure begin or end on
     * the day of the change, which lies between the month start and the date, and cancel out.
     */
    Map<String, Map<PathStatus, Cell>> holding(String column, String provinceCode, LocalDate date) {
        Map<String, Map<PathStatus, Cell>> raw = new HashMap<>();
        // the month goes in as a value so that the planner reads one month of the rollup through its key
        LocalDate horizon = jdbc.sql("select month from status_count_horizon").query(LocalDate.class).single();
        LocalDate month = nearestMonthStart(date, horizon);
        boolean forward = !month.isAfter(date);
        var query = jdbc.sql(countSql(column, provinceCode != null))
                .param("month", Date.valueOf(month)).param("began", forward ? 1 : -1)
                .param("lower", Date.valueOf(forward ? month : date)).param("upper", Date.valueOf(forward ? date : month));
        (provinceCode == null ? query : query.param("province", provinceCode))
                .query(rs -> {
                    // a unit's month row and its changes since are added here, not grouped by the database
                    add(raw, rs.getString("unit"), rs.getString("status"), rs.getLong("n"), rs.getLong("key_sum"));
                });
        return raw;
    }

    private static void add(Map<String, Map<PathStatus, Cell>> raw, String unit, String status, long n, long keySum) {
        raw.computeIfAbsent(key(unit), k -> new EnumMap<>(PathStatus.class))
                .merge(PathStatus.valueOf(status), new Cell(n, keySum), Cell::plus);
    }

    /**
     * People holding each status on a date, per unit of another structure: each person's period
     * of that date counted in the unit their residence has in the structure shown.
     */
    private Map<String, Map<PathStatus, Cell>> carried(String column, String provinceCode, LocalDate date, AdminStructure shown) {
        return periodCells("pl." + column, provinceCode, date, shown, null);
    }

    /**
     * Counts and keys read from the periods of the date, per {@code unit} (a column of s, the period,
     * or pl, the person's placement in {@code shown}), of the people a scope condition on p admits
     * (null: everyone).
     */
    private Map<String, Map<PathStatus, Cell>> periodCells(String unit, String provinceCode, LocalDate date, AdminStructure shown,
                                                           PersonSearch.Query scope) {
        Map<String, Map<PathStatus, Cell>> raw = new HashMap<>();
        var query = jdbc.sql("""
                select %s as unit, s.status, count(*) as n, coalesce(sum(s.record_key::bigint), 0) as key_sum
                from person_status_period s
                left join person_placement pl on pl.province_code = s.province_code and pl.person_id = s.person_id
                                              and pl.structure = :shown
                %s
                where status_held(s.valid_from, s.valid_to, :date)%s
                group by 1, 2""".formatted(unit,
                        scope == null ? "" : "join person p on p.province_code = s.province_code and p.id = s.person_id and ("
                                + scope.where() + ")",
                        provinceCode == null ? "" : " and s.province_code = :province"))
                .param("shown", shown.code()).param("date", Date.valueOf(date));
        if (scope != null) {
            query = query.params(scope.params());
        }
        (provinceCode == null ? query : query.param("province", provinceCode))
                .query(rs -> {
                    add(raw, rs.getString("unit"), rs.getString("status"), rs.getLong("n"), rs.getLong("key_sum"));
                });
        return raw;
    }

    /** The rollup keeps "no unit" as the empty code. */
    private static String key(String unit) {
        return unit == null ? "" : unit;
    }

    /** Counts on a date, on that date's units, in a province or the whole country when {@code provinceCode} is null. */
    public Table count(String provinceCode, AdminLevel level, LocalDate date, AccessScope scope) {
        return count(provinceCode, level, date, date, scope);
    }

    /** Counts on a date shown on the units in force on {@code unitsAsOf}. */
    public Table count(String provinceCode, AdminLevel level, LocalDate date, LocalDate unitsAsOf, AccessScope scope) {
        if (rollup.writtenInThisTransaction()) {
            return compute(provinceCode, level, date, unitsAsOf, scope);
        }
        // many users look at the same tables: kept until a write on this node, or a minute for other nodes' writes
        String key = provinceCode + "|" + level + "|" + date + "|" + structures.on(unitsAsOf).code() + "|" + unitsAsOf
                + "|" + scope.label() + "|" + scope.role() + "|" + rollup.changes() + "|" + units.version();
        return cache.get(key, () -> compute(provinceCode, level, date, unitsAsOf, scope));
    }

    private Table compute(String provinceCode, AdminLevel level, LocalDate date, LocalDate unitsAsOf, AccessScope scope) {
        AdminStructure shown = structures.on(unitsAsOf);
        String column = level == AdminLevel.DISTRICT ? "district_code" : "commune_code";
        boolean own = shown.equals(structures.on(date));
        boolean today = !own && shown.validTo() == null && level == AdminLevel.COMMUNE;
        // onto today's communes from the rollup, which keeps each period's commune of today; onto another
        // structure person by person
        Map<String, Map<PathStatus, Cell>> raw = own ? holding(column, provinceCode, date)
                : today ? holding("current_commune_code", provinceCode, date)
                : carried(column, provinceCode, date, shown);
        Protection protection = disclosure.protection(scope);
        // an officer's own people, counted exactly: the same cells, read for the people of their area
        Map<String, Map<PathStatus, Cell>> inArea = !protection.needsOwnArea() ? Map.of()
                : periodCells(own ? "s." + column : today ? "s.current_commune_code" : "pl." + column, provinceCode, date, shown,
                        search.scope(scope, structures.today()));
        List<AdminUnitService.Label> shownUnits = new ArrayList<>(units.labels(provinceCode, level, unitsAsOf));
        // people with no unit of the structure shown (another province then, or a level it lacks) keep the totals whole
        java.util.Set<String> known = new java.util.HashSet<>();
        shownUnits.forEach(l -> known.add(l.code()));
        boolean levelExists = shown.levels().contains(level);
        Map<String, Map<PathStatus, Cell>> rows = new HashMap<>();
        Map<String, Map<PathStatus, Cell>> rowsInArea = new HashMap<>();
        regroup(raw, known, rows);
        regroup(inArea, known, rowsInArea);
        if (!levelExists || rows.getOrDefault("", Map.of()).values().stream().anyMatch(c -> c.count() != 0)) {
            // no units of this level in the structure shown (districts after 1 July 2025): totals only
            shownUnits.add(new AdminUnitService.Label(null, null));
        }
        PathStatus[] statuses = PathStatus.values();
        List<UnitCounts> published = new ArrayList<>();
        Map<PathStatus, Cell> total = new EnumMap<>(PathStatus.class);
        Map<PathStatus, Cell> totalInArea = new EnumMap<>(PathStatus.class);
        for (AdminUnitService.Label label : shownUnits) {
            String code = label.code() == null ? "" : label.code();
            Map<PathStatus, Long> counts = new LinkedHashMap<>();
            for (PathStatus status : statuses) {
                Cell all = rows.getOrDefault(code, Map.of()).getOrDefault(status, Cell.EMPTY);
                Cell in = rowsInArea.getOrDefault(code, Map.of()).getOrDefault(status, Cell.EMPTY);
                counts.put(status, protection.shown(all, in));
                total.merge(status, all, Cell::plus);
                totalInArea.merge(status, in, Cell::plus);
            }
            published.add(new UnitCounts(label.code(), label.name(), counts));
        }
        Map<PathStatus, Long> totals = new LinkedHashMap<>();
        for (PathStatus status : statuses) {
            totals.put(status, protection.shown(total.getOrDefault(status, Cell.EMPTY), totalInArea.getOrDefault(status, Cell.EMPTY)));
        }
        boolean protectedCounts = protection.applies();
        return new Table(provinceCode, level, date, unitsAsOf, shown.code(), protectedCounts,
                protectedCounts ? protection.smallBelow() : null, levelExists ? published : List.of(), totals);
    }

    /** Rows by the codes of the units shown; rows of unknown codes go to the row without a code. */
    private static void regroup(Map<String, Map<PathStatus, Cell>> raw, java.util.Set<String> known,
                                Map<String, Map<PathStatus, Cell>> into) {
        raw.forEach((code, counts) -> {
            String row = known.contains(code) ? code : "";
            counts.forEach((status, cell) -> into.computeIfAbsent(row, k -> new EnumMap<>(PathStatus.class))
                    .merge(status, cell, Cell::plus));
        });
    }
}
