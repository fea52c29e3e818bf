package vn.socialmap.geography;

import java.util.List;

import vn.socialmap.base.geojson.GeoJson;

/**
 * Point layers another module puts on the administrative map (facilities, services), each
 * with its own colour, toggled in the map's layer switcher. Features carry their tooltip
 * and popup ({@code _tooltip}, {@code _popup}) like the unit layers.
 */
public interface MapOverlays {

    /** The groups the current user may see. */
    List<Group> groups();

    /** The group's places in a province as they were on a date (closed ones left out, models of that year). */
    GeoJson.FeatureCollection features(String groupId, String provinceCode, java.time.LocalDate date);

    record Group(String id, String labelKey, String color) {
    }
}
