package vn.socialmap.targets;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.socialmap.base.web.ApiValue;
import vn.socialmap.base.web.InvalidRequestException;
import vn.socialmap.targets.PlanModel.Level;

@RestController
@Tag(name = "Plans", description = "Plans, their targets and progress computed from the registries")
class PlanController {

    private final ProgressService progress;
    private final NationalProgress national;
    private final vn.socialmap.base.VietnamTime time;

    PlanController(ProgressService progress, NationalProgress national, vn.socialmap.base.VietnamTime time) {
        this.progress = progress;
        this.national = national;
        this.time = time;
    }

    record PlanView(long id, String number, String issuer, LocalDate date, String province, LocalDate periodFrom,
                    LocalDate periodTo, String title) {
    }

    @GetMapping("/api/v1/plans")
    @Operation(summary = "Plans")
    List<PlanView> plans() {
        return progress.plans().stream().map(p -> new PlanView(p.id(), p.number(), p.issuer(), p.issuedOn(), p.provinceCode(),
                p.periodFrom(), p.periodTo(), p.title())).toList();
    }

    @GetMapping("/api/v1/plans/{id}/progress")
    @Operation(summary = "Progress of a plan's targets on a date, at city, district or facility level",
            description = "level=commune (with district=CODE) gives the actuals of a district's communes, which have no"
                    + " targets; district=CODE with level=district or facility keeps that district's rows.")
    List<ProgressService.Row> progress(@PathVariable long id,
                                       @RequestParam(required = false) LocalDate asOf,
                                       @RequestParam(defaultValue = "city") ProgressLevel level,
                                       @RequestParam(required = false) String district) {
        LocalDate date = asOf == null ? time.today() : asOf;
        if (level == ProgressLevel.COMMUNE) {
            if (district == null || district.isBlank()) {
                throw new InvalidRequestException("district", "level=commune needs district=CODE");
            }
            return progress.communes(id, date, district);
        }
        Level wanted = Level.valueOf(level.name());
        if (district == null) {
            return progress.progress(id, date, wanted);
        }
        return switch (wanted) {
            case CITY -> throw new InvalidRequestException("district", "district applies to level district, facility or commune");
            case DISTRICT -> progress.progress(id, date, wanted).stream().filter(r -> r.unitCode().equals(district)).toList();
            case FACILITY -> progress.facilitiesIn(id, date, district);
        };
    }

    @GetMapping("/api/v1/plans/national/progress")
    @Operation(summary = "The nation's progress on a date: every province's plans in force, summed per indicator",
            description = "indicators: per indicator code the provinces' city targets and actuals added up (a percent"
                    + " indicator: the share over all their people on record, the target weighted by them), the expected"
                    + " percent and how many provinces are ahead, on track or behind; provinces: each province's row with"
                    + " the plan it comes from. Where a province has two plans in force, the later issued one counts.")
    NationalProgress.Report national(@RequestParam(required = false) LocalDate asOf) {
        return national.on(asOf == null ? time.today() : asOf);
    }

    /** The levels a plan's progress is read at: those of its targets, and the communes of a district. */
    enum ProgressLevel implements ApiValue {
        CITY, DISTRICT, FACILITY, COMMUNE
    }
}
