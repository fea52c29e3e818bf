package vn.socialmap.geography;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.springframework.core.io.Resource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads a GeoJSON FeatureCollection of (Multi)Polygons keyed by the {@code code} property,
 * with the other properties as text; a name ending in {@code .gz} is read through gzip.
 */
class BoundaryReader {

    /** A shape and its properties ({@code name}, {@code type}, {@code provinceCode}, {@code areaKm2}, ...). */
    record Feature(String code, Map<String, String> properties, MultiPolygon shape) {
        String property(String name) {
            return properties.get(name);
        }
    }

    private final ObjectMapper json;
    private final GeometryFactory factory;

    BoundaryReader(ObjectMapper json, GeometryFactory factory) {
        this.json = json;
        this.factory = factory;
    }

    /** Shapes by code. */
    Map<String, MultiPolygon> read(Resource resource) throws IOException {
        Map<String, MultiPolygon> byCode = new LinkedHashMap<>();
        features(resource).forEach((code, f) -> byCode.put(code, f.shape()));
        return byCode;
    }

    /** Features by code, in file order. */
    Map<String, Feature> features(Resource resource) throws IOException {
        JsonNode root;
        try (InputStream raw = resource.getInputStream();
             InputStream in = resource.getFilename() != null && resource.getFilename().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
            root = json.readTree(in);
        }
        Map<String, Feature> byCode = new LinkedHashMap<>();
        for (JsonNode feature : root.path("features")) {
            JsonNode props = feature.path("properties");
            String code = props.path("code").asString();
            Map<String, String> properties = new LinkedHashMap<>();
            props.properties().forEach(e -> properties.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asString()));
            JsonNode geometry = feature.path("geometry");
            String type = geometry.path("type").asString();
            JsonNode coordinates = geometry.path("coordinates");
            List<Polygon> polygons = new ArrayList<>();
            switch (type) {
                case "Polygon" -> polygons.add(polygon(coordinates));
                case "MultiPolygon" -> coordinates.forEach(p -> polygons.add(polygon(p)));
                default -> throw new IOException(resource.getDescription() + ": feature " + code + " is a " + type);
            }
            byCode.put(code, new Feature(code, properties, factory.createMultiPolygon(polygons.toArray(Polygon[]::new))));
        }
        return byCode;
    }

    private Polygon polygon(JsonNode rings) {
        LinearRing shell = ring(rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i));
        }
        return factory.createPolygon(shell, holes);
    }

    private LinearRing ring(JsonNode positions) {
        Coordinate[] coordinates = new Coordinate[positions.size()];
        for (int i = 0; i < coordinates.length; i++) {
            coordinates[i] = new Coordinate(positions.get(i).get(0).asDouble(), positions.get(i).get(1).asDouble());
        }
        return factory.createLinearRing(coordinates);
    }
}
