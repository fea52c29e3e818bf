package vn.socialmap.geography;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.socialmap.base.cache.AnswerCaches;
import vn.socialmap.base.cache.RecentAnswers;
import vn.socialmap.base.geojson.GeoJson;
import vn.socialmap.base.web.InvalidRequestException;

@RestController
@RequestMapping("/api/v1/admin-units")
@Tag(name = "Administrative units", description = "Provinces, districts and communes in force on a date, with their shapes")
class AdminUnitController {

    static final String GEO_JSON = "application/geo+json";

    private final AdminUnitService units;
    private final AdminStructures structures;
    private final Successions successions;
    private final AdminUnitFeatures features;

    /** Recently served layers by request and units version. */
    private final RecentAnswers<GeoJson.FeatureCollection> layers;

    AdminUnitController(AdminUnitService units, AdminStructures structures, Successions successions,
                        AdminUnitFeatures features, AnswerCaches caches) {
        this.layers = caches.create(64);
        this.units = units;
        this.structures = structures;
        this.successions = successions;
        this.features = features;
    }

    @GetMapping(produces = {GEO_JSON, "application/json"})
    @Operation(summary = "Administrative units in force on a date, as a GeoJSON FeatureCollection",
            description = "Units of one level in a province, under a parent, or (neither given) in the whole country,"
                    + " of the structure in force on `date` (default today: 34 provinces and their communes, no districts"
                    + " since 1 July 2025; on 30/06/2022 Hà Nội's 30 districts and 579 communes). `level=district` on a"
                    + " date without districts gives an empty collection. Each feature carries its `structure` (codes"
                    + " are reused across structures), `validFrom`/`validTo` (the last day in force; null: open) and"
                    + " `population` where known. Commune shapes of earlier structures are derived from today's real"
                    + " ones and carry geometrySource=approximate. For thousands of units prefer the vector tiles.")
    GeoJson.FeatureCollection list(
            @Parameter(description = "GSO province code, e.g. 01 (Hà Nội), 48 (Đà Nẵng); omitted: the country", example = "01")
            @RequestParam(required = false) String province,
            @Parameter(description = "province, district or commune; default: the level below parent, else below the province",
                    example = "commune")
            @RequestParam(required = false) AdminLevel level,
            @Parameter(description = "GSO code of an enclosing unit in force on the date, e.g. 001 for the communes of Ba Đình"
                    + " on 2022-06-30", example = "001")
            @RequestParam(required = false) String parent,
            @Parameter(description = "the date whose units are listed, YYYY-MM-DD; default today", example = "2022-06-30")
            @RequestParam(required = false) LocalDate date,
            @Parameter(description = "Simplification tolerance in degrees (0 to 0.1); neighbours keep shared borders",
                    example = "0.0002")
            @RequestParam(defaultValue = "0") @DecimalMin("0") @DecimalMax("0.1") double simplify) {
        double tolerance = simplify;
        LocalDate day = dayOrToday(date);
        AdminStructure structure = structures.on(day);

        if (province != null && !units.isProvince(province, day)) {
            throw new InvalidRequestException("province", "Unknown province code '" + province + "' on " + day);
        }
        AdminUnit parentUnit = null;
        if (parent != null) {
            parentUnit = units.find(parent, day).orElseThrow(() -> new InvalidRequestException("parent",
                    "Unknown unit code '" + parent + "' on " + day));
            if (province != null && !parentUnit.getProvinceCode().equals(province)) {
                throw new InvalidRequestException("parent",
                        "Unit '" + parent + "' is not in province '" + province + "'");
            }
        }
        AdminLevel wanted = resolveLevel(level, parentUnit, structure);
        AdminUnit p = parentUnit;
        if (p != null && wanted.ordinal() <= p.getLevel().ordinal()) {
            throw new InvalidRequestException("level",
                    "Level '" + wanted.apiName() + "' is not below the parent's level '" + p.getLevel().apiName() + "'");
        }
        // simplifying a layer costs far more than serving it: layers are kept until any unit changes
        String key = (province == null ? "" : province) + "|" + (p == null ? "" : p.getCode()) + "|" + wanted + "|" + tolerance
                + "|" + structure.code() + "|" + day + "|" + units.version();
        return layers.get(key, () -> {
            List<AdminUnit> result = p != null ? units.descendants(p, wanted)
                    : province != null ? units.byLevel(province, wanted, day) : units.nationally(wanted, day);
            return features.toFeatureCollection(result, tolerance);
        });
    }

    /** A unit in force on a date, and what it came from and went into. */
    record History(Map<String, Object> unit, List<Link> predecessors, List<Link> successors) {
    }

    /**
     * One row of a crosswalk as seen from the unit: the other unit, whether the predecessor went
     * into the successor whole or in part, on which date, and what the row rests on.
     */
    record Link(String structure, String code, String name, String level, String kind, LocalDate date,
                Double populationShare, String source, String evidence) {
    }

    @GetMapping("/{code}/history")
    @Operation(summary = "What a unit in force on a date was formed from and went into",
            description = "Predecessors (units of the earlier structure that went into it, whole or in part) and"
                    + " successors (units of the later structure it went into), with the kind (whole, part), the date"
                    + " of the change, the estimated share of the predecessor's residents and the source of each row.")
    History history(@Parameter(description = "GSO code of the unit on the date", example = "00004") @PathVariable String code,
                    @Parameter(description = "YYYY-MM-DD; default today", example = "2022-06-30")
                    @RequestParam(required = false) LocalDate date) {
        LocalDate day = dayOrToday(date);
        AdminUnit unit = units.find(code, day).orElseThrow(() -> new InvalidRequestException("code",
                "No unit with code '" + code + "' on " + day));
        List<Link> from = successions.predecessors(unit.ref()).stream()
                .map(s -> link(s, s.predecessor(), s.predecessorName(), s.level())).toList();
        List<Link> into = successions.successors(unit.ref()).stream()
                .map(s -> link(s, s.successor(), units.find(s.successor()).map(AdminUnit::getName).orElse(null),
                        units.find(s.successor()).map(AdminUnit::getLevel).orElse(null)))
                .toList();
        return new History(features.properties(unit), from, into);
    }

    private static Link link(Succession s, UnitRef other, String name, AdminLevel level) {
        return new Link(other.structure(), other.code(), name, level == null ? null : level.apiName(),
                s.kind().name().toLowerCase(java.util.Locale.ROOT), s.effectiveDate(), s.populationShare(), s.source(),
                s.evidence());
    }

    private LocalDate dayOrToday(LocalDate date) {
        return date == null ? structures.today() : date;
    }

    private static AdminLevel resolveLevel(AdminLevel level, AdminUnit parent, AdminStructure structure) {
        if (level != null) {
            return level;
        }
        AdminLevel above = parent == null ? AdminLevel.PROVINCE : parent.getLevel();
        return structure.below(above).orElseThrow(() -> new InvalidRequestException("parent",
                "Unit '" + parent.getCode() + "' has no lower level"));
    }
}
