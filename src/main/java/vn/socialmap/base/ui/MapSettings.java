package vn.socialmap.base.ui;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Basemap settings. With no tile URL the map draws a plain background, because
 * government networks are often offline.
 *
 * @param tileUrl             tile URL template ({z}/{x}/{y}), empty for none
 * @param tileAttribution     attribution shown with the tiles
 * @param vectorTileThreshold above this many units a layer's shapes come from the vector
 *                            tiles of {@code /api/v1/tiles} instead of GeoJSON: a browser
 *                            draws a few hundred SVG shapes smoothly, not thousands
 */
@ConfigurationProperties("socialmap.map")
public record MapSettings(String tileUrl, String tileAttribution, @DefaultValue("300") int vectorTileThreshold) {

    public boolean hasTiles() {
        return tileUrl != null && !tileUrl.isBlank();
    }

    /** Whether a layer of this many units is drawn from vector tiles. */
    public boolean drawsFromTiles(int units) {
        return units > vectorTileThreshold;
    }
}
