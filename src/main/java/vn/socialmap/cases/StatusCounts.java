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
import vn.socialmap.security.AccessScope;
import vn.socialmap.security.SmallCellSuppression;

/**
 * Number of people holding each status on a date, per district or commune, shown on the
 * units in force on that date or (carried across) on those of another date: each person
 * counts in their unit of the structure shown ({@link ResidencePlacement}), so totals are the
 * same on every structure. For roles without person access the table is suppressed (1 to 4
 * hidden, with complements).
 */
@Service
@Transactional(readOnly = true)
public class StatusCounts {

    private final JdbcClient jdbc;
    private final AdminUnitService units;
    private final AdminStructures structures;
    private final SmallCellSuppression suppression;

    private final StatusRollup rollup;
    private final RecentAnswers<Table> cache;

    StatusCounts(JdbcClient jdbc, AdminUnitService units, AdminStructures structures, SmallCellSuppression suppression,
                 StatusRollup rollup, AnswerCaches caches) {
        this.rollup = rollup;
        this.cache = caches.create(128);
        this.jdbc = jdbc;
        this.units = units;
        this.structures = structures;
        this.suppression = suppression;
    }

    /** One unit's counts; a null count is hidden. A null code: people with no unit of the structure shown. */
    public record UnitCounts(String code, String name, Map<PathStatus, Long> counts) {
    }

    /**
     * @param date      the date the statuses are held on
     * @param unitsAsOf the date whose units the counts are shown on (its structure is {@code structure})
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
                select %1$s as unit, status, n from status_count_month where month = :month%2$s
                union all
                select %1$s, status, sum(n) from (
                    select %1$s, status, :began as n from person_status_period
                    where valid_from > :lower and valid_from <= :upper%2$s
                    union all
                    select %1$s, status, -:began from person_status_period
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
    Map<String, Map<PathStatus, Long>> holding(String column, String provinceCode, LocalDate date) {
        Map<String, Map<PathStatus, Long>> raw = new HashMap<>();
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
                    raw.computeIfAbsent(key(rs.getString("unit")), k -> new EnumMap<>(PathStatus.class))
                            .merge(PathStatus.valueOf(rs.getString("status")), rs.getLong("n"), Long::sum);
                });
        return raw;
    }

    /**
     * People holding each status on a date, per unit of another structure: each person's period
     * of that date counted in the unit their residence has in the structure shown.
     */
    private Map<String, Map<PathStatus, Long>> carried(String column, String provinceCode, LocalDate date, AdminStructure shown) {
        Map<String, Map<PathStatus, Long>> raw = new HashMap<>();
        var query = jdbc.sql("""
                select pl.%s as unit, s.status, count(*) as n
                from person_status_period s
                left join person_placement pl on pl.province_code = s.province_code and pl.person_id = s.person_id
                                              and pl.structure = :shown
                where s.valid_from <= :date and (s.valid_to is null or s.valid_to > :date)%s
                group by 1, 2""".formatted(column, provinceCode == null ? "" : " and s.province_code = :province"))
                .param("shown", shown.code()).param("date", Date.valueOf(date));
        (provinceCode == null ? query : query.param("province", provinceCode))
                .query(rs -> {
                    raw.computeIfAbsent(key(rs.getString("unit")), k -> new EnumMap<>(PathStatus.class))
                            .merge(PathStatus.valueOf(rs.getString("status")), rs.getLong("n"), Long::sum);
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
                + "|" + scope.needsSuppression() + "|" + rollup.changes() + "|" + units.version();
        return cache.get(key, () -> compute(provinceCode, level, date, unitsAsOf, scope));
    }

    private Table compute(String provinceCode, AdminLevel level, LocalDate date, LocalDate unitsAsOf, AccessScope scope) {
        AdminStructure shown = structures.on(unitsAsOf);
        String column = level == AdminLevel.DISTRICT ? "district_code" : "commune_code";
        // onto today's communes from the rollup, which keeps each period's commune of today; onto another
        // structure person by person
        Map<String, Map<PathStatus, Long>> raw = shown.equals(structures.on(date)) ? holding(column, provinceCode, date)
                : shown.validTo() == null && level == AdminLevel.COMMUNE ? holding("current_commune_code", provinceCode, date)
                : carried(column, provinceCode, date, shown);
        List<AdminUnitService.Label> shownUnits = new ArrayList<>(units.labels(provinceCode, level, unitsAsOf));
        // people with no unit of the structure shown (another province then, or a level it lacks) keep the totals whole
        java.util.Set<String> known = new java.util.HashSet<>();
        shownUnits.forEach(l -> known.add(l.code()));
        Map<PathStatus, Long> outside = new EnumMap<>(PathStatus.class);
        raw.forEach((code, counts) -> {
            if (!known.contains(code)) {
                counts.forEach((status, n) -> outside.merge(status, n, Long::sum));
            }
        });
        boolean levelExists = shown.levels().contains(level);
        if (levelExists && outside.values().stream().anyMatch(n -> n != 0)) {
            raw.put("", outside);
            shownUnits.add(new AdminUnitService.Label(null, null));
        }
        if (!levelExists) {
            // no units of this level in the structure shown (districts after 1 July 2025): totals only
            raw.put("", outside);
            shownUnits.add(new AdminUnitService.Label(null, null));
        }
        PathStatus[] statuses = PathStatus.values();
        long[][] cells = new long[shownUnits.size()][statuses.length];
        for (int i = 0; i < shownUnits.size(); i++) {
            String code = shownUnits.get(i).code();
            Map<PathStatus, Long> row = raw.getOrDefault(code == null ? "" : code, Map.of());
            for (int j = 0; j < statuses.length; j++) {
                cells[i][j] = row.getOrDefault(statuses[j], 0L);
            }
        }
        boolean suppress = scope.needsSuppression();
        SmallCellSuppression.Result result = suppress ? suppression.suppress(cells, false, true) : null;
        List<UnitCounts> rows = new ArrayList<>();
        for (int i = 0; i < shownUnits.size(); i++) {
            Map<PathStatus, Long> counts = new LinkedHashMap<>();
            for (int j = 0; j < statuses.length; j++) {
                counts.put(statuses[j], result == null ? Long.valueOf(cells[i][j]) : result.shown(i, j));
            }
            rows.add(new UnitCounts(shownUnits.get(i).code(), shownUnits.get(i).name(), counts));
        }
        Map<PathStatus, Long> totals = new LinkedHashMap<>();
        for (int j = 0; j < statuses.length; j++) {
            long sum = 0;
            for (long[] row : cells) {
                sum += row[j];
            }
            totals.put(statuses[j], result == null ? Long.valueOf(sum) : result.shown(shownUnits.size(), j));
        }
        return new Table(provinceCode, level, date, unitsAsOf, shown.code(), suppress, suppress ? suppression.minCount() : null,
                levelExists ? rows : List.of(), totals);
    }
}
