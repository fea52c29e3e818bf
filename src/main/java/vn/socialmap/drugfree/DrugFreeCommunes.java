package vn.socialmap.drugfree;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.socialmap.audit.AuditAction;
import vn.socialmap.audit.AuditLog;
import vn.socialmap.base.NotFoundException;
import vn.socialmap.base.ValidationException;
import vn.socialmap.base.VietnamTime;
import vn.socialmap.cases.CaseIndicators;
import vn.socialmap.cases.EventType;
import vn.socialmap.cases.PathStatus;
import vn.socialmap.disclosure.Cell;
import vn.socialmap.disclosure.Disclosure;
import vn.socialmap.disclosure.Protection;
import vn.socialmap.geography.AdminLevel;
import vn.socialmap.geography.AdminStructures;
import vn.socialmap.geography.AdminUnit;
import vn.socialmap.geography.AdminUnitService;
import vn.socialmap.security.AccessScope;
import vn.socialmap.security.AreaType;
import vn.socialmap.security.CurrentUser;
import vn.socialmap.security.Role;

/**
 * Drug-free communes of today's structure for a year: their status (the latest decision, with
 * its history kept), their criteria as the caller may see them, and the decisions and evidence
 * officers record. Who may record what: a commune officer proposes and enters evidence for their
 * own commune; the provincial police (standing body of the assessment council) and the
 * administrator do that too, and alone record recognition and its loss.
 */
@Service
@Transactional(readOnly = true)
public class DrugFreeCommunes {

    static final int FIRST_YEAR = 2025;
    private static final int MAX_TEXT = 2000;
    private static final Set<Role> WRITERS = EnumSet.of(Role.ADMIN, Role.PROVINCIAL_POLICE, Role.COMMUNE_OFFICER);

    private final DrugFreeRepository repository;
    private final DrugFreeSettings settings;
    private final CaseIndicators indicators;
    private final AdminUnitService units;
    private final AdminStructures structures;
    private final CurrentUser currentUser;
    private final Disclosure disclosure;
    private final VietnamTime time;
    private final AuditLog audit;
    private final Clock clock;

    DrugFreeCommunes(DrugFreeRepository repository, DrugFreeSettings settings, CaseIndicators indicators, AdminUnitService units,
                     AdminStructures structures, CurrentUser currentUser, Disclosure disclosure, VietnamTime time,
                     AuditLog audit, Clock clock) {
        this.repository = repository;
        this.settings = settings;
        this.indicators = indicators;
        this.units = units;
        this.structures = structures;
        this.currentUser = currentUser;
        this.disclosure = disclosure;
        this.time = time;
        this.audit = audit;
        this.clock = clock;
    }

    /** A status decision as entered. */
    @io.swagger.v3.oas.annotations.media.Schema(example = """
            {"year": 2026, "status": "RECOGNISED", "decidedBy": "Hội đồng xét duyệt địa bàn cấp xã không ma túy TP Hà Nội",
             "decidedOn": "2026-11-20", "reference": "Quyết định 5208/QĐ-UBND"}""")
    public record AssessmentForm(Integer year, DrugFreeStatus status, String decidedBy, LocalDate decidedOn, String reference) {
    }

    /** Evidence for a criterion the registry cannot compute, as entered. */
    @io.swagger.v3.oas.annotations.media.Schema(example = """
            {"year": 2026, "value": 0, "evidence": "Biên bản rà soát của Công an phường: không phát hiện đối tượng phạm tội về ma túy",
             "document": "BB-2026-00004"}""")
    public record EvidenceForm(Integer year, Long value, String evidence, String document) {
    }

    public DrugFreeSettings settings() {
        return settings;
    }

    /** The day a year's registry criteria are read on: its last day, or today for the current year. */
    public LocalDate assessmentDay(int year) {
        LocalDate end = LocalDate.of(year, 12, 31);
        LocalDate today = time.today();
        return end.isAfter(today) ? today : end;
    }

    /** The years one may ask about: from 2025 (Decision 28/2025) to next year. */
    public List<Integer> years() {
        List<Integer> years = new ArrayList<>();
        for (int y = FIRST_YEAR; y <= time.today().getYear() + 1; y++) {
            years.add(y);
        }
        return years;
    }

    public void checkYear(Integer year) {
        if (year == null || year < FIRST_YEAR || year > time.today().getYear() + 1) {
            throw new ValidationException("year", "drugfree.error.year", FIRST_YEAR, time.today().getYear() + 1);
        }
    }

    /** Every commune of today's structure in a province, for a year, as the caller may see it. */
    public List<CommuneAssessment> communes(String province, int year) {
        checkYear(year);
        LocalDate today = time.today();
        String structure = structures.on(today).code();
        LocalDate day = assessmentDay(year);
        AccessScope scope = currentUser.scope();
        Protection protection = disclosure.protection(scope);
        CriteriaCheck.Facts facts = facts(province, structure, year, day, protection.needsOwnArea() ? scope : null);
        Map<String, List<Decision>> decisions = new HashMap<>();
        repository.decisions(province, structure, year, day).forEach(d ->
                decisions.computeIfAbsent(d.communeCode(), k -> new ArrayList<>()).add(d));
        boolean seesHotspots = scope.seesPersons();
        List<CommuneAssessment> result = new ArrayList<>();
        for (AdminUnit c : units.byLevel(province, AdminLevel.COMMUNE, today)) {
            List<CriterionResult> criteria = CriteriaCheck.evaluate(c.getCode(), settings.criteria(), facts, protection::shown,
                    !protection.applies(), seesHotspots);
            var standing = CriteriaCheck.standing(decisions.getOrDefault(c.getCode(), List.of()), year,
                    settings.recognitionCarriesOver());
            result.add(new CommuneAssessment(c.getCode(), c.getName(), c.getUnitType(), year, standing.status(),
                    standing.decision(), standing.carriedOver(), criteria, CriteriaCheck.allMet(criteria)));
        }
        return result;
    }

    /** The registry's true facts for a year (for the criteria flags), with the caller's own area apart. */
    private CriteriaCheck.Facts facts(String province, String structure, int year, LocalDate day, AccessScope areaOf) {
        Map<String, Map<String, Cell>> all = new HashMap<>();
        Map<String, Map<String, Cell>> inArea = new HashMap<>();
        Map<String, Long> hotspots = Map.of();
        for (DrugFreeSettings.Criterion c : settings.criteria()) {
            switch (c.kind()) {
                case PEOPLE_ON_RECORD -> {
                    // each person holds one main status at a time: the cells of the statuses add up
                    Map<String, Cell> a = new HashMap<>();
                    Map<String, Cell> o = new HashMap<>();
                    for (String s : c.statuses()) {
                        var cells = indicators.holdingCellsByCommune(province, PathStatus.valueOf(s), day, structure, areaOf);
                        cells.all().forEach((k, v) -> a.merge(k, v, Cell::plus));
                        cells.inArea().forEach((k, v) -> o.merge(k, v, Cell::plus));
                    }
                    all.put(c.id(), a);
                    inArea.put(c.id(), o);
                }
                case NEW_RECORDS -> {
                    var cells = indicators.countCellsByCommune(new CaseIndicators.EventCount(province,
                            Set.of(EventType.DRUG_USE_RECORD), LocalDate.of(year, 1, 1), day, null, List.of(), false, List.of(),
                            structure), areaOf);
                    all.put(c.id(), cells.all());
                    inArea.put(c.id(), cells.inArea());
                }
                case ACTIVE_HOTSPOTS -> hotspots = repository.activeHotspots(province, structure, LocalDate.of(year, 1, 1), day);
                case EVIDENCE -> {
                    // entered, read below
                }
            }
        }
        return new CriteriaCheck.Facts(all, inArea, hotspots, repository.latestEvidence(province, structure, year));
    }

    /** One commune of today's structure for a year. */
    public CommuneAssessment commune(String code, int year) {
        AdminUnit commune = todaysCommune(code);
        return communes(commune.getProvinceCode(), year).stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow();
    }

    /** A commune's decisions, oldest first. */
    public List<Decision> history(String code) {
        AdminUnit commune = todaysCommune(code);
        return repository.history(commune.getProvinceCode(), commune.getStructure(), code);
    }

    /** A commune's evidence entries, oldest first. */
    public List<Evidence> evidenceHistory(String code) {
        AdminUnit commune = todaysCommune(code);
        return repository.evidenceHistory(commune.getProvinceCode(), commune.getStructure(), code);
    }

    /** Communes RECOGNISED for the year of {@code day}, as decided by then. Not about people: exact for everyone. */
    public long recognised(String province, LocalDate day) {
        return statusesOn(province, day).values().stream().filter(s -> s == DrugFreeStatus.RECOGNISED).count();
    }

    /** Each of today's communes' status for the year of {@code day}, as decided by that day. */
    public Map<String, DrugFreeStatus> statusesOn(String province, LocalDate day) {
        int year = day.getYear();
        String structure = structures.on(time.today()).code();
        Map<String, List<Decision>> decisions = new HashMap<>();
        repository.decisions(province, structure, year, day).forEach(d ->
                decisions.computeIfAbsent(d.communeCode(), k -> new ArrayList<>()).add(d));
        Map<String, DrugFreeStatus> result = new java.util.TreeMap<>();
        for (AdminUnit c : units.byLevel(province, AdminLevel.COMMUNE, time.today())) {
            result.put(c.getCode(), CriteriaCheck.standing(decisions.getOrDefault(c.getCode(), List.of()), year,
                    settings.recognitionCarriesOver()).status());
        }
        return result;
    }

    /** Today's communes of a province (the denominator of shares). */
    public int communeCount(String province) {
        return units.byLevel(province, AdminLevel.COMMUNE, time.today()).size();
    }

    /** Grows with every decision or evidence entry. */
    public long version() {
        return repository.version();
    }

    /** Whether the current user records decisions or evidence at all (the UI's buttons). */
    public boolean mayRecord() {
        return currentUser.get().map(u -> WRITERS.contains(u.role())).orElse(false);
    }

    /** Whether the current user may record this status for this commune. */
    public boolean mayRecord(String code, DrugFreeStatus status) {
        return currentUser.get().map(u -> allowed(u.scope(), todaysCommune(code), status)).orElse(false);
    }

    /** Records a status decision for a commune and year (a new row of its history). */
    @Transactional
    public Decision decide(String code, AssessmentForm form) {
        requireWriterRole();
        if (form == null) {
            throw new ValidationException(null, "drugfree.error.empty");
        }
        checkYear(form.year());
        if (form.status() == null || form.status() == DrugFreeStatus.NOT_ASSESSED) {
            throw new ValidationException("status", "drugfree.error.status");
        }
        String decidedBy = text(form.decidedBy(), "decidedBy", 300, true);
        String reference = text(form.reference(), "reference", 200, false);
        LocalDate today = time.today();
        if (form.decidedOn() == null || form.decidedOn().isAfter(today) || form.decidedOn().getYear() < form.year()) {
            throw new ValidationException("decidedOn", "drugfree.error.decidedOn", form.year());
        }
        AdminUnit commune = todaysCommune(code);
        requireWriter(commune, form.status());
        CommuneAssessment now = commune(code, form.year());
        DrugFreeStatus current = now.status();
        boolean allowedStep = switch (form.status()) {
            case PROPOSED -> current == DrugFreeStatus.NOT_ASSESSED || current == DrugFreeStatus.LOST;
            case RECOGNISED -> current == DrugFreeStatus.PROPOSED;
            case LOST -> current == DrugFreeStatus.RECOGNISED;
            case NOT_ASSESSED -> false;
        };
        if (!allowedStep) {
            String rule = switch (form.status()) {
                case PROPOSED -> "drugfree.error.step.PROPOSED";
                case RECOGNISED -> "drugfree.error.step.RECOGNISED";
                case LOST -> "drugfree.error.step.LOST";
                case NOT_ASSESSED -> "drugfree.error.step.NOT_ASSESSED";
            };
            throw new ValidationException("status", rule);
        }
        if (form.status() != DrugFreeStatus.LOST && Boolean.FALSE.equals(now.criteriaMet())) {
            throw new ValidationException("status", "drugfree.error.criteriaNotMet");
        }
        String user = currentUser.require().getUsername();
        long id = repository.insertDecision(commune.getProvinceCode(), commune.getStructure(), code, form.year(), form.status(),
                decidedBy, form.decidedOn(), reference, user, clock.instant(), false);
        audit.record(AuditAction.CREATE, "drug_free_assessment", List.of(id), null,
                code + " " + form.year() + " " + form.status());
        return repository.history(commune.getProvinceCode(), commune.getStructure(), code).stream()
                .filter(d -> d.id() == id).findFirst().orElseThrow();
    }

    /** Enters evidence for a criterion the registry cannot compute (a new entry; the latest counts). */
    @Transactional
    public Evidence enterEvidence(String code, String criterion, EvidenceForm form) {
        requireWriterRole();
        if (form == null) {
            throw new ValidationException(null, "drugfree.error.empty");
        }
        DrugFreeSettings.Criterion c = settings.criterion(criterion);
        if (c == null || c.fromRegistry()) {
            throw new ValidationException("criterion", "drugfree.error.criterion", criterion);
        }
        checkYear(form.year());
        if (form.value() == null || form.value() < 0 || form.value() > Integer.MAX_VALUE) {
            throw new ValidationException("value", "drugfree.error.value");
        }
        String evidence = text(form.evidence(), "evidence", MAX_TEXT, true);
        String document = text(form.document(), "document", 300, false);
        AdminUnit commune = todaysCommune(code);
        requireWriter(commune, DrugFreeStatus.PROPOSED);
        String user = currentUser.require().getUsername();
        long id = repository.insertEvidence(commune.getProvinceCode(), commune.getStructure(), code, form.year(), criterion,
                form.value(), evidence, document, user, clock.instant(), false);
        audit.record(AuditAction.CREATE, "drug_free_evidence", List.of(id), null, code + " " + form.year() + " " + criterion);
        return repository.evidenceHistory(commune.getProvinceCode(), commune.getStructure(), code).stream()
                .filter(e -> e.id() == id).findFirst().orElseThrow();
    }

    private static String text(String value, String field, int max, boolean required) {
        String v = value == null ? null : value.strip();
        if (v == null || v.isEmpty()) {
            if (required) {
                throw new ValidationException(field, "drugfree.error.required");
            }
            return null;
        }
        if (v.length() > max) {
            throw new ValidationException(field, "drugfree.error.tooLong", max);
        }
        return v;
    }

    AdminUnit todaysCommune(String code) {
        return units.find(code, time.today()).filter(u -> u.getLevel() == AdminLevel.COMMUNE)
                .orElseThrow(() -> new NotFoundException("No commune " + code + " today"));
    }

    /** A role that never records decisions or evidence is refused before its input is read. */
    private void requireWriterRole() {
        var user = currentUser.require();
        if (!WRITERS.contains(user.role())) {
            throw new AccessDeniedException("Role " + user.role() + " does not record drug-free assessments");
        }
    }

    private void requireWriter(AdminUnit commune, DrugFreeStatus status) {
        if (!allowed(currentUser.scope(), commune, status)) {
            throw new AccessDeniedException("Not allowed to record " + status + " for commune " + commune.getCode());
        }
    }

    /**
     * The council decides recognition and its loss: the provincial police (its standing body) and
     * the administrator record them; a commune officer proposes and gives evidence for their commune.
     */
    static boolean allowed(AccessScope scope, AdminUnit commune, DrugFreeStatus status) {
        return switch (scope.role()) {
            case ADMIN -> true;
            case PROVINCIAL_POLICE -> scope.areaType() == AreaType.PROVINCE && commune.getProvinceCode().equals(scope.areaCode());
            case COMMUNE_OFFICER -> status == DrugFreeStatus.PROPOSED && scope.areaType() == AreaType.COMMUNE
                    && commune.getStructure().equals(scope.areaStructure()) && commune.getCode().equals(scope.areaCode());
            default -> false;
        };
    }
}
