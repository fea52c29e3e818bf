package vn.socialmap.drugfree;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.socialmap.base.web.InvalidRequestException;
import vn.socialmap.geography.AdminUnitService;

@RestController
@RequestMapping("/api/v1/drug-free-communes")
@Tag(name = "Drug-free communes", description = "Communes' drug-free status per year (Decision 28/2025/QĐ-TTg), criteria with "
        + "values and evidence, decisions and their history, progress against Hanoi's plans. The criteria and thresholds are "
        + "settings assumed pending the decision's official text (each carries its source).")
class DrugFreeController {

    private final DrugFreeCommunes communes;
    private final DrugFreeProgress progress;
    private final AdminUnitService units;

    DrugFreeController(DrugFreeCommunes communes, DrugFreeProgress progress, AdminUnitService units) {
        this.communes = communes;
        this.progress = progress;
        this.units = units;
    }

    /** A criterion as configured: what it is, its threshold, where it comes from and whether it is assumed. */
    record CriterionSetting(String id, String kind, long max, List<String> statuses, boolean assumed, String source) {
    }

    record DecisionView(long id, int year, String status, String decidedBy, LocalDate decidedOn, String reference,
                        String recordedBy, Instant recordedAt, boolean demo) {
        static DecisionView of(Decision d) {
            return d == null ? null : new DecisionView(d.id(), d.year(), d.status().name(), d.decidedBy(), d.decidedOn(),
                    d.reference(), d.recordedBy(), d.recordedAt(), d.demo());
        }
    }

    record EvidenceView(long id, int year, String criterion, long value, String evidence, String document, String recordedBy,
                        Instant recordedAt, boolean demo) {
        static EvidenceView of(Evidence e) {
            return new EvidenceView(e.id(), e.year(), e.criterion(), e.value(), e.evidence(), e.document(), e.recordedBy(),
                    e.recordedAt(), e.demo());
        }
    }

    /**
     * One criterion of a commune: {@code met} from the true value; {@code value} published by the disclosure
     * rules (counts of people and records perturbed for callers who may not read the people, hotspots only
     * to roles that see them); {@code exact} says whether it is the true value.
     */
    record CriterionView(String id, Boolean met, Long value, boolean exact, String evidence, String document,
                         String enteredBy, Instant enteredAt) {
    }

    record CommuneView(String code, String name, String status, boolean carriedOver, DecisionView decision,
                       Boolean criteriaMet, List<CriterionView> criteria) {
    }

    record ListView(String province, int year, LocalDate assessedOn, List<CriterionSetting> criteria,
                    boolean recognitionCarriesOver, DrugFreeProgress.Summary progress, List<CommuneView> communes) {
    }

    @GetMapping
    @Operation(summary = "Today's communes of a province with their drug-free status for a year, criteria and progress",
            description = "Registry criteria are read on 31 December of the year, or today for the current year.")
    ListView list(@Parameter(description = "province code, e.g. 01") @RequestParam(required = false) String province,
                  @Parameter(description = "year, from 2025", example = "2026") @RequestParam int year) {
        if (!units.isProvince(province)) {
            throw new InvalidRequestException("province", "Unknown or missing province code '" + province + "'");
        }
        int y = year;
        communes.checkYear(y);
        List<CommuneView> rows = communes.communes(province, y).stream().map(DrugFreeController::view).toList();
        List<CriterionSetting> criteria = communes.settings().criteria().stream()
                .map(c -> new CriterionSetting(c.id(), c.kind().name(), c.max(), c.statuses(), c.assumed(), c.source())).toList();
        return new ListView(province, y, communes.assessmentDay(y), criteria, communes.settings().recognitionCarriesOver(),
                progress.summary(province, y), rows);
    }

    static CommuneView view(CommuneAssessment a) {
        return new CommuneView(a.code(), a.name(), a.status().name(), a.carriedOver(), DecisionView.of(a.decision()),
                a.criteriaMet(), a.criteria().stream().map(c -> new CriterionView(c.id(), c.met(), c.value(), c.exact(),
                        c.evidence(), c.document(), c.enteredBy(), c.enteredAt())).toList());
    }

    record History(String code, List<DecisionView> decisions, List<EvidenceView> evidence) {
    }

    @GetMapping("/{code}/history")
    @Operation(summary = "A commune's decisions and evidence entries, oldest first (nothing is ever changed in place)")
    History history(@Parameter(description = "commune code (today's structure)", example = "00004") @PathVariable String code) {
        return new History(code, communes.history(code).stream().map(DecisionView::of).toList(),
                communes.evidenceHistory(code).stream().map(EvidenceView::of).toList());
    }

    @PostMapping("/{code}/assessments")
    @ApiResponse(responseCode = "201", description = "Recorded", useReturnTypeSchema = true)
    @Operation(summary = "Record a status decision for a commune and year: PROPOSED (commune officer of the commune, provincial "
            + "police, admin), RECOGNISED or LOST (provincial police as the council's standing body, admin)")
    ResponseEntity<DecisionView> decide(
            @Parameter(description = "commune code (today's structure)", example = "00004") @PathVariable String code,
            @RequestBody DrugFreeCommunes.AssessmentForm form) {
        Decision d = communes.decide(code, form);
        return ResponseEntity.created(URI.create("/api/v1/drug-free-communes/" + code + "/history")).body(DecisionView.of(d));
    }

    @PutMapping("/{code}/evidence/{criterion}")
    @Operation(summary = "Enter the value and evidence of a criterion the registry cannot compute (a new entry; the latest counts)")
    EvidenceView evidence(@Parameter(description = "commune code (today's structure)", example = "00004") @PathVariable String code,
                          @Parameter(description = "criterion id of the settings (kind EVIDENCE)", example = "DRUG_OFFENCES")
                          @PathVariable String criterion,
                          @RequestBody DrugFreeCommunes.EvidenceForm form) {
        return EvidenceView.of(communes.enterEvidence(code, criterion, form));
    }
}
