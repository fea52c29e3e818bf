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

import vn.socialmap.geography.AdminLevel;
import vn.socialmap.geography.AdminUnit;
import vn.socialmap.geography.AdminUnitService;
import vn.socialmap.security.AccessScope;
import vn.socialmap.security.SmallCellSuppression;

/**
 * Number of people holding each status on a date, per district or commune. For roles
 * without person access the table is suppressed (1 to 4 hidden, with complements).
 */
@Service
@Transactional(readOnly = true)
public class StatusCounts {

    private final JdbcClient jdbc;
    private final AdminUnitService units;
    private final SmallCellSuppression suppression;

    StatusCounts(JdbcClient jdbc, AdminUnitService units, SmallCellSuppression suppression) {
        this.jdbc = jdbc;
        this.units = units;
        this.suppression = suppression;
    }

    /** One unit's counts; a null count is hidden. */
    public record UnitCounts(String code, String name, Map<PathStatus, Long> counts) {
    }

    public record Table(String province, AdminLevel level, LocalDate date, boolean suppressed, Integer threshold,
                        List<UnitCounts> units, Map<PathStatus, Long> totals) {
    }

    public Table count(String provinceCode, AdminLevel level, LocalDate date, AccessScope scope) {
        String column = level == AdminLevel.DISTRICT ? "district_code" : "commune_code";
        Map<String, Map<PathStatus, Long>> raw = new HashMap<>();
        jdbc.sql("select " + column + " as unit, status, count(distinct person_id) as n from person_status_period "
                        + "where province_code = :province and valid_from <= :date and (valid_to is null or valid_to > :date) "
                        + "group by 1, 2")
                .param("province", provinceCode).param("date", Date.valueOf(date))
                .query(rs -> {
                    raw.computeIfAbsent(rs.getString("unit"), k -> new EnumMap<>(PathStatus.class))
                            .put(PathStatus.valueOf(rs.getString("status")), rs.getLong("n"));
                });
        List<AdminUnit> shown = units.byLevel(provinceCode, level);
        PathStatus[] statuses = PathStatus.values();
        long[][] cells = new long[shown.size()][statuses.length];
        for (int i = 0; i < shown.size(); i++) {
            Map<PathStatus, Long> row = raw.getOrDefault(shown.get(i).getCode(), Map.of());
            for (int j = 0; j < statuses.length; j++) {
                cells[i][j] = row.getOrDefault(statuses[j], 0L);
            }
        }
        boolean suppress = scope.needsSuppression();
        SmallCellSuppression.Result result = suppress ? suppression.suppress(cells, false, true) : null;
        List<UnitCounts> rows = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            Map<PathStatus, Long> counts = new LinkedHashMap<>();
            for (int j = 0; j < statuses.length; j++) {
                counts.put(statuses[j], result == null ? Long.valueOf(cells[i][j]) : result.shown(i, j));
            }
            rows.add(new UnitCounts(shown.get(i).getCode(), shown.get(i).getName(), counts));
        }
        Map<PathStatus, Long> totals = new LinkedHashMap<>();
        for (int j = 0; j < statuses.length; j++) {
            long sum = 0;
            for (long[] row : cells) {
                sum += row[j];
            }
            totals.put(statuses[j], result == null ? Long.valueOf(sum) : result.shown(shown.size(), j));
        }
        return new Table(provinceCode, level, date, suppress, suppress ? suppression.minCount() : null, rows, totals);
    }
}
