package vn.socialmap.cases;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntConsumer;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.socialmap.audit.AuditAction;
import vn.socialmap.audit.AuditLog;
import vn.socialmap.base.ValidationException;
import vn.socialmap.base.text.VietnameseText;
import vn.socialmap.geography.AdminUnit;
import vn.socialmap.geography.UnitRef;
import vn.socialmap.security.CurrentUser;

/**
 * People and their events from the published template (CSV or XLSX, one row per event with
 * the person's identity repeated). Rows are grouped by person (national ID, or name, birth
 * date and commune); each person's identity is checked by the person form's rules and
 * their whole path by the path rules, so a group is taken or refused as a whole. People
 * already on record (same national ID, or same name and birth date in the commune) are
 * not created again and their events already recorded are skipped, which makes a second
 * import of the same file change nothing. New people are written with COPY.
 */
@Service
public class PersonImport {

    /** Column keys in template order; headings are translated ("personimport.header." + key). */
    public static final List<String> COLUMNS = List.of("nationalId", "fullName", "birthDate", "sex", "permanentCommuneCode",
            "permanentAddress", "currentCommuneCode", "currentAddress", "occupation", "eventType", "eventDate", "facilityCode",
            "details");
    static final int MAX_ROWS = 200_000;
    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);

    private final PersonService persons;
    private final JdbcClient jdbc;
    private final CaseBulkLoader loader;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final Clock clock;

    PersonImport(PersonService persons, JdbcClient jdbc, CaseBulkLoader loader, CurrentUser currentUser, AuditLog audit,
                 Clock clock) {
        this.persons = persons;
        this.jdbc = jdbc;
        this.loader = loader;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    public enum Mode {
        ALL_OR_NOTHING, VALID_ROWS
    }

    public record Rejected(int row, ValidationException reason, List<String> cells) {
    }

    public record Result(int rows, int personsCreated, int eventsCreated, int eventsSkipped, List<Rejected> rejected,
                         boolean applied) {
    }

    public void writeTemplate(Function<String, String> headings, OutputStream out) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet(headings.apply("personimport.sheet"));
            Row header = sheet.createRow(0);
            for (int c = 0; c < COLUMNS.size(); c++) {
                header.createCell(c).setCellValue(headings.apply("personimport.header." + COLUMNS.get(c)));
                sheet.setColumnWidth(c, 18 * 256);
            }
            String[] example = {"001090012345", "Nguyễn Văn A", "15/03/1990", "MALE", "00001", "1 Phố Mẫu", "00001", "1 Phố Mẫu", "",
                    "DRUG_USE_RECORD", "10/01/2024", "", ""};
            Row row = sheet.createRow(1);
            for (int c = 0; c < example.length; c++) {
                row.createCell(c).setCellValue(example[c]);
            }
            book.write(out);
        }
    }

    /** Reads a CSV (UTF-8, comma separated, headings in the first line) or an XLSX file. */
    public List<List<String>> read(byte[] file, String fileName) {
        boolean xlsx = file.length > 2 && file[0] == 'P' && file[1] == 'K';
        List<List<String>> rows = xlsx ? vn.socialmap.base.SheetRows.read(file, COLUMNS.size(), "personimport") : readCsv(file);
        if (rows.size() > MAX_ROWS) {
            throw new ValidationException("file", "personimport.error.tooMany", MAX_ROWS);
        }
        return rows;
    }

    @Transactional
    public Result importRows(List<List<String>> rows, Mode mode, IntConsumer progress) {
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        List<Rejected> rejected = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            List<String> c = rows.get(i);
            String key = !c.get(0).isBlank() ? "id:" + c.get(0).strip()
                    : "nb:" + VietnameseText.fold(c.get(1)) + "|" + c.get(2).strip() + "|" + c.get(6).strip();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
        }
        List<CaseBulkLoader.PersonSeed> seeds = new ArrayList<>();
        List<Object[]> appends = new ArrayList<>(); // person id, event form
        int skipped = 0;
        int done = 0;
        String user = currentUser.require().getUsername();
        java.util.function.Function<PersonForm, AdminUnit> check = persons.importCheck();
        OnRecord onRecord = onRecord(rows);
        for (List<Integer> group : groups.values()) {
            int first = group.getFirst();
            try {
                PersonForm form = rowCheck(first, () -> person(rows.get(first)));
                for (int i : group.subList(1, group.size())) {
                    if (!samePerson(form, rowCheck(i, () -> person(rows.get(i))))) {
                        throw new RowException(i, new ValidationException("fullName", "personimport.error.identity"));
                    }
                }
                AdminUnit commune = rowCheck(first, () -> check.apply(form));
                List<EventForm> eventForms = new ArrayList<>();
                for (int i : group) {
                    int row = i;
                    eventForms.add(rowCheck(row, () -> event(rows.get(row))));
                }
                Long existing = onRecord.find(form, commune.ref());
                if (existing == null) {
                    // every event of a new person is new: judged by the rules the add-event form applies
                    List<PathRules.Event> path = new ArrayList<>();
                    for (EventForm f : eventForms) {
                        path.add(new PathRules.Event(null, f.type(), f.date(), f.facilityCode(), f.details(), null));
                    }
                    try {
                        persons.checkNewPath(form.birthDate(), commune.getProvinceCode(), path);
                    } catch (PathRules.Violation v) {
                        int at = first;
                        for (int e = 0; e < path.size(); e++) {
                            if (path.get(e) == v.event()) {
                                at = group.get(e);
                            }
                        }
                        throw new RowException(at, v);
                    }
                    seeds.add(new CaseBulkLoader.PersonSeed(form, commune.getProvinceCode(), commune.getStructure(), eventForms,
                            user, false));
                } else {
                    Set<Recorded> recorded = onRecord.events().getOrDefault(existing, Set.of());
                    for (int e = 0; e < eventForms.size(); e++) {
                        EventForm f = eventForms.get(e);
                        if (recorded.contains(new Recorded(f.type().name(), f.date(), f.facilityCode()))) {
                            skipped++;
                        } else {
                            appends.add(new Object[] {existing, f, group.get(e)});
                        }
                    }
                }
            } catch (RowException e) {
                for (int i : group) {
                    ValidationException why = i == e.row ? e.cause : new ValidationException(null, "personimport.error.sameGroup",
                            e.row + 2);
                    rejected.add(new Rejected(i + 2, why, rows.get(i)));
                }
            }
            int before = done;
            done += group.size();
            // report every 500 rows, not every person: each report is a round trip to the browser
            if (progress != null && (done / 500 != before / 500 || done == rows.size())) {
                progress.accept(done);
            }
        }
        rejected.sort(java.util.Comparator.comparingInt(Rejected::row));
        if (mode == Mode.ALL_OR_NOTHING && !rejected.isEmpty()) {
            return new Result(rows.size(), 0, 0, skipped, rejected, false);
        }
        int created = 0;
        if (!seeds.isEmpty()) {
            List<Long> ids = loader.load(seeds);
            created = seeds.stream().mapToInt(s -> s.events().size()).sum();
            audit.record(AuditAction.CREATE, PersonService.RECORD_TYPE, ids, null, "import of " + seeds.size() + " people");
        }
        for (Object[] a : appends) {
            try {
                persons.addEvent((Long) a[0], (EventForm) a[1]);
                created++;
            } catch (ValidationException e) {
                if (mode == Mode.ALL_OR_NOTHING) {
                    throw e;
                }
                int i = (Integer) a[2];
                rejected.add(new Rejected(i + 2, e, rows.get(i)));
            }
        }
        return new Result(rows.size(), seeds.size(), created, skipped, rejected, true);
    }

    /** Rejected rows as they were, with the reason last, for fixing and importing again. */
    public void writeRejected(List<Rejected> rejected, Function<Rejected, String> reason, Function<String, String> headings,
                              OutputStream out) throws IOException {
        vn.socialmap.base.RejectedRows.write("personimport", COLUMNS,
                rejected.stream().map(x -> new vn.socialmap.base.RejectedRows.Line(x.row(), x.cells(), reason.apply(x))).toList(),
                headings, out);
    }

    /** A refusal tied to one row of a person's group. */
    private static final class RowException extends RuntimeException {
        final int row;
        final ValidationException cause;

        RowException(int row, ValidationException cause) {
            super(cause.getMessage(), null, false, false);
            this.row = row;
            this.cause = cause;
        }
    }

    private static <T> T rowCheck(int row, java.util.function.Supplier<T> check) {
        try {
            return check.get();
        } catch (ValidationException e) {
            throw new RowException(row, e);
        }
    }

    /** An event already recorded, as re-import compares it: type, date and facility. */
    private record Recorded(String type, LocalDate date, String facilityCode) {
    }

    /**
     * The live people the file's rows may name (by national ID, or by folded name with birth
     * date and commune) and their recorded events, read in two queries for the whole file.
     */
    private record OnRecord(Map<String, Long> byNationalId, Map<String, Long> byNameBirthCommune,
                            Map<Long, Set<Recorded>> events) {

        Long find(PersonForm form, UnitRef commune) {
            return form.nationalId() != null ? byNationalId.get(form.nationalId())
                    : byNameBirthCommune.get(VietnameseText.fold(form.fullName()) + "|" + form.birthDate() + "|" + commune);
        }
    }

    private OnRecord onRecord(List<List<String>> rows) {
        Set<String> nationalIds = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (List<String> c : rows) {
            if (c.get(0).isBlank()) {
                names.add(VietnameseText.fold(c.get(1)));
            } else {
                nationalIds.add(c.get(0).strip());
            }
        }
        Map<String, Long> byNationalId = new HashMap<>();
        Map<String, Long> byNameBirthCommune = new HashMap<>();
        jdbc.sql("""
                        select id, national_id, name_folded, birth_date, current_structure, current_commune_code from person
                        where merged_into_id is null and (national_id = any(:ids) or name_folded = any(:names))
                        order by id""")
                .param("ids", nationalIds.toArray(String[]::new)).param("names", names.toArray(String[]::new))
                .query(rs -> {
                    long id = rs.getLong(1);
                    if (rs.getString(2) != null) {
                        byNationalId.putIfAbsent(rs.getString(2), id);
                    }
                    byNameBirthCommune.putIfAbsent(rs.getString(3) + "|" + rs.getObject(4, LocalDate.class) + "|"
                                    + new UnitRef(rs.getString(5), rs.getString(6)),
                            id);
                });
        Map<Long, Set<Recorded>> recorded = new HashMap<>();
        Set<Long> ids = new HashSet<>(byNationalId.values());
        ids.addAll(byNameBirthCommune.values());
        if (!ids.isEmpty()) {
            jdbc.sql("select person_id, type, event_date, facility_code from case_event where person_id = any(:ids)")
                    .param("ids", ids.toArray(Long[]::new))
                    .query(rs -> {
                        recorded.computeIfAbsent(rs.getLong(1), k -> new HashSet<>())
                                .add(new Recorded(rs.getString(2), rs.getObject(3, LocalDate.class), rs.getString(4)));
                    });
        }
        return new OnRecord(byNationalId, byNameBirthCommune, recorded);
    }

    private static boolean samePerson(PersonForm a, PersonForm b) {
        return java.util.Objects.equals(a.nationalId(), b.nationalId()) && a.fullName().equals(b.fullName())
                && a.birthDate().equals(b.birthDate()) && a.sex() == b.sex()
                && a.currentCommuneCode().equals(b.currentCommuneCode());
    }

    private static PersonForm person(List<String> c) {
        String nationalId = c.get(0).isBlank() ? null : c.get(0).strip();
        LocalDate birth = date(c.get(2), "birthDate");
        Sex sex = sex(c.get(3));
        return new PersonForm(c.get(1).strip(), birth, sex, nationalId, c.get(4).strip(), blankToNull(c.get(5)), c.get(6).strip(),
                blankToNull(c.get(7)), null, null, blankToNull(c.get(8)), null);
    }

    private static EventForm event(List<String> c) {
        EventType type;
        try {
            type = EventType.valueOf(c.get(9).strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("eventType", "personimport.error.value", "eventType", c.get(9));
        }
        if (type == EventType.VOID) {
            throw new ValidationException("eventType", "personimport.error.value", "eventType", c.get(9));
        }
        Map<String, Object> details = new HashMap<>();
        if (!c.get(12).isBlank()) {
            for (String pair : c.get(12).split(";")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new ValidationException("details", "personimport.error.value", "details", c.get(12));
                }
                String value = pair.substring(eq + 1).strip();
                details.put(pair.substring(0, eq).strip(), value.matches("-?\\d{1,9}") ? Integer.parseInt(value) : value);
            }
        }
        return new EventForm(type, date(c.get(10), "eventDate"), blankToNull(c.get(11)), details, null);
    }

    private static Sex sex(String value) {
        String v = VietnameseText.fold(value);
        return switch (v) {
            case "male", "nam", "m" -> Sex.MALE;
            case "female", "nu", "f" -> Sex.FEMALE;
            default -> throw new ValidationException("sex", "personimport.error.value", "sex", value);
        };
    }

    private static LocalDate date(String value, String field) {
        String v = value.strip();
        try {
            return v.contains("/") ? LocalDate.parse(v, DMY) : LocalDate.parse(v);
        } catch (java.time.format.DateTimeParseException e) {
            throw new ValidationException(field, "personimport.error.date", field, value);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks; a byte order mark is ignored. */
    private static List<List<String>> readCsv(byte[] file) {
        String text = new String(file, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean header = true;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                row.add(cell.toString().strip());
                cell.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(cell.toString().strip());
                cell.setLength(0);
                header = addRow(rows, row, header);
                row = new ArrayList<>();
            } else {
                cell.append(ch);
            }
        }
        if (quoted) {
            throw new ValidationException("file", "personimport.error.csv");
        }
        if (cell.length() > 0 || !row.isEmpty()) {
            row.add(cell.toString().strip());
            addRow(rows, row, header);
        }
        return rows;
    }

    private static boolean addRow(List<List<String>> rows, List<String> row, boolean header) {
        if (header) {
            return false;
        }
        if (row.stream().allMatch(String::isEmpty)) {
            return false;
        }
        while (row.size() < COLUMNS.size()) {
            row.add("");
        }
        rows.add(row.subList(0, COLUMNS.size()));
        return false;
    }
}
