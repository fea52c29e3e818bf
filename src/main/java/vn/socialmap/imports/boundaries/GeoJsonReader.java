package vn.socialmap.imports.boundaries;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A GeoJSON FeatureCollection. RFC 7946 files are WGS84; files with the older "crs" member
 * (as GDAL writes for other systems, e.g. "urn:ogc:def:crs:EPSG::3405") are honoured.
 * Geometries stay GeoJSON text: PostGIS parses them.
 */
final class GeoJsonReader {

    private GeoJsonReader() {
    }

    static BoundaryFile read(byte[] file, String codeField, String nameField, ObjectMapper json, CoordinateSystems crs) {
        JsonNode root;
        try {
            root = json.readTree(file);
        } catch (JacksonException e) {
            throw new BoundaryFileException("boundaries.error.json", e.getOriginalMessage());
        }
        if (!"FeatureCollection".equals(root.path("type").asString(""))) {
            throw new BoundaryFileException("boundaries.error.json", "not a FeatureCollection");
        }
        String crsName = root.path("crs").path("properties").path("name").asString(null);
        List<BoundaryFile.Feature> features = new ArrayList<>();
        for (JsonNode f : root.path("features")) {
            JsonNode props = f.path("properties");
            JsonNode code = property(props, codeField);
            if (code == null || code.isNull()) {
                List<String> names = new ArrayList<>();
                props.propertyNames().forEach(names::add);
                throw new BoundaryFileException("boundaries.error.codeField", codeField, String.join(", ", names));
            }
            JsonNode name = property(props, nameField);
            if (f.path("geometry").isMissingNode() || f.path("geometry").isNull()) {
                throw new BoundaryFileException("boundaries.error.noGeometry", code.asString());
            }
            features.add(new BoundaryFile.Feature(code.asString(), name == null || name.isNull() ? null : name.asString(), null,
                    f.path("geometry").toString()));
        }
        return crsName == null
                ? new BoundaryFile("GeoJSON", null, null, BoundaryFile.WGS84, features)
                : new BoundaryFile("GeoJSON", crs.fromName(crsName), crsName, BoundaryFile.WGS84, features);
    }

    private static JsonNode property(JsonNode props, String name) {
        for (String key : props.propertyNames()) {
            if (key.equalsIgnoreCase(name)) {
                return props.get(key);
            }
        }
        return null;
    }
}
