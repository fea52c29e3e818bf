package vn.socialmap.geography;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.coverage.CoverageSimplifier;
import org.locationtech.jts.geom.Geometry;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.util.RawValue;

import vn.socialmap.base.cache.AnswerCaches;
import vn.socialmap.base.cache.RecentAnswers;
import vn.socialmap.base.geojson.GeoJson;

/** Administrative units as GeoJSON features, the shape shared by the API and the map. */
@Component
public class AdminUnitFeatures {

    /** Simplified layers by the units' ids, tolerance and the units' version. */
    private final RecentAnswers<GeoJson.FeatureCollection> simplified;
    private final AdminUnitService service;

    private final ObjectMapper json;

    AdminUnitFeatures(AnswerCaches caches, AdminUnitService service, ObjectMapper json) {
        this.simplified = caches.create(256);
        this.service = service;
        this.json = json;
    }

    /**
     * @param simplify tolerance in degrees; 0 keeps the full shapes. Units are simplified
     *                 together as a coverage, so neighbours keep a common border (no gaps
     *                 or slivers appear between them).
     */
    public GeoJson.FeatureCollection toFeatureCollection(List<AdminUnit> units, double simplify) {
        // every map screen opened draws the same layers: simplifying shapes costs the most
        StringBuilder key = new StringBuilder().append(service.version()).append('|').append(simplify);
        units.forEach(u -> key.append(',').append(u.getId()));
        return simplified.get(key.toString(), () -> compute(units, simplify));
    }

    private GeoJson.FeatureCollection compute(List<AdminUnit> units, double simplify) {
        Geometry[] shapes = units.stream().map(u -> (Geometry) u.getGeom()).toArray(Geometry[]::new);
        if (simplify > 0 && shapes.length > 0) {
            shapes = CoverageSimplifier.simplify(shapes, simplify);
        }
        var features = new java.util.ArrayList<GeoJson.Feature>(units.size());
        for (int i = 0; i < units.size(); i++) {
            AdminUnit unit = units.get(i);
            GeoJson.GeometryObject geometry = GeoJson.geometry(shapes[i]);
            // written once as JSON text: every map opened and every API answer sends the same coordinates
            features.add(new GeoJson.Feature(unit.getCode(), new GeoJson.GeometryObject(geometry.type(),
                    new RawValue(json.writeValueAsString(geometry.coordinates()))), properties(unit)));
        }
        return new GeoJson.FeatureCollection(features);
    }

    public Map<String, Object> properties(AdminUnit unit) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("structure", unit.getStructure());
        p.put("code", unit.getCode());
        p.put("name", unit.getName());
        p.put("type", unit.getUnitType());
        p.put("level", unit.getLevel().apiName());
        p.put("parentCode", unit.getParentCode());
        p.put("provinceCode", unit.getProvinceCode());
        p.put("geometrySource", unit.getGeometrySource().name().toLowerCase(java.util.Locale.ROOT));
        p.put("approximate", unit.isApproximate());
        // null: since the earliest records; validTo is the last day in force, null while in force
        p.put("validFrom", unit.getValidFrom() == null ? null : unit.getValidFrom().toString());
        p.put("validTo", unit.getValidTo() == null ? null : unit.getValidTo().minusDays(1).toString());
        p.put("population", unit.getPopulation());
        p.put("areaKm2", unit.getAreaKm2());
        return p;
    }
}
