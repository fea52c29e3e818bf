package vn.socialmap.analytics;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import com.vaadin.flow.i18n.I18NProvider;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.socialmap.base.geojson.GeoJson;
import vn.socialmap.base.web.InvalidRequestException;
import vn.socialmap.base.web.QueryParameters;
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
        QueryParameters.requireOnly(request, Set.of());
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
    GeoJson.FeatureCollection hotspots(HttpServletRequest request,
                                       @RequestParam(required = false) String province,
                                       @RequestParam(required = false) String level,
                                       @RequestParam(required = false) String indicator,
                                       @RequestParam(required = false) String method,
                                       @RequestParam(required = false) String weights,
                                       @RequestParam(required = false) String date,
                                       @RequestParam(required = false) String from) {
        QueryParameters.requireOnly(request, Set.of("province", "level", "indicator", "method", "weights", "date", "from"));
        String p = province(province);
        AdminLevel l = level == null ? AdminLevel.COMMUNE : AdminLevel.fromApiName(level).filter(x -> x != AdminLevel.PROVINCE)
                .orElseThrow(() -> new InvalidRequestException("level", "level must be commune or district"));
        AnalyticsIndicator i = indicator(indicator);
        HotspotService.Method m = method == null || method.equalsIgnoreCase("gistar") ? HotspotService.Method.GISTAR
                : method.equalsIgnoreCase("lisa") ? HotspotService.Method.LISA : null;
        if (m == null) {
            throw new InvalidRequestException("method", "method must be gistar or lisa");
        }
        HotspotService.Weights w = weights(weights);
        LocalDate to = date("date", date);
        LocalDate start = from == null ? UnitValues.defaultFrom(to) : date("from", from);
        if (start.isAfter(to)) {
            throw new InvalidRequestException("from", "from must not be after date");
        }
        if (l == AdminLevel.DISTRICT && !structures.on(to).hasDistricts()) {
            throw new InvalidRequestException("level", "There are no districts on " + to + " (abolished on 1 July 2025): use level=commune");
        }
        var results = hotspots.analyse(new HotspotService.Request(p, l, i, m, w, start, to));
        return hotspots.features(results, m == HotspotService.Method.LISA);
    }

    @GetMapping("/api/v1/analytics/accessibility")
    @Operation(summary = "Accessibility of a service per commune: metres to the nearest service and the E2SFCA score",
            description = "Gaussian decay to 0 at catchmentMeters; demand is each commune's caseload (people on record on"
                    + " date), at its representative point; supply is each active service's capacity (1 if none recorded).")
    AccessibilityService.Result accessibility(HttpServletRequest request,
                                              @RequestParam(required = false) String province,
                                              @RequestParam(required = false) String service,
                                              @RequestParam(required = false) String method,
                                              @RequestParam(required = false) String catchmentMeters,
                                              @RequestParam(required = false) String date) {
        QueryParameters.requireOnly(request, Set.of("province", "service", "method", "catchmentMeters", "date"));
        String p = province(province);
        ServiceKind s = ServiceKind.fromCode(service == null ? "" : service).orElseThrow(() -> new InvalidRequestException(
                "service", "service must be one of methadone, counseling, rehab, post_rehab"));
        boolean e2sfca = method == null || method.equalsIgnoreCase("e2sfca");
        if (!e2sfca && !method.equalsIgnoreCase("nearest")) {
            throw new InvalidRequestException("method", "method must be e2sfca or nearest");
        }
        double d0 = number("catchmentMeters", catchmentMeters, 10_000, 100, 200_000);
        return accessibility.measure(p, s, e2sfca, d0, date("date", date));
    }

    @GetMapping("/api/v1/analytics/density")
    @Operation(summary = "Kernel density (quartic) of residences or hotspots, for roles that may see persons",
            description = "Bandwidth by default as ArcGIS computes it, cell by default the shorter extent / 250. format=json"
                    + " gives the grid (per km², rows from the north), format=png an image for the grid's bounds.")
    ResponseEntity<?> density(HttpServletRequest request,
                              @RequestParam(required = false) String province,
                              @Parameter(description = "residences (default) or hotspots") @RequestParam(required = false) String source,
                              @Parameter(description = "for residences: the status held on date (default ON_RECORD)")
                              @RequestParam(required = false) String status,
                              @RequestParam(required = false) String date,
                              @RequestParam(required = false) String cellMeters,
                              @RequestParam(required = false) String bandwidthMeters,
                              @RequestParam(required = false) String format) {
        QueryParameters.requireOnly(request, Set.of("province", "source", "status", "date", "cellMeters", "bandwidthMeters", "format"));
        String p = province(province);
        DensityService.Source src;
        try {
            src = source == null ? DensityService.Source.RESIDENCES : DensityService.Source.valueOf(source.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("source", "source must be residences or hotspots");
        }
        String st = status == null ? PathStatus.ON_RECORD.name() : status.toUpperCase(Locale.ROOT);
        if (Arrays.stream(PathStatus.values()).noneMatch(x -> x.name().equals(st))) {
            throw new InvalidRequestException("status", "Unknown status '" + status + "'");
        }
        double cell = number("cellMeters", cellMeters, 0, 10, 10_000);
        double bandwidth = number("bandwidthMeters", bandwidthMeters, 0, 10, 100_000);
        KernelDensity.Grid grid;
        try {
            grid = density.density(p, src, st, date("date", date), cell, bandwidth);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("cellMeters", e.getMessage());
        }
        if ("png".equalsIgnoreCase(format)) {
            return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore())
                    .header("X-Bounds", grid.west() + "," + grid.south() + "," + grid.east() + "," + grid.north())
                    .body(DensityService.png(grid));
        }
        if (format != null && !format.equalsIgnoreCase("json")) {
            throw new InvalidRequestException("format", "format must be json or png");
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(grid);
    }

    @GetMapping("/api/v1/planning/coverage")
    @Operation(summary = "Maximal covering location: k new post-rehab model sites among the communes",
            description = "Existing active models are open; the demand within radiusMeters of one has weight 0. Solved"
                    + " exactly (CP-SAT); optimal=false with the proven gap if the time limit stops the search.")
    CoveringService.Result coverage(HttpServletRequest request,
                                    @RequestParam(required = false) String province,
                                    @RequestParam(required = false) String k,
                                    @RequestParam(required = false) String radiusMeters,
                                    @RequestParam(required = false) String demand,
                                    @RequestParam(required = false) String date,
                                    @RequestParam(required = false) List<String> exclude) {
        QueryParameters.requireOnly(request, Set.of("province", "k", "radiusMeters", "demand", "date", "exclude"));
        String p = province(province);
        int sites = (int) number("k", k, 5, 1, 100);
        if (k != null && sites != Double.parseDouble(k.strip())) {
            throw new InvalidRequestException("k", "k must be a whole number");
        }
        double radius = number("radiusMeters", radiusMeters, 3_000, 100, 100_000);
        AnalyticsIndicator d = demand == null ? AnalyticsIndicator.POST_REHAB : indicator(demand);
        return covering.solve(p, sites, radius, d, date("date", date), exclude == null ? List.of() : exclude);
    }

    private String province(String province) {
        if (!units.isProvince(province)) {
            throw new InvalidRequestException("province", "Unknown or missing province code '" + province + "'");
        }
        return province;
    }

    private static AnalyticsIndicator indicator(String code) {
        return AnalyticsIndicator.fromCode(code == null ? "persons" : code).orElseThrow(() -> new InvalidRequestException(
                "indicator", "Unknown indicator '" + code + "'; see /api/v1/analytics/indicators"));
    }

    static HotspotService.Weights weights(String weights) {
        if (weights == null || weights.equalsIgnoreCase("queen")) {
            return HotspotService.Weights.QUEEN;
        }
        if (weights.toLowerCase(Locale.ROOT).startsWith("distance:")) {
            try {
                double metres = Double.parseDouble(weights.substring("distance:".length()).strip());
                if (metres > 0 && metres <= 200_000) {
                    return HotspotService.Weights.distance(metres);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new InvalidRequestException("weights", "weights must be queen or distance:METRES (0 < METRES <= 200000)");
    }

    private LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return LocalDate.now(clock.withZone(VIETNAM));
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(name, name + " must be a date YYYY-MM-DD, got '" + value + "'");
        }
    }

    private static double number(String name, String value, double fallback, double min, double max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            double v = Double.parseDouble(value.strip());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidRequestException(name, name + " must be a number from " + (long) min + " to " + (long) max
                + ", got '" + value + "'");
    }
}
