package vn.socialmap.targets;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.socialmap.base.ui.i18n.Translations;
import vn.socialmap.cases.EventType;
import vn.socialmap.cases.PathStatus;
import vn.socialmap.geography.AdminLevel;
import vn.socialmap.geography.AdminUnitService;
import vn.socialmap.security.CurrentUser;
import vn.socialmap.security.Role;
import vn.socialmap.targets.PlanModel.Definition;
import vn.socialmap.targets.PlanModel.Level;
import vn.socialmap.targets.PlanModel.Unit;

/**
 * Imports a plan and its targets from the XLSX template (admin only). Every row is
 * checked first; a file with any bad row imports nothing and the answer lists each
 * rejected row with its number and reason.
 */
@Service
public class PlanImport {

    static final int HEADER_ROWS = 7;
    static final int COLUMN_COUNT = 10;
    static final int FIRST_DATA_ROW = 9;

    private final PlanRepository plans;
    private final AdminUnitService units;
    private final CurrentUser currentUser;
    private final Translations translations;

    PlanImport(PlanRepository plans, AdminUnitService units, CurrentUser currentUser, Translations translations) {
        this.plans = plans;
        this.units = units;
        this.currentUser = currentUser;
        this.translations = translations;
    }

    /** A rejected row: its number as the spreadsheet shows it (1-based) and why (a translation key and its arguments). */
    public record Problem(int row, String reasonKey, List<Object> arguments) {
        Problem(int row, String reasonKey, Object... arguments) {
            this(row, reasonKey, List.of(arguments));
        }
    }

    /** The imported plan's id, or the problems (then nothing was imported). */
    public record Result(Long planId, List<Problem> problems) {
    }

    private record Line(int row, String code, String name, Unit unit, Definition definition, Level level, String unitCode,
                        double value) {
    }

    /** The empty template, with the headings in Vietnamese. */
    public void writeTemplate(OutputStream out) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet(translations.getTranslation("planimport.sheet", Translations.VIETNAMESE));
            // the template is in Vietnamese, whatever the user's language
            for (int i = 0; i < HEADER_ROWS; i++) {
                sheet.createRow(i).createCell(0).setCellValue(
                        translations.getTranslation("planimport.header." + (i + 1), Translations.VIETNAMESE));
            }
            Row header = sheet.createRow(FIRST_DATA_ROW - 1);
            for (int i = 0; i < COLUMN_COUNT; i++) {
                header.createCell(i).setCellValue(
                        translations.getTranslation("planimport.column." + (i + 1), Translations.VIETNAMESE));
                sheet.autoSizeColumn(i);
            }
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Transactional
    public Result importXlsx(byte[] file) {
        var user = currentUser.require();
        if (user.role() != Role.ADMIN) {
            throw new AccessDeniedException("Only an administrator imports plans");
        }
        List<Problem> problems = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            Sheet sheet = workbook.getSheetAt(0);
            String number = text(sheet, 0, 1);
            String issuer = text(sheet, 1, 1);
            LocalDate issued = date(sheet, 2, problems);
            String title = text(sheet, 3, 1);
            LocalDate from = date(sheet, 4, problems);
            LocalDate to = date(sheet, 5, problems);
            String province = text(sheet, 6, 1);
            requireText(number, 1, 1, problems);
            requireText(issuer, 2, 2, problems);
            requireText(title, 4, 4, problems);
            if (units.find(province).filter(u -> u.getLevel() == AdminLevel.PROVINCE).isEmpty()) {
                problems.add(new Problem(7, "planimport.error.province", province));
            } else if (!number.isBlank() && plans.exists(province, number)) {
                problems.add(new Problem(1, "planimport.error.exists", number));
            }
            if (from != null && to != null && to.isBefore(from)) {
                problems.add(new Problem(6, "planimport.error.period"));
            }
            List<Line> lines = new ArrayList<>();
            for (int r = FIRST_DATA_ROW; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null || text(sheet, r, 0).isBlank() && text(sheet, r, 9).isBlank()) {
                    continue;
                }
                Line line = line(sheet, r, problems, from == null ? units.today() : from);
                if (line != null) {
                    lines.add(line);
                }
            }
            if (lines.isEmpty()) {
                problems.add(new Problem(FIRST_DATA_ROW + 1, "planimport.error.empty"));
            }
            if (!problems.isEmpty()) {
                return new Result(null, problems);
            }
            long planId = plans.insertPlan(province, number, issuer, issued, title, from, to);
            Map<String, Long> indicators = new LinkedHashMap<>();
            for (Line line : lines) {
                Long id = indicators.get(line.code());
                if (id == null) {
                    id = plans.insertIndicator(province, planId, line.code(), line.name(), line.unit(), line.definition(),
                            indicators.size() + 1);
                    indicators.put(line.code(), id);
                }
                plans.insertTarget(province, id, line.level(), line.unitCode(), line.value());
            }
            return new Result(planId, List.of());
        } catch (IOException | RuntimeException e) {
            if (e instanceof AccessDeniedException ade) {
                throw ade;
            }
            if (!problems.isEmpty()) {
                return new Result(null, problems);
            }
            return new Result(null, List.of(new Problem(0, "planimport.error.unreadable")));
        }
    }

    /** One target line; its unit is one of the structure in force when the plan's period begins. */
    private Line line(Sheet sheet, int r, List<Problem> problems, LocalDate unitsOn) {
        int shown = r + 1;
        String code = text(sheet, r, 0);
        String name = text(sheet, r, 1);
        String kindText = text(sheet, r, 3).toUpperCase(java.util.Locale.ROOT);
        List<String> types = list(text(sheet, r, 4));
        List<String> kinds = list(text(sheet, r, 5));
        boolean atFacility = text(sheet, r, 6).toLowerCase(java.util.Locale.ROOT).startsWith("c");
        if (!code.matches("[A-Z0-9_]{1,40}")) {
            problems.add(new Problem(shown, "planimport.error.code"));
            return null;
        }
        if (name.isBlank()) {
            problems.add(new Problem(shown, "planimport.error.name"));
            return null;
        }
        Unit unit;
        Level level;
        try {
            unit = Unit.valueOf(text(sheet, r, 2).toUpperCase(java.util.Locale.ROOT));
            level = Level.valueOf(text(sheet, r, 7).toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(shown, "planimport.error.unitOrLevel"));
            return null;
        }
        IndicatorKind kind = java.util.Arrays.stream(IndicatorKind.values()).filter(IndicatorKind::importable)
                .filter(k -> k.name().equals(kindText)).findFirst().orElse(null);
        if (kind == null) {
            problems.add(new Problem(shown, "planimport.error.kind", String.join(", ", java.util.Arrays.stream(IndicatorKind.values())
                    .filter(IndicatorKind::importable).map(Enum::name).sorted().toList())));
            return null;
        }
        for (String t : types) {
            boolean known = kind == IndicatorKind.HOLDING ? EnumSet.allOf(PathStatus.class).stream().anyMatch(s -> s.name().equals(t))
                    : EnumSet.allOf(EventType.class).stream().anyMatch(e -> e.name().equals(t));
            if (!known) {
                problems.add(new Problem(shown, "planimport.error.type", t));
                return null;
            }
        }
        if ((kind == IndicatorKind.EVENTS || kind == IndicatorKind.HOLDING) && types.isEmpty()) {
            problems.add(new Problem(shown, "planimport.error.typeMissing"));
            return null;
        }
        String unitCode = text(sheet, r, 8);
        boolean unitKnown = switch (level) {
            case CITY -> units.find(unitCode, unitsOn).filter(u -> u.getLevel() == AdminLevel.PROVINCE).isPresent();
            case DISTRICT -> units.find(unitCode, unitsOn).filter(u -> u.getLevel() == AdminLevel.DISTRICT).isPresent();
            case FACILITY -> !unitCode.isBlank();
        };
        if (!unitKnown) {
            problems.add(new Problem(shown, "planimport.error.unit", unitCode, level));
            return null;
        }
        double value;
        try {
            value = Double.parseDouble(text(sheet, r, 9).replace(',', '.'));
        } catch (NumberFormatException e) {
            problems.add(new Problem(shown, "planimport.error.value"));
            return null;
        }
        if (value < 0) {
            problems.add(new Problem(shown, "planimport.error.negative"));
            return null;
        }
        Definition definition = new Definition(kind, kind == IndicatorKind.HOLDING ? List.of() : types, atFacility, kinds,
                kind == IndicatorKind.HOLDING ? types.getFirst() : null);
        return new Line(shown, code, name, unit, definition, level, unitCode, value);
    }

    private static List<String> list(String text) {
        return text.isBlank() ? List.of() : java.util.Arrays.stream(text.split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).map(s -> s.toUpperCase(java.util.Locale.ROOT)).toList();
    }

    private static void requireText(String value, int row, int what, List<Problem> problems) {
        if (value.isBlank()) {
            problems.add(new Problem(row, "planimport.error.missing", what));
        }
    }

    private static LocalDate date(Sheet sheet, int r, List<Problem> problems) {
        Row row = sheet.getRow(r);
        Cell cell = row == null ? null : row.getCell(1);
        if (cell != null && cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate();
        }
        try {
            return LocalDate.parse(text(sheet, r, 1));
        } catch (DateTimeParseException e) {
            problems.add(new Problem(r + 1, "planimport.error.date"));
            return null;
        }
    }

    private static String text(Sheet sheet, int r, int c) {
        Row row = sheet.getRow(r);
        Cell cell = row == null ? null : row.getCell(c);
        return cell == null ? "" : new DataFormatter().formatCellValue(cell).strip();
    }
}
