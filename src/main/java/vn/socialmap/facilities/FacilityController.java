package vn.socialmap.facilities;

import java.net.URI;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.socialmap.base.geojson.BoundingBox;
import vn.socialmap.base.geojson.GeoJson;
import vn.socialmap.base.web.InvalidRequestException;
import vn.socialmap.geography.AdminLevel;
import vn.socialmap.geography.AdminUnitService;

@RestController
@RequestMapping("/api/v1/facilities")
@Tag(name = "Facilities", description = "Rehab facilities, providers, clinics, counseling points, post-rehab models, hotspots")
class FacilityController {

    private final FacilityService facilities;
    private final AdminUnitService units;
    private final FacilityHistory history;

    FacilityController(FacilityService facilities, AdminUnitService units, FacilityHistory history) {
        this.facilities = facilities;
        this.units = units;
        this.history = history;
    }

    /** Who ran a facility when, and the mergers it took part in. */
    record Lineage(long id, String code, List<FacilityHistory.OperatorPeriod> operators,
                   List<FacilityHistory.Succession> predecessors, List<FacilityHistory.Succession> successors) {
    }

    @GetMapping(produces = {"application/geo+json", "application/json"})
    @Operation(summary = "Facilities as a GeoJSON FeatureCollection of points; hotspots only for roles that see persons")
    GeoJson.FeatureCollection list(@RequestParam(required = false) String province,
                                   @Parameter(description = "types, comma-separated or repeated; default all")
                                   @RequestParam(required = false) Set<FacilityType> type,
                                   @RequestParam(required = false) String district,
                                   @RequestParam(required = false) String commune,
                                   @Parameter(description = "minLon,minLat,maxLon,maxLat", example = "105.8,21.0,105.9,21.1")
                                   @RequestParam(required = false) BoundingBox bbox,
                                   @Parameter(description = "the facilities there on that day; default all")
                                   @RequestParam(required = false) LocalDate asOf) {
        if (!units.isProvince(province)) {
            throw new InvalidRequestException("province", "Unknown or missing province code '" + province + "'");
        }
        Set<FacilityType> types = EnumSet.noneOf(FacilityType.class);
        if (type != null) {
            type.stream().filter(java.util.Objects::nonNull).forEach(types::add);
        }
        if (district != null && units.formerDistrict(district).isEmpty()) {
            throw new InvalidRequestException("district", "Unknown district code '" + district + "'");
        }
        if (commune != null && units.find(commune).filter(u -> u.getLevel() == AdminLevel.COMMUNE).isEmpty()) {
            throw new InvalidRequestException("commune", "Unknown commune code '" + commune + "'");
        }
        // asOf: the facilities there on that day (opened by then, not closed by then); all when absent
        List<Facility> found = facilities.find(new FacilityService.Query(province, types, district, commune,
                bbox == null ? null : bbox.envelope()), asOf);
        return new GeoJson.FeatureCollection(found.stream().map(FacilityController::feature).toList());
    }

    @GetMapping(value = "/{id}", produces = {"application/geo+json", "application/json"})
    @Operation(summary = "One facility as a GeoJSON Feature")
    GeoJson.Feature get(@PathVariable long id) {
        return feature(facilities.get(id));
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "A facility's operators over time (source of each) and the facilities merged into it or it into")
    Lineage history(@PathVariable long id) {
        Facility f = facilities.get(id);
        if (f.getCode() == null) {
            return new Lineage(id, null, List.of(), List.of(), List.of());
        }
        return new Lineage(id, f.getCode(), history.operators(f.getProvinceCode(), f.getCode()),
                history.predecessors(f.getProvinceCode(), f.getCode()), history.successors(f.getProvinceCode(), f.getCode()));
    }

    @PostMapping
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    @Operation(summary = "Register a facility (admin, or district officer in their district)")
    ResponseEntity<GeoJson.Feature> create(@RequestBody FacilityForm form) {
        Facility f = facilities.create(form);
        return ResponseEntity.created(URI.create("/api/v1/facilities/" + f.getId())).body(feature(f));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change a facility; version must match (optimistic locking)")
    GeoJson.Feature update(@PathVariable long id, @RequestParam long version, @RequestBody FacilityForm form) {
        return feature(facilities.update(id, form, version));
    }

    static GeoJson.Feature feature(Facility f) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", f.getId());
        p.put("type", f.getType().name());
        p.put("code", f.getCode());
        p.put("name", f.getName());
        p.put("address", f.getAddress());
        p.put("communeCode", f.getCommuneCode());
        p.put("districtCode", f.getDistrictCode());
        p.put("phone", f.getPhone());
        p.put("email", f.getEmail());
        p.put("contactPerson", f.getContactPerson());
        p.put("status", f.getStatus().name());
        p.put("statusSince", f.getStatusSince().toString());
        p.put("openedOn", f.getOpenedOn() == null ? null : f.getOpenedOn().toString());
        p.put("details", f.getDetails());
        p.put("demo", f.isDemo());
        p.put("version", f.getVersion());
        return new GeoJson.Feature(String.valueOf(f.getId()), GeoJson.geometry(f.getLocation()), p);
    }
}
