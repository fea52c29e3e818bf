package vn.socialmap.imports.boundaries;

import java.util.List;

/**
 * The features of a boundary file as read: each with its code, name and geometry as WKB
 * in the file's coordinate system, or as GeoJSON text; {@code sourceProj} is the PROJ
 * definition of that system (WGS84 when the file says nothing).
 */
public record BoundaryFile(String format, String sourceProj, String sourceLabel, List<Feature> features) {

    /** Exactly one of {@code wkb} and {@code geoJson} is set. */
    public record Feature(String code, String name, byte[] wkb, String geoJson) {
    }

    public static final String WGS84 = "+proj=longlat +datum=WGS84 +no_defs";
}
