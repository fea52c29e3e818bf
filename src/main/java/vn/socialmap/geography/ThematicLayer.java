package vn.socialmap.geography;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Data another module shows on the administrative map: a value per unit (for a
 * choropleth) and, for users allowed to see them, points. Implemented by capability
 * modules (the case registry, later facilities and plans) so that the map does not
 * depend on them.
 */
public interface ThematicLayer {

    /** Stable id, e.g. "status". */
    String id();

    /** Translation key of the layer's name. */
    String labelKey();

    /** The variants the user picks from (e.g. one per status); translation keys via {@link #variantLabelKey}. */
    List<String> variants();

    String variantLabelKey(String variant);

    /** The arguments of a variant's label (e.g. the name a plan gives its indicator); none by default. */
    default List<Object> variantLabelArguments(String variant) {
        return List.of();
    }

    /** Values on a date per unit code of the level in the province, on that date's units; suppressed values are null. */
    default Values values(String variant, String provinceCode, AdminLevel level, LocalDate date) {
        return values(variant, provinceCode, level, date, date);
    }

    /**
     * Values on {@code date} per unit of the level in force on {@code unitsAsOf} (figures of one
     * period shown on another structure's units, carried by the people's residences there).
     */
    Values values(String variant, String provinceCode, AdminLevel level, LocalDate date, LocalDate unitsAsOf);

    /** Class breaks fixed by the layer's meaning (e.g. none / 1 / 2+), or null to classify the data. */
    default double[] fixedBreaks(String variant) {
        return null;
    }

    /** What follows each value and class bound, e.g. "%" for a share; empty for counts. */
    default String valueSuffix(String variant) {
        return "";
    }

    /** Translation key of the legend's line for units without a value ({0}: the threshold). */
    default String hiddenLabelKey(String variant) {
        return "map.theme.hidden";
    }

    /** Whether the current user may see this layer's points at all. */
    boolean pointsAvailable();

    /** Points (longitude, latitude) for the current user, or none when they may not see them. */
    List<double[]> points(String variant, String provinceCode, LocalDate date);

    /**
     * Classes named rather than counted (e.g. a status per unit): each value drawn in its colour and
     * named in the legend by its translation key; null (the default) for counts.
     */
    default List<LegendClass> legendClasses(String variant) {
        return null;
    }

    /** A line under the legend (e.g. progress against a plan's target), or null. */
    default Caption caption(String variant, String provinceCode, LocalDate date) {
        return null;
    }

    /**
     * Why the variant has nothing to show for the level's units on the date (e.g. no plan in force
     * then sets targets for them), said in the legend instead of a map of empty units; null when it has.
     */
    default Caption nothingToShow(String variant, String provinceCode, AdminLevel level, LocalDate date) {
        return null;
    }

    /** A named class: units whose value is {@code value} are drawn in {@code color}. */
    record LegendClass(long value, String labelKey, String color) {
    }

    /** A translation key with its arguments. */
    record Caption(String key, List<Object> arguments) {
    }

    /**
     * @param threshold when suppressed: values from 1 to threshold - 1 are hidden
     */
    record Values(Map<String, Long> byUnit, boolean suppressed, Integer threshold) {
    }
}
