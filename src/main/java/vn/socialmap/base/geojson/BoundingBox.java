package vn.socialmap.base.geojson;

import org.locationtech.jts.geom.Envelope;

import vn.socialmap.base.web.UnreadableValueException;

/** A bbox as GeoJSON and OGC APIs write it: minLon,minLat,maxLon,maxLat in degrees. */
public record BoundingBox(double west, double south, double east, double north) {

    /** Reads "minLon,minLat,maxLon,maxLat" (Spring reads request parameters of this type through it). */
    public static BoundingBox valueOf(String text) {
        String[] parts = text.split(",");
        if (parts.length == 4) {
            try {
                double w = Double.parseDouble(parts[0].strip());
                double s = Double.parseDouble(parts[1].strip());
                double e = Double.parseDouble(parts[2].strip());
                double n = Double.parseDouble(parts[3].strip());
                if (w <= e && s <= n && w >= -180 && e <= 180 && s >= -90 && n <= 90) {
                    return new BoundingBox(w, s, e, n);
                }
            } catch (NumberFormatException ex) {
                // refused below
            }
        }
        throw new UnreadableValueException("minLon,minLat,maxLon,maxLat in degrees", text);
    }

    public Envelope envelope() {
        return new Envelope(west, east, south, north);
    }
}
