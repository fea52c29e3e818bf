package vn.socialmap.base.ui;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The colours data are drawn in on the maps and charts, in one place: a legend's swatch takes its
 * colour from here as the map does, so that the two cannot drift apart. How the screens look
 * (text, notices, badges, backgrounds) is the theme's (styles.css), not this class's.
 */
public final class Palette {

    private Palette() {
    }

    // --- choropleths of counts and rates (ColorBrewer YlOrRd), light to dark

    /** The classes of a count or rate, light to dark; fewer classes take the darkest ones. */
    public static final List<String> COUNTS = List.of("#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026");
    /** A unit whose value is zero. */
    public static final String ZERO = "#f7f7f7";
    /** A unit without a value shown (a small count kept confidential, a rate without a population). */
    public static final String NO_VALUE = "#bdbdbd";

    // --- the administrative map's outlines

    public static final String DISTRICT_LINE = "#1f4e79";
    public static final String DISTRICT_FILL = "#5b9bd5";
    public static final String COMMUNE_LINE = "#7a4b00";
    public static final String COMMUNE_FILL = "#f4b183";
    /** The unit in focus, the shapes being imported, a commune beyond reach: what the eye should find first. */
    public static final String HIGHLIGHT_LINE = "#c00000";
    /** A unit of an earlier structure outlined over today's (also the border of its notice in the theme). */
    public static final String FORMER_LINE = "#5b2c83";
    /** A unit's outline under the pointer on the analytics map. */
    public static final String HOVER_LINE = "#333";

    // --- drug-free communes, by status (ColorBrewer RdYlGn)

    public static final String DRUG_FREE_RECOGNISED = "#1a9850";
    public static final String DRUG_FREE_PROPOSED = "#91cf60";
    public static final String DRUG_FREE_LOST = "#d73027";
    public static final String DRUG_FREE_NOT_ASSESSED = ZERO;

    // --- the markers of the facility types

    public static final String PUBLIC_REHAB = "#1f4e79";
    public static final String PRIVATE_REHAB = "#2e75b6";
    public static final String COMMUNITY_PROVIDER = "#70ad47";
    public static final String METHADONE_CLINIC = "#7030a0";
    public static final String DESIGNATED_HEALTH = "#c00000";
    public static final String COUNSELING_POINT = "#ed7d31";
    public static final String POST_REHAB_MODEL = "#00b0a0";
    public static final String HOTSPOT = "#000000";

    // --- analytics: hot and cold spots (Gi*), clusters and outliers (LISA), access, density

    /** Each hot- or cold-spot class and cluster type, in the legend's order. */
    public static final Map<String, String> HOTSPOT_CLASSES = ordered(
            "hot_99", "#d62f27", "hot_95", "#ed7551", "hot_90", "#fab984", "none", "#f2f2f2",
            "cold_90", "#c0d7e8", "cold_95", "#74add1", "cold_99", "#4575b4",
            "HH", "#d7191c", "HL", "#fdae61", "LH", "#abd9e9", "LL", "#2c7bb6");
    public static final String HOTSPOT_NONE = "#f2f2f2";
    public static final String HOTSPOT_OUTLINE = "#777";
    /** Access to a service (ColorBrewer PuBu), poor to good. */
    public static final List<String> ACCESS = List.of("#f1eef6", "#bdc9e1", "#74a9cf", "#2b8cbe", "#045a8d");
    public static final String ACCESS_OUTLINE = "#888";
    /** The services' markers on the access map. */
    public static final String SERVICE = METHADONE_CLINIC;
    /** The density surface's ends: DensityService paints the image between them, the legend shows them. */
    public static final String DENSITY_LOW = "#ffe63c";
    public static final String DENSITY_HIGH = "#b40000";

    // --- planning of post-rehab models

    /** The sites of up to five scenarios shown together. */
    public static final List<String> SCENARIOS = List.of("#d62728", "#1f77b4", "#2ca02c", "#9467bd", "#ff7f0e");
    /** The communes' demand: its colour, and its lightest and darkest shades as drawn. */
    public static final String DEMAND = "#08519c";
    public static final String DEMAND_LOW = "rgba(8, 81, 156, 0.15)";
    public static final String DEMAND_HIGH = "rgba(8, 81, 156, 0.65)";
    public static final String DEMAND_OUTLINE = "#666";
    public static final String EXISTING_MODEL = POST_REHAB_MODEL;
    public static final String PLANNING_BOUNDARY = "#555";

    // --- charts

    public static final String CHART_FILLED = "#1f4e79";
    public static final String CHART_OUTLINE = "#333333";
    public static final String CHART_TICK = "#c2410c";
    public static final String CHART_GRID = "#d9d9d9";
    public static final String CHART_LABEL = "#1a1a1a";

    // --- the printed progress map (ColorBrewer RdYlGn): below 25, 50, 75, 100 % and the target reached

    public static final List<String> PROGRESS = List.of("#d7191c", "#fdae61", "#ffffbf", "#a6d96a", "#1a9641");
    public static final String PROGRESS_OUTLINE = "#333333";

    private static Map<String, String> ordered(String... keysAndColours) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndColours.length; i += 2) {
            map.put(keysAndColours[i], keysAndColours[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }
}
