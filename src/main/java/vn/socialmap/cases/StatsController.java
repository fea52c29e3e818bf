package vn.socialmap.cases;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.socialmap.base.web.InvalidRequestException;
import vn.socialmap.geography.AdminLevel;
import vn.socialmap.geography.AdminStructures;
import vn.socialmap.geography.AdminUnitService;
import vn.socialmap.security.CurrentUser;

@RestController
@Tag(name = "Statistics", description = "Aggregates; small counts are suppressed for roles without person access")
class StatsController {

    private final StatusCounts counts;
    private final AdminUnitService units;
    private final CurrentUser currentUser;
    private final PersonService persons;
    private final AdminStructures structures;

    StatsController(StatusCounts counts, AdminUnitService units, CurrentUser currentUser, PersonService persons,
                    AdminStructures structures) {
        this.structures = structures;
        this.counts = counts;
        this.units = units;
        this.currentUser = currentUser;
        this.persons = persons;
    }

    @GetMapping("/api/v1/stats/status-counts")
    @Operation(summary = "People per status on a date, per district or commune of a province or (province omitted) of the country",
            description = "Statuses held on `date`, shown on the units in force on `unitsAsOf` (default: `date`): each person"
                    + " counts in the unit their residence has in that structure, so totals do not change with the structure"
                    + " shown. A row without a code holds the people with no unit of that structure. `level=district` on a"
                    + " date without districts (from 1 July 2025) gives totals only.")
    StatusCounts.Table statusCounts(@RequestParam(required = false) String province,
                                    @RequestParam(required = false) AdminLevel level,
                                    @RequestParam(required = false) LocalDate date,
                                    @RequestParam(required = false) LocalDate unitsAsOf) {
        LocalDate day = date == null ? persons.today() : date;
        LocalDate shownOn = unitsAsOf == null ? day : unitsAsOf;
        if (province != null && !units.isProvince(province, shownOn)) {
            throw new InvalidRequestException("province", "Unknown province code '" + province + "' on " + shownOn);
        }
        if (level == AdminLevel.PROVINCE) {
            throw new InvalidRequestException("level", "level must be district or commune");
        }
        AdminLevel wanted = level == null ? structures.on(shownOn).levels().get(1) : level;
        return counts.count(province, wanted, day, shownOn, currentUser.scope());
    }
}
