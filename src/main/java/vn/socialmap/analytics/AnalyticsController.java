package vn.socialmap.analytics;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.hibernate.validator.constraints.Range;
import com.vaadin.flow.i18n.I18NProvider;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.socialmap.base.geojson.GeoJson;
import vn.socialmap.base.web.ApiValue;
import vn.socialmap.base.web.InvalidRequestException;
import vn.socialmap.cases.PathStatus;
import vn.socialmap.geography.AdminLevel;
import vn.socialmap.geography.AdminStructures;
import vn.socialmap.geography.AdminUnitService;

@RestController
@Tag(name = "Analytics", description = "Hotspots, kernel density, service accessibility and where to open new models")
class AnalyticsController {

    static final ZoneId VIETNAM = vn.socialmap.base.VietnamTime.ZONE;

    private final HotspotService hotspots;
    private final AccessibilityService accessibility;
    private final DensityService density;
    private final CoveringService covering;
    private final AdminUnitService units;
    private final Clock clock;
    private final I18NProvider translations;
    private final AdminStructures structures;

    AnalyticsController(HotspotService hotspots, AccessibilityService accessibility, DensityService density,
                        CoveringService covering, AdminUnitService units, Clock clock, I18NProvider translations,
                        AdminStructures structures) {
        this.structures = structures;
        this.translations = translations;
        this.hotspots = hotspots;
        this.accessibility = accessibility;
        this.density = density;
        this.covering = covering;
        this.units = units;
        this.clock = clock;
    }

    record IndicatorView(String code, String name, String unit) {
    }

    @GetMapping("/api/v1/analytics/indicators")
    @Operation(summary = "Per-unit indicators analytics can use",
            description = "Counts: people holding a status on the date, or events in the twelve months up to it (or from..date).")
    List<IndicatorView> indicators(HttpServletRequest request) {
        String language = request.getHeader("Accept-Language");
        Locale locale = language != null && language.toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : Locale.of("vi");
        return Arrays.stream(AnalyticsIndicator.values())
                .map(i -> new IndicatorView(i.code(), translations.getTranslation("analytics.indicator." + i.name(), locale), i.unit()))
                .toList();
    }

    @GetMapping(value = "/api/v1/analytics/hotspots", produces = "application/geo+json")
    @Operation(summary = "Hotspots: Getis-Ord Gi* or local Moran's I per commune or district, as GeoJSON",
            description = "weights=queen (units sharing a boundary point; Gi* includes the unit itself) or distance:METRES"
                    + " between representative points. Units are those in force on `date`. Properties: code, name, value"
                    + " (suppressed for roles without person access), population and per100k (value per 100,000 residents,"
                    + " where the population is known: today's communes), z, p, pFdr (Benjamini-Hochberg), class (hot_99..cold_99 / HH, LL, HL, LH or none), and for"
                    + " lisa ii and quadrant.")
    GeoJson.FeatureCollection hotspots(@RequestParam(required = false) String province,
                                       @Parameter(description = "commune (default) or district")
                                       @RequestParam(defaultValue = "commune") AdminLevel level,
                                       @RequestParam(defaultValue = "persons") AnalyticsIndicator indicator,
                                       @Parameter(description = "gistar (default) or lisa")
                                       @RequestParam(defaultValue = "gistar") HotspotService.Method method,
                                       @Parameter(description = "queen (default) or distance:METRES")
                                       @RequestParam(defaultValue = "queen") HotspotService.Weights weights,
                                       @RequestParam(required = false) LocalDate date,
                                       @RequestParam(required = false) LocalDate from) {
        String p = province(province);
        if (level == AdminLevel.PROVINCE) {
            throw new InvalidRequestException("level", "level must be commune or district");
        }
        LocalDate to = dateOrToday(date);
        LocalDate start = from == null ? UnitValues.defaultFrom(to) : from;
        if (start.isAfter(to)) {
            throw new InvalidRequestException("from", "from must not be after date");
        }
        if (level == AdminLevel.DISTRICT && !structures.on(to).hasDistricts()) {
            throw new InvalidRequestException("level", "There are no districts on " + to + " (abolished on 1 July 2025): use level=commune");
        }
        var results = hotspots.analyse(new HotspotService.Request(p, level, indicator, method, weights, start, to));
        return hotspots.features(results, method == HotspotService.Method.LISA);
    }

    /** How accessibility is measured: the E2SFCA score, or only the distance to the nearest service. */
    enum AccessibilityMethod implements ApiValue {
        E2SFCA, NEAREST
    }

    /** The density grid as numbers or as an image. */
    enum DensityFormat implements ApiValue {
        JSON, PNG
    }

    @GetMapping("/api/v1/analytics/accessibility")
    @Operation(summary = "Accessibility of a service per commune: metres to the nearest service and the E2SFCA score",
            description = "Gaussian decay to 0 at catchmentMeters; demand is each commune's caseload (people on record on"
                    + " date), at its representative point; supply is each active service's capacity (1 if none recorded).")
    AccessibilityService.Result accessibility(@RequestParam(required = false) String province,
                                              @RequestParam ServiceKind service,
                                              @RequestParam(defaultValue = "e2sfca") AccessibilityMethod method,
                                              @RequestParam(defaultValue = "10000") @Range(min = 100, max = 200_000)
                                              double catchmentMeters,
                                              @RequestParam(required = false) LocalDate date) {
        return accessibility.measure(province(province), service, method == AccessibilityMethod.E2SFCA, catchmentMeters,
                dateOrToday(date));
    }

    @GetMapping("/api/v1/analytics/density")
    @Operation(summary = "Kernel density (quartic) of residences or hotspots, for roles that may see persons",
            description = "Bandwidth by default as ArcGIS computes it, cell by default the shorter extent / 250. format=json"
                    + " gives the grid (per km², rows from the north), format=png an image for the grid's bounds.")
    ResponseEntity<?> density(@RequestParam(required = false) String province,
                              @Parameter(description = "residences (default) or hotspots")
                              @RequestParam(defaultValue = "residences") DensityService.Source source,
                              @Parameter(description = "for residences: the status held on date (default ON_RECORD)")
                              @RequestParam(defaultValue = "ON_RECORD") PathStatus status,
                              @RequestParam(required = false) LocalDate date,
                              @Parameter(description = "default: the shorter extent / 250")
                              @RequestParam(required = false) @Range(min = 10, max = 10_000) Double cellMeters,
                              @Parameter(description = "default: as ArcGIS computes it")
                              @RequestParam(required = false) @Range(min = 10, max = 100_000) Double bandwidthMeters,
                              @RequestParam(defaultValue = "json") DensityFormat format) {
        String p = province(province);
        KernelDensity.Grid grid;
        try {
            grid = density.density(p, source, status.name(), dateOrToday(date), cellMeters == null ? 0 : cellMeters,
                    bandwidthMeters == null ? 0 : bandwidthMeters);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("cellMeters", e.getMessage());
        }
        if (format == DensityFormat.PNG) {
            return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore())
                    .header("X-Bounds", grid.west() + "," + grid.south() + "," + grid.east() + "," + grid.north())
                    .body(DensityService.png(grid));
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(grid);
    }

    @GetMapping("/api/v1/planning/coverage")
    @Operation(summary = "Maximal covering location: k new post-rehab model sites among the communes",
            description = "Existing active models are open; the demand within radiusMeters of one has weight 0. Solved"
                    + " exactly (CP-SAT); optimal=false with the proven gap if the time limit stops the search.")
    CoveringService.Result coverage(@RequestParam(required = false) String province,
                                    @RequestParam(defaultValue = "5") @Range(min = 1, max = 100) int k,
                                    @RequestParam(defaultValue = "3000") @Range(min = 100, max = 100_000) double radiusMeters,
                                    @RequestParam(defaultValue = "post_rehab") AnalyticsIndicator demand,
                                    @RequestParam(required = false) LocalDate date,
                                    @RequestParam(required = false) List<String> exclude) {
        return covering.solve(province(province), k, radiusMeters, demand, dateOrToday(date),
                exclude == null ? List.of() : exclude);
    }

    private String province(String province) {
        if (!units.isProvince(province)) {
            throw new InvalidRequestException("province", "Unknown or missing province code '" + province + "'");
        }
        return province;
    }

    private LocalDate dateOrToday(LocalDate date) {
        return date != null ? date : LocalDate.now(clock.withZone(VIETNAM));
    }
}
