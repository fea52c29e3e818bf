package vn.socialmap.base.geojson;

import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * GeoJSON (RFC 7946) as records, so that every API and every map layer writes the same
 * shape. Coordinates are rounded to 7 decimals (about 1 cm), which RFC 7946 recommends
 * over full double precision to keep payloads small.
 */
public final class GeoJson {

    private static final double SCALE = 1e7;

    private GeoJson() {
    }

    public record FeatureCollection(String type, List<Feature> features) {
        public FeatureCollection(List<Feature> features) {
            this("FeatureCollection", features);
        }
    }

    public record Feature(String type, String id, GeometryObject geometry, Map<String, Object> properties) {
        public Feature(String id, GeometryObject geometry, Map<String, Object> properties) {
            this("Feature", id, geometry, properties);
        }
    }

    /** A GeoJSON geometry; {@code coordinates} nests arrays of [lon, lat] as the type requires. */
    public record GeometryObject(String type, Object coordinates) {
    }

    public static GeometryObject geometry(Geometry geometry) {
        return switch (geometry) {
            case Point p -> new GeometryObject("Point", position(p.getCoordinate()));
            case LineString l -> new GeometryObject("LineString", positions(l.getCoordinates()));
            case Polygon p -> new GeometryObject("Polygon", rings(p));
            case MultiPolygon mp -> {
                double[][][][] polygons = new double[mp.getNumGeometries()][][][];
                for (int i = 0; i < polygons.length; i++) {
                    polygons[i] = rings((Polygon) mp.getGeometryN(i));
                }
                yield new GeometryObject("MultiPolygon", polygons);
            }
            default -> throw new IllegalArgumentException("Unsupported geometry type " + geometry.getGeometryType());
        };
    }

    private static double[][][] rings(Polygon polygon) {
        double[][][] rings = new double[polygon.getNumInteriorRing() + 1][][];
        rings[0] = positions(polygon.getExteriorRing().getCoordinates());
        for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
            rings[i + 1] = positions(polygon.getInteriorRingN(i).getCoordinates());
        }
        return rings;
    }

    private static double[][] positions(Coordinate[] coordinates) {
        double[][] positions = new double[coordinates.length][];
        for (int i = 0; i < coordinates.length; i++) {
            positions[i] = position(coordinates[i]);
        }
        return positions;
    }

    private static double[] position(Coordinate c) {
        return new double[] {round(c.x), round(c.y)};
    }

    private static double round(double value) {
        return Math.round(value * SCALE) / SCALE;
    }
}
