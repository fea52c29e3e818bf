package vn.socialmap.base.ui;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Basemap settings. With no tile URL the map draws a plain background, because
 * government networks are often offline.
 *
 * @param tileUrl         tile URL template ({z}/{x}/{y}), empty for none
 * @param tileAttribution attribution shown with the tiles
 */
@ConfigurationProperties("socialmap.map")
public record MapSettings(String tileUrl, String tileAttribution) {

    public boolean hasTiles() {
        return tileUrl != null && !tileUrl.isBlank();
    }
}
