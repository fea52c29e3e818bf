package vn.socialmap.cases;

import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.socialmap.base.web.InvalidRequestException;
import vn.socialmap.base.web.QueryParameters;
import vn.socialmap.geography.AdminLevel;
import vn.socialmap.geography.AdminUnitService;
import vn.socialmap.security.CurrentUser;

@RestController
@Tag(name = "Statistics", description = "Aggregates; small counts are suppressed for roles without person access")
class StatsController {

    private final StatusCounts counts;
    private final AdminUnitService units;
    private final CurrentUser currentUser;
    private final PersonService persons;

    StatsController(StatusCounts counts, AdminUnitService units, CurrentUser currentUser, PersonService persons) {
        this.counts = counts;
        this.units = units;
        this.currentUser = currentUser;
        this.persons = persons;
    }

    @GetMapping("/api/v1/stats/status-counts")
    @Operation(summary = "People per status on a date, per district or commune of a province or (province omitted) of the country")
    StatusCounts.Table statusCounts(HttpServletRequest request,
                                    @RequestParam(required = false) String province,
                                    @RequestParam(required = false) String level,
                                    @RequestParam(required = false) String date) {
        QueryParameters.requireOnly(request, Set.of("province", "level", "date"));
        if (province != null && !units.isProvince(province)) {
            throw new InvalidRequestException("province", "Unknown province code '" + province + "'");
        }
        AdminLevel wanted = level == null ? AdminLevel.DISTRICT : AdminLevel.fromApiName(level)
                .filter(l -> l != AdminLevel.PROVINCE)
                .orElseThrow(() -> new InvalidRequestException("level", "level must be district or commune"));
        var on = PersonController.parseDate("date", date);
        return counts.count(province, wanted, on == null ? persons.today() : on, currentUser.scope());
    }
}
