package vn.socialmap.geography;

/**
 * Where a unit's shape comes from: an official boundary file, approximated by this system
 * inside an official district, or wholly generated (synthetic benchmark data, no real place).
 */
public enum GeometrySource {
    OFFICIAL, APPROXIMATE, GENERATED
}
