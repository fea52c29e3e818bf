package vn.socialmap.imports.boundaries;

import java.util.List;

/**
 * The features of a boundary file as read: each with its code, name and geometry as WKB
 * in the file's coordinate system, or as GeoJSON text. {@code sourceProj} is the PROJ
 * definition of the system the file names, null when it names none (a Shapefile without
 * .prj); {@code impliedProj} is the one its format implies then (GeoJSON: WGS84, RFC 7946),
 * null when the format implies none and the user must say.
 */
public record BoundaryFile(String format, String sourceProj, String sourceLabel, String impliedProj, List<Feature> features) {

    /** Exactly one of {@code wkb} and {@code geoJson} is set. */
    public record Feature(String code, String name, byte[] wkb, String geoJson) {
    }

    public static final String WGS84 = "+proj=longlat +datum=WGS84 +no_defs";

    public boolean namesCoordinateSystem() {
        return sourceProj != null;
    }
}
