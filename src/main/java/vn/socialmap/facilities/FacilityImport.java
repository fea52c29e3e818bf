package vn.socialmap.facilities;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.socialmap.base.ValidationException;

/**
 * Facilities from the published XLSX template: every row is checked by the same rules as
 * the facility form. All or nothing refuses the file if one row is bad; valid rows imports
 * the good ones and returns the others. A row matching a facility already on record (same
 * type and code, or same type, name and commune when there is no code) updates it, or is
 * left alone when nothing changed, so importing a file twice creates nothing twice.
 */
@Service
public class FacilityImport {

    /** Column keys in template order; headings are translated ("facilityimport.header." + key). */
    public static final List<String> COLUMNS = List.of("type", "code", "name", "address", "communeCode", "longitude", "latitude",
            "phone", "email", "contactPerson", "status", "statusSince", "capacity", "servedCommunes", "modelKind", "startYear",
            "severity", "periodFrom");
    static final int MAX_ROWS = 20_000;

    private final FacilityService facilities;

    FacilityImport(FacilityService facilities) {
        this.facilities = facilities;
    }

    public enum Mode {
        ALL_OR_NOTHING, VALID_ROWS
    }

    /** A refused row: its number in the sheet (1 = the first data row's spreadsheet row) and why. */
    public record Rejected(int row, String field, String messageKey, List<Object> arguments, List<String> cells) {
    }

    public record Result(int created, int updated, int unchanged, List<Rejected> rejected, boolean applied) {
    }

    public void writeTemplate(Function<String, String> headings, OutputStream out) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet(headings.apply("facilityimport.sheet"));
            Row header = sheet.createRow(0);
            for (int c = 0; c < COLUMNS.size(); c++) {
                header.createCell(c).setCellValue(headings.apply("facilityimport.header." + COLUMNS.get(c)));
                sheet.setColumnWidth(c, 18 * 256);
            }
            Row example = sheet.createRow(1);
            String[] values = {"METHADONE_CLINIC", "MMT-99", "Cơ sở điều trị Methadone mẫu", "1 Phố Mẫu", "00001", "105.8412",
                    "21.0430", "02431234567", "", "", "ACTIVE", "2024-01-15", "300", "", "", "", "", ""};
            for (int c = 0; c < values.length; c++) {
                example.createCell(c).setCellValue(values[c]);
            }
            book.write(out);
        }
    }

    @Transactional
    public Result importXlsx(byte[] file, String provinceCode, Mode mode) {
        if (!facilities.mayRegister()) {
            throw new AccessDeniedException("Only administrators and district officers register facilities");
        }
        List<List<String>> rows = read(file);
        Map<String, Facility> byKey = new HashMap<>();
        for (Facility f : facilities.find(new FacilityService.Query(provinceCode, null, null, null, null))) {
            byKey.putIfAbsent(key(f.getType(), f.getCode(), f.getName(), f.getCommuneCode()), f);
        }
        List<Rejected> rejected = new ArrayList<>();
        List<FacilityForm> forms = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            List<String> cells = rows.get(i);
            int rowNumber = i + 2; // the heading is row 1
            try {
                FacilityForm form = form(cells);
                facilities.check(form);
                if (!seen.add(key(form.type(), form.code(), form.name(), form.communeCode()))) {
                    throw new ValidationException("code", "facilityimport.error.repeated");
                }
                forms.add(form);
            } catch (ValidationException e) {
                rejected.add(new Rejected(rowNumber, e.field(), e.messageKey(), List.of(e.arguments()), cells));
                forms.add(null);
            } catch (AccessDeniedException e) {
                rejected.add(new Rejected(rowNumber, "communeCode", "facilityimport.error.area", List.of(), cells));
                forms.add(null);
            }
        }
        if (mode == Mode.ALL_OR_NOTHING && !rejected.isEmpty()) {
            return new Result(0, 0, 0, rejected, false);
        }
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        for (FacilityForm form : forms) {
            if (form == null) {
                continue;
            }
            Facility existing = byKey.get(key(form.type(), form.code(), form.name(), form.communeCode()));
            if (existing == null) {
                facilities.create(form);
                created++;
            } else if (same(existing, form)) {
                unchanged++;
            } else {
                facilities.update(existing.getId(), form, existing.getVersion());
                updated++;
            }
        }
        return new Result(created, updated, unchanged, rejected, true);
    }

    /** The rejected rows as they were, with the reason in a last column, for fixing and importing again. */
    public void writeRejected(List<Rejected> rejected, Function<Rejected, String> reason, Function<String, String> headings,
                              OutputStream out) throws IOException {
        vn.socialmap.base.RejectedRows.write("facilityimport", COLUMNS,
                rejected.stream().map(x -> new vn.socialmap.base.RejectedRows.Line(x.row(), x.cells(), reason.apply(x))).toList(),
                headings, out);
    }

    private static List<List<String>> read(byte[] file) {
        List<List<String>> rows = vn.socialmap.base.SheetRows.read(file, COLUMNS.size(), "facilityimport");
        if (rows.size() > MAX_ROWS) {
            throw new ValidationException("file", "facilityimport.error.tooMany", MAX_ROWS);
        }
        return rows;
    }

    private static FacilityForm form(List<String> c) {
        FacilityType type = enumValue(FacilityType.class, c.get(0), "type");
        FacilityStatus status = enumValue(FacilityStatus.class, c.get(10), "status");
        Map<String, Object> details = new LinkedHashMap<>();
        putNumber(details, "capacity", c.get(12));
        if (!c.get(13).isEmpty()) {
            details.put("servedCommunes", List.of(c.get(13).split("\\s*[,;]\\s*")));
        }
        putText(details, "modelKind", c.get(14));
        putNumber(details, "startYear", c.get(15));
        putText(details, "severity", c.get(16));
        putText(details, "periodFrom", c.get(17));
        return new FacilityForm(type, blankToNull(c.get(1)), c.get(2), blankToNull(c.get(3)), c.get(4), decimal(c.get(5), "longitude"),
                decimal(c.get(6), "latitude"), blankToNull(c.get(7)), blankToNull(c.get(8)), blankToNull(c.get(9)), status,
                date(c.get(11)), details);
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException(field, "facilityimport.error.value", field, value);
        }
    }

    private static Double decimal(String value, String field) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Double.parseDouble(value.replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new ValidationException(field, "facilityimport.error.value", field, value);
        }
    }

    private static LocalDate date(String value) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            try {
                return LocalDate.parse(value, java.time.format.DateTimeFormatter.ofPattern("d/M/uuuu")
                        .withResolverStyle(java.time.format.ResolverStyle.STRICT));
            } catch (java.time.format.DateTimeParseException e2) {
                throw new ValidationException("statusSince", "facilityimport.error.value", "statusSince", value);
            }
        }
    }

    private static void putNumber(Map<String, Object> details, String field, String value) {
        if (!value.isEmpty()) {
            try {
                details.put(field, Long.parseLong(value));
            } catch (NumberFormatException e) {
                throw new ValidationException(field, "facilityimport.error.value", field, value);
            }
        }
    }

    private static void putText(Map<String, Object> details, String field, String value) {
        if (!value.isEmpty()) {
            details.put(field, value);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String key(FacilityType type, String code, String name, String commune) {
        return code != null && !code.isBlank() ? type + "|code|" + code.strip() : type + "|" + name.strip() + "|" + commune;
    }

    private static boolean same(Facility f, FacilityForm form) {
        return Objects.equals(f.getName(), form.name().strip()) && Objects.equals(f.getAddress(), form.address())
                && Objects.equals(f.getCommuneCode(), form.communeCode()) && f.getStatus() == form.status()
                && Objects.equals(f.getPhone(), form.phone()) && Objects.equals(f.getStatusSince(), form.statusSince())
                && Math.abs(f.getLocation().getX() - form.longitude()) < 1e-9 && Math.abs(f.getLocation().getY() - form.latitude()) < 1e-9
                && Objects.equals(String.valueOf(f.getDetails().get("capacity")), String.valueOf(form.details().get("capacity")));
    }
}
