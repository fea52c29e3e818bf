package vn.socialmap.analytics;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import vn.socialmap.base.web.InvalidRequestException;
import vn.socialmap.geography.AdminUnitService;

@RestController
@Tag(name = "Planning", description = "Saved what-if scenarios of the covering model")
class ScenarioController {

    private final ScenarioService scenarios;
    private final AdminUnitService units;
    private final Clock clock;

    ScenarioController(ScenarioService scenarios, AdminUnitService units, Clock clock) {
        this.scenarios = scenarios;
        this.units = units;
        this.clock = clock;
    }

    /** A scenario to run and save; k, radiusMeters and demand as for /api/v1/planning/coverage. */
    record ScenarioRequest(String province, String name, Integer k, Integer radiusMeters, String demand, LocalDate asOf,
                           List<String> excluded) {
    }

    @GetMapping("/api/v1/planning/scenarios")
    @Operation(summary = "Saved scenarios of a province, newest first")
    List<ScenarioService.Scenario> list(@RequestParam(required = false) String province) {
        return scenarios.list(province(province));
    }

    @GetMapping("/api/v1/planning/scenarios/{id}")
    @Operation(summary = "One saved scenario")
    ScenarioService.Scenario get(@PathVariable long id) {
        return scenarios.get(id);
    }

    @PostMapping("/api/v1/planning/scenarios")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Run the covering model with these inputs and save the run (planners, city leaders, administrators)")
    ScenarioService.Scenario save(@RequestBody ScenarioRequest body) {
        if (!scenarios.maySave()) {
            // a role that never saves scenarios is refused before its input is read
            throw new org.springframework.security.access.AccessDeniedException("Only planners, city leaders and administrators"
                    + " save scenarios");
        }
        if (body == null) {
            throw new InvalidRequestException("body", "A JSON body is required");
        }
        AnalyticsIndicator demand = AnalyticsIndicator.fromCode(body.demand() == null ? "post_rehab" : body.demand())
                .orElseThrow(() -> new InvalidRequestException("demand", "Unknown indicator '" + body.demand() + "'"));
        if (body.k() == null) {
            throw new InvalidRequestException("k", "k is required");
        }
        if (body.radiusMeters() == null) {
            throw new InvalidRequestException("radiusMeters", "radiusMeters is required");
        }
        LocalDate asOf = body.asOf() == null ? LocalDate.now(clock.withZone(AnalyticsController.VIETNAM)) : body.asOf();
        return scenarios.save(new ScenarioService.Inputs(province(body.province()), body.name(), body.k(), body.radiusMeters(),
                demand, asOf, body.excluded() == null ? List.of() : body.excluded()));
    }

    private String province(String province) {
        if (!units.isProvince(province)) {
            throw new InvalidRequestException("province", "Unknown or missing province code '" + province + "'");
        }
        return province;
    }
}
