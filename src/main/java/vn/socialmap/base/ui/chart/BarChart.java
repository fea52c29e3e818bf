package vn.socialmap.base.ui.chart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.socialmap.base.ui.Palette;

/**
 * A bar chart over categories (months, indicators, provinces) as an ECharts option. Texts come
 * translated and figures formatted by the caller: the chart draws what the page's table shows
 * and nothing more. A point without a value draws no bar; its category's tooltip says why.
 * The series are told apart by shape and lightness, not hue alone, so that a greyscale print
 * still reads: a dark filled bar, a dashed outline over it, a short tick.
 *
 * @param categories  the category names in order (the first at the top of horizontal bars)
 * @param tooltips    one text per category, lines separated by "\n"; null for none
 * @param description one sentence saying what the chart shows, for screen readers
 */
public record BarChart(Orientation orientation, List<String> categories, ValueAxis valueAxis, List<Series> series,
                       List<String> tooltips, String description) {

    static final String FILLED_COLOR = Palette.CHART_FILLED;
    static final String OUTLINE_COLOR = Palette.CHART_OUTLINE;
    static final String TICK_COLOR = Palette.CHART_TICK;
    /** Beyond this many categories the bars carry no labels: they would overlap; the tooltips still tell. */
    static final int MOST_LABELLED = 24;

    public BarChart {
        categories = List.copyOf(categories);
        series = List.copyOf(series);
        tooltips = tooltips == null ? null : List.copyOf(tooltips);
        for (Series s : series) {
            if (s.points().size() != categories.size()) {
                throw new IllegalArgumentException("Series " + s.name() + " has " + s.points().size() + " points for "
                        + categories.size() + " categories");
            }
        }
        if (tooltips != null && tooltips.size() != categories.size()) {
            throw new IllegalArgumentException(tooltips.size() + " tooltips for " + categories.size() + " categories");
        }
    }

    /** Vertical: columns left to right (months); horizontal: bars top to bottom (long names). */
    public enum Orientation {
        VERTICAL, HORIZONTAL
    }

    /** How the value axis writes its figures, the Vietnamese way: 1.234 or 22,5%. */
    public enum Format {
        COUNT, PERCENT
    }

    /** The value axis: its name, its figures and, if set, its upper end. */
    public record ValueAxis(String name, Format format, Double max) {
    }

    /** A filled bar (the figure), a dashed outline over it (what it is measured against), or a tick (a mark to reach). */
    public enum Style {
        FILLED, OUTLINE, TICK
    }

    public record Series(String name, Style style, List<Point> points) {
        public Series {
            points = List.copyOf(points);
        }
    }

    /** One value and the label written by its bar; a null value draws nothing. */
    public record Point(Double value, String label) {

        public static Point hidden() {
            return new Point(null, null);
        }

        public boolean isShown() {
            return value != null;
        }
    }

    /** The series' points that draw something. */
    public static long shownPoints(Series series) {
        return series.points().stream().filter(Point::isShown).count();
    }

    /** The ECharts option, plus the two keys {@code echarts-chart.js} reads ({@code smFormat}, {@code smTooltips}). */
    public Map<String, Object> option() {
        boolean horizontal = orientation == Orientation.HORIZONTAL;
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("animation", false); // drawn at once: for print, and for tests waiting on the drawing
        option.put("textStyle", Map.of("fontFamily", "system-ui, 'Noto Sans', 'Segoe UI', Roboto, sans-serif", "fontSize", 12));
        option.put("legend", Map.of("top", 0, "data", series.stream().map(Series::name).toList()));
        option.put("grid", Map.of("left", 8, "right", 48, "top", 36, "bottom", 8,
                "outerBoundsMode", "same", "outerBoundsContain", "all"));
        option.put("tooltip", Map.of("trigger", "axis", "axisPointer", Map.of("type", "shadow"), "confine", true,
                "className", "sm-chart-tooltip"));
        Map<String, Object> categoryAxis = new LinkedHashMap<>();
        categoryAxis.put("type", "category");
        categoryAxis.put("data", categories);
        categoryAxis.put("axisTick", Map.of("alignWithLabel", true));
        if (horizontal) {
            categoryAxis.put("inverse", true);
            categoryAxis.put("axisLabel", Map.of("width", 240, "overflow", "truncate", "interval", 0));
        } else {
            categoryAxis.put("axisLabel", Map.of("hideOverlap", true));
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("type", "value");
        values.put("name", valueAxis.name());
        values.put("nameLocation", "middle");
        values.put("nameGap", horizontal ? 28 : 44);
        values.put("smFormat", valueAxis.format() == Format.PERCENT ? "percent" : "count");
        if (valueAxis.max() != null) {
            values.put("max", valueAxis.max());
        }
        values.put("axisLabel", Map.of("hideOverlap", true)); // a narrow screen: fewer figures rather than overlapping ones
        values.put("splitLine", Map.of("lineStyle", Map.of("color", Palette.CHART_GRID)));
        option.put(horizontal ? "yAxis" : "xAxis", categoryAxis);
        option.put(horizontal ? "xAxis" : "yAxis", values);
        List<Object> drawn = new ArrayList<>();
        boolean labelled = categories.size() <= MOST_LABELLED;
        for (Series s : series) {
            drawn.add(series(s, horizontal, labelled));
        }
        option.put("series", drawn);
        if (tooltips != null) {
            option.put("smTooltips", tooltips);
        }
        return option;
    }

    private static Map<String, Object> series(Series s, boolean horizontal, boolean labelled) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", s.name());
        List<Object> data = new ArrayList<>();
        for (Point p : s.points()) {
            if (!p.isShown()) {
                data.add("-"); // ECharts' empty value: no bar, no symbol
            } else if (s.style() == Style.FILLED && labelled && p.label() != null) {
                data.add(Map.of("value", p.value(), "label", Map.of("show", true, "formatter", literal(p.label()))));
            } else {
                data.add(Map.of("value", p.value()));
            }
        }
        out.put("data", data);
        switch (s.style()) {
            case FILLED -> {
                out.put("type", "bar");
                out.put("barMaxWidth", 28);
                out.put("barGap", "-100%"); // the outline lies over the bar of the same category
                out.put("itemStyle", Map.of("color", FILLED_COLOR));
                out.put("label", Map.of("position", horizontal ? "right" : "top", "color", Palette.CHART_LABEL, "fontWeight", "bold"));
                out.put("z", 2);
            }
            case OUTLINE -> {
                out.put("type", "bar");
                out.put("barMaxWidth", 28);
                out.put("barGap", "-100%");
                out.put("itemStyle", Map.of("color", "rgba(0,0,0,0)", "borderColor", OUTLINE_COLOR, "borderWidth", 1.5,
                        "borderType", "dashed"));
                out.put("z", 3);
            }
            case TICK -> {
                out.put("type", "scatter");
                out.put("symbol", "rect");
                out.put("symbolSize", horizontal ? List.of(4, 26) : List.of(26, 4));
                out.put("itemStyle", Map.of("color", TICK_COLOR));
                out.put("z", 4);
            }
        }
        return out;
    }

    /** A label as ECharts writes it: braces would start a template. */
    private static String literal(String label) {
        return label.replace("{", "(").replace("}", ")");
    }
}
