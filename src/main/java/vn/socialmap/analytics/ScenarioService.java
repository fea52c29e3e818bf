package vn.socialmap.analytics;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Array;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.socialmap.base.NotFoundException;
import vn.socialmap.base.ValidationException;
import vn.socialmap.geography.AdminStructures;
import vn.socialmap.security.CurrentUser;
import vn.socialmap.security.Role;

/**
 * What-if scenarios of the covering model: a planner runs the model with chosen inputs and
 * saves the run under a name; saved runs are listed, compared and exported to XLSX.
 */
@Service
@Transactional
public class ScenarioService {

    private final JdbcClient jdbc;
    private final CoveringService covering;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final AdminStructures structures;

    ScenarioService(JdbcClient jdbc, CoveringService covering, CurrentUser currentUser, Clock clock, AdminStructures structures) {
        this.structures = structures;
        this.jdbc = jdbc;
        this.covering = covering;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    public record Inputs(String provinceCode, String name, int k, int radiusMeters, AnalyticsIndicator demand, LocalDate asOf,
                         List<String> excluded) {
    }

    /**
     * A saved run; its communes (excluded, chosen) are of {@code unitStructure}, in force on {@code asOf}.
     * {@code totalWeight} is the demand left to the new sites, {@code coveredByExisting} the demand the
     * existing models reached and {@code areaWeight} their sum, the demand of the whole area: the base of
     * the shares ({@link CoveringService#percentOfArea}). Runs saved before the existing models' reach was
     * kept have neither (null): their shares are unknown.
     */
    public record Scenario(long id, String provinceCode, String name, int k, int radiusMeters, String demand, LocalDate asOf,
                           List<String> excluded, List<String> chosen, long coveredWeight, long totalWeight,
                           Long coveredByExisting, Long areaWeight, boolean optimal, double gap, String createdBy,
                           Instant createdAt, String unitStructure) {

        /** The share of the area's demand the new sites serve, in percent; null when the area's demand is unknown. */
        public Double coveredPercent() {
            return areaWeight == null ? null : CoveringService.percentOfArea(coveredWeight, areaWeight);
        }

        /** The share of the area's demand served with the new sites open, in percent; null when unknown. */
        public Double servedPercent() {
            return areaWeight == null ? null : CoveringService.percentOfArea(coveredByExisting + coveredWeight, areaWeight);
        }
    }

    public boolean maySave() {
        Role role = currentUser.scope().role();
        return role == Role.ADMIN || role == Role.PLANNER || role == Role.CITY_LEADER;
    }

    /** Runs the model with the inputs and saves the run; bad inputs change nothing. */
    public Scenario save(Inputs in) {
        if (!maySave()) {
            throw new AccessDeniedException("Only planners, city leaders and administrators save scenarios");
        }
        if (in.name() == null || in.name().isBlank() || in.name().length() > 200) {
            throw new ValidationException("name", "scenario.error.name");
        }
        if (in.k() < 1 || in.k() > 100) {
            throw new ValidationException("k", "scenario.error.k");
        }
        if (in.radiusMeters() < 100 || in.radiusMeters() > 100_000) {
            throw new ValidationException("radiusMeters", "scenario.error.radius");
        }
        if (in.asOf() == null) {
            throw new ValidationException("asOf", "scenario.error.asOf");
        }
        var result = covering.solve(in.provinceCode(), in.k(), in.radiusMeters(), in.demand(), in.asOf(), in.excluded());
        long id = jdbc.sql("""
                insert into planning_scenario (province_code, name, k, radius_meters, demand, as_of, excluded, chosen,
                    covered_weight, total_weight, covered_by_existing, optimal, gap, created_by, created_at, unit_structure)
                values (:p, :name, :k, :r, :d, :asOf, :excluded, :chosen, :covered, :total, :existing, :optimal, :gap, :by, :at, :s)
                returning id""")
                .param("s", structures.on(in.asOf()).code())
                .param("p", in.provinceCode()).param("name", in.name().strip()).param("k", in.k()).param("r", in.radiusMeters())
                .param("d", in.demand().code()).param("asOf", Date.valueOf(in.asOf()))
                .param("excluded", in.excluded().toArray(String[]::new)).param("chosen", result.chosen().toArray(String[]::new))
                .param("covered", result.coveredWeight()).param("total", result.totalWeight())
                .param("existing", result.coveredByExisting()).param("optimal", result.optimal())
                .param("gap", result.gap()).param("by", currentUser.require().getUsername()).param("at", Timestamp.from(clock.instant()))
                .query(Long.class).single();
        return get(id);
    }

    @Transactional(readOnly = true)
    public List<Scenario> list(String provinceCode) {
        return jdbc.sql("select * from planning_scenario where province_code = :p order by created_at desc, id desc")
                .param("p", provinceCode).query((rs, n) -> scenario(rs)).list();
    }

    @Transactional(readOnly = true)
    public Scenario get(long id) {
        return jdbc.sql("select * from planning_scenario where id = :id").param("id", id).query((rs, n) -> scenario(rs))
                .optional().orElseThrow(() -> new NotFoundException("No scenario " + id));
    }

    /**
     * The scenarios side by side: one column per scenario, inputs and results as rows, then the chosen communes.
     *
     * @param communeName a commune's name from its code and the scenario's date (its units are those in force then)
     */
    @Transactional(readOnly = true)
    public void writeXlsx(Collection<Scenario> scenarios, java.util.function.Function<String, String> label,
                          java.util.function.BiFunction<String, LocalDate, String> communeName, OutputStream out) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet(label.apply("planning.sheet"));
            String[] rows = {"planning.scenario", "planning.k", "planning.radius", "planning.demand", "planning.asOf",
                    "planning.covered", "planning.existingCovered", "planning.total", "planning.area", "planning.coveredPercent",
                    "planning.servedPercent", "planning.optimal", "planning.gap", "planning.excluded", "planning.chosen"};
            for (int r = 0; r < rows.length; r++) {
                sheet.createRow(r).createCell(0).setCellValue(label.apply(rows[r]));
            }
            int col = 1;
            for (Scenario s : scenarios) {
                cell(sheet, 0, col, s.name());
                number(sheet, 1, col, s.k());
                number(sheet, 2, col, s.radiusMeters());
                cell(sheet, 3, col, label.apply("analytics.indicator." + s.demand().toUpperCase(java.util.Locale.ROOT)));
                cell(sheet, 4, col, s.asOf().toString());
                number(sheet, 5, col, s.coveredWeight());
                number(sheet, 6, col, s.coveredByExisting(), label);
                number(sheet, 7, col, s.totalWeight());
                number(sheet, 8, col, s.areaWeight(), label);
                number(sheet, 9, col, s.coveredPercent() == null ? null : Math.round(s.coveredPercent() * 10) / 10.0, label);
                number(sheet, 10, col, s.servedPercent() == null ? null : Math.round(s.servedPercent() * 10) / 10.0, label);
                cell(sheet, 11, col, label.apply(s.optimal() ? "planning.yes" : "planning.no"));
                number(sheet, 12, col, s.gap());
                cell(sheet, 13, col, String.join(", ", s.excluded()));
                for (int i = 0; i < s.chosen().size(); i++) {
                    cell(sheet, CHOSEN_ROW + i, col, s.chosen().get(i) + " " + communeName.apply(s.chosen().get(i), s.asOf()));
                }
                col++;
            }
            for (int c = 0; c < col; c++) {
                sheet.autoSizeColumn(c);
            }
            book.write(out);
        }
    }

    /** The row of the sheet where the chosen communes begin, one a row. */
    static final int CHOSEN_ROW = 14;

    /** A number, or the word for "unknown" (a run saved before the figure was kept). */
    private static void number(Sheet sheet, int row, int col, Number value, java.util.function.Function<String, String> label) {
        if (value == null) {
            cell(sheet, row, col, label.apply("planning.unknown"));
        } else {
            number(sheet, row, col, value.doubleValue());
        }
    }

    private static void cell(Sheet sheet, int row, int col, String value) {
        Row r = sheet.getRow(row) == null ? sheet.createRow(row) : sheet.getRow(row);
        // a leading =, +, - or @ would make a spreadsheet formula of a scenario name
        r.createCell(col).setCellValue(value != null && !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value);
    }

    private static void number(Sheet sheet, int row, int col, double value) {
        Row r = sheet.getRow(row) == null ? sheet.createRow(row) : sheet.getRow(row);
        r.createCell(col).setCellValue(value);
    }

    private static Scenario scenario(java.sql.ResultSet rs) throws java.sql.SQLException {
        Long existing = rs.getObject("covered_by_existing", Long.class);
        return new Scenario(rs.getLong("id"), rs.getString("province_code"), rs.getString("name"), rs.getInt("k"),
                rs.getInt("radius_meters"), rs.getString("demand"), rs.getDate("as_of").toLocalDate(),
                strings(rs.getArray("excluded")), strings(rs.getArray("chosen")), rs.getLong("covered_weight"),
                rs.getLong("total_weight"), existing, existing == null ? null : rs.getLong("total_weight") + existing,
                rs.getBoolean("optimal"), rs.getDouble("gap"), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("unit_structure"));
    }

    private static List<String> strings(Array array) throws java.sql.SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
