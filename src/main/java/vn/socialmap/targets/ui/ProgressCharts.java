package vn.socialmap.targets.ui;

import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import vn.socialmap.base.ui.chart.BarChart;
import vn.socialmap.base.ui.chart.BarChart.Point;
import vn.socialmap.base.ui.chart.BarChart.Series;
import vn.socialmap.targets.NationalProgress.IndicatorTotal;
import vn.socialmap.targets.NationalProgress.ProvinceProgress;
import vn.socialmap.targets.PlanModel;
import vn.socialmap.targets.ProgressService;

/**
 * The charts of the progress pages, built from the rows their tables show: a figure the table
 * hides (a small count) is a point without a bar, and its tooltip says why.
 */
final class ProgressCharts {

    /** The page's translations ({@code Component::getTranslation}). */
    interface Texts {
        String getTranslation(String key, Object... arguments);
    }

    /** A chart and the categories it draws no bar for because their figure is not published. */
    record Drawing(BarChart chart, List<String> unpublished) {
    }

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MM/yyyy");

    private final Texts texts;
    private final int minCount;
    private final NumberFormat count = NumberFormat.getIntegerInstance(Locale.of("vi"));
    private final NumberFormat percent = NumberFormat.getNumberInstance(Locale.of("vi"));

    ProgressCharts(Texts texts, int minCount) {
        this.texts = texts;
        this.minCount = minCount;
        percent.setMinimumFractionDigits(1);
        percent.setMaximumFractionDigits(1);
    }

    /**
     * One indicator's city figure month by month, as the trend table lists it. A share ({@code city} a share row, "trên
     * 80%") reads as the table reads it: percents against the share set, drawn as the target's outline every month.
     */
    Drawing trend(String indicatorName, List<ProgressService.MonthActual> months, ProgressService.Row city) {
        boolean share = city != null && city.isShare();
        List<String> categories = new ArrayList<>();
        List<Point> points = new ArrayList<>();
        List<Point> targets = new ArrayList<>();
        List<String> tooltips = new ArrayList<>();
        String actual = texts.getTranslation("plans.actual");
        for (ProgressService.MonthActual m : months) {
            String month = m.month().format(MONTH);
            categories.add(month);
            String figure = trendFigure(m.actual(), share);
            points.add(new Point((double) m.actual(), figure));
            String tooltip = month + "\n" + actual + ": " + figure;
            if (share && city.target() != null) {
                targets.add(new Point(city.target(), null));
                tooltip += "\n" + texts.getTranslation("chart.tooltip.target",
                        texts.getTranslation("plans.target.share", count.format(city.target())));
            }
            tooltips.add(tooltip);
        }
        String description = months.isEmpty() ? indicatorName : texts.getTranslation("chart.trend.description", indicatorName,
                categories.getFirst(), categories.getLast());
        List<Series> series = new ArrayList<>(List.of(new Series(actual, BarChart.Style.FILLED, points)));
        if (!targets.isEmpty()) {
            series.add(new Series(texts.getTranslation("plans.target"), BarChart.Style.OUTLINE, targets));
        }
        BarChart.ValueAxis axis = share ? new BarChart.ValueAxis(texts.getTranslation("chart.trend.shareAxis"),
                BarChart.Format.PERCENT, 100.0) : new BarChart.ValueAxis(actual, BarChart.Format.COUNT, null);
        return new Drawing(new BarChart(BarChart.Orientation.VERTICAL, categories, axis, List.copyOf(series), tooltips,
                description), List.of());
    }

    /** A month's figure of the trend as the trend table writes it: a share as a percent ("22%"), a count as a count. */
    String trendFigure(long actual, boolean share) {
        return count.format(actual) + (share ? "%" : "");
    }

    /**
     * One unit's indicators against their targets, as percents: a count as the percent of its
     * target reached (the target at 100%), a share as the share reached against the share set.
     */
    Drawing againstTarget(List<ProgressService.Row> rows) {
        List<String> categories = new ArrayList<>();
        List<Point> actuals = new ArrayList<>();
        List<Point> targets = new ArrayList<>();
        List<String> tooltips = new ArrayList<>();
        List<String> unpublished = new ArrayList<>();
        for (ProgressService.Row r : rows) {
            categories.add(r.indicatorName());
            List<String> lines = new ArrayList<>(List.of(r.indicatorName()));
            if (r.isShare()) {
                targets.add(r.target() == null ? Point.hidden() : new Point(r.target(), null));
                actuals.add(new Point(r.share(), percent.format(r.share()) + "%"));
                if (r.target() != null) {
                    lines.add(texts.getTranslation("chart.tooltip.target",
                            texts.getTranslation("plans.target.share", count.format(r.target()))));
                }
                lines.add(texts.getTranslation("chart.tooltip.share", percent.format(r.share()) + "%"));
            } else {
                boolean targeted = r.target() != null && r.target() > 0;
                targets.add(targeted ? new Point(100.0, null) : Point.hidden());
                if (targeted) {
                    lines.add(texts.getTranslation("chart.tooltip.target", count.format(r.target())));
                }
                actuals.add(achieved(r.indicatorName(), r.actual(), "", r.percent(), lines, unpublished));
            }
            if (r.status() != null) {
                lines.add(texts.getTranslation("plans.status." + r.status().name()));
            }
            tooltips.add(String.join("\n", lines));
        }
        return new Drawing(new BarChart(BarChart.Orientation.HORIZONTAL, categories,
                new BarChart.ValueAxis(texts.getTranslation("chart.progress.axis"), BarChart.Format.PERCENT, null),
                List.of(new Series(texts.getTranslation("plans.actual"), BarChart.Style.FILLED, actuals),
                        new Series(texts.getTranslation("plans.target"), BarChart.Style.OUTLINE, targets)),
                tooltips, texts.getTranslation("chart.progress.description", rows.size())), unpublished);
    }

    /** The nation's indicators: the percent of the summed targets reached, and where they should be by now. */
    Drawing national(List<IndicatorTotal> totals) {
        List<String> categories = new ArrayList<>();
        List<Point> actuals = new ArrayList<>();
        List<Point> targets = new ArrayList<>();
        List<Point> expected = new ArrayList<>();
        List<String> tooltips = new ArrayList<>();
        List<String> unpublished = new ArrayList<>();
        for (IndicatorTotal t : totals) {
            categories.add(t.indicatorName());
            // a percent indicator (drug-free communes, a share) reads its target and figure as percents
            String unit = t.unit() == PlanModel.Unit.PERCENT ? "%" : "";
            List<String> lines = new ArrayList<>(List.of(t.indicatorName(),
                    texts.getTranslation("chart.tooltip.target", count.format(t.target()) + unit)));
            targets.add(t.target() > 0 ? new Point(100.0, null) : Point.hidden());
            actuals.add(achieved(t.indicatorName(), t.actual(), unit, t.percent(), lines, unpublished));
            expected.add(t.expectedPercent() == null ? Point.hidden() : new Point(t.expectedPercent(), null));
            if (t.expectedPercent() != null) {
                lines.add(texts.getTranslation("chart.tooltip.expected", percent.format(t.expectedPercent()) + "%"));
            }
            tooltips.add(String.join("\n", lines));
        }
        return new Drawing(new BarChart(BarChart.Orientation.HORIZONTAL, categories,
                new BarChart.ValueAxis(texts.getTranslation("chart.progress.axis"), BarChart.Format.PERCENT, null),
                List.of(new Series(texts.getTranslation("plans.actual"), BarChart.Style.FILLED, actuals),
                        new Series(texts.getTranslation("plans.target"), BarChart.Style.OUTLINE, targets),
                        new Series(texts.getTranslation("national.expected"), BarChart.Style.TICK, expected)),
                tooltips, texts.getTranslation("chart.national.description", totals.size())), unpublished);
    }

    /** Every province's percent of its target for one indicator, in the order of the table below. */
    Drawing provinces(IndicatorTotal indicator, List<ProvinceProgress> rows) {
        String unit = indicator.unit() == PlanModel.Unit.PERCENT ? "%" : "";
        List<String> categories = new ArrayList<>();
        List<Point> actuals = new ArrayList<>();
        List<Point> targets = new ArrayList<>();
        List<String> tooltips = new ArrayList<>();
        List<String> unpublished = new ArrayList<>();
        for (ProvinceProgress p : rows) {
            categories.add(p.provinceName());
            List<String> lines = new ArrayList<>(List.of(p.provinceName() + " (" + p.planNumber() + ")",
                    texts.getTranslation("chart.tooltip.target", count.format(p.target()) + unit)));
            targets.add(p.target() > 0 ? new Point(100.0, null) : Point.hidden());
            actuals.add(achieved(p.provinceName(), p.actual(), unit, p.percent(), lines, unpublished));
            tooltips.add(String.join("\n", lines));
        }
        return new Drawing(new BarChart(BarChart.Orientation.HORIZONTAL, categories,
                new BarChart.ValueAxis(texts.getTranslation("chart.progress.axis"), BarChart.Format.PERCENT, null),
                List.of(new Series(texts.getTranslation("plans.actual"), BarChart.Style.FILLED, actuals),
                        new Series(texts.getTranslation("plans.target"), BarChart.Style.OUTLINE, targets)),
                tooltips, texts.getTranslation("chart.provinces.description", indicator.indicatorName(), rows.size())), unpublished);
    }

    /**
     * The bar of a count against its target: none where the count is not published (the table's
     * "<5"; the category is then listed in {@code unpublished}) or there is no target to divide by.
     */
    private Point achieved(String category, Long actual, String unit, Double percentOfTarget, List<String> lines,
                           List<String> unpublished) {
        if (actual == null) {
            unpublished.add(category);
            lines.add(texts.getTranslation("chart.hidden", minCount));
            return Point.hidden();
        }
        if (percentOfTarget == null) {
            lines.add(texts.getTranslation("chart.tooltip.count", count.format(actual) + unit));
            lines.add(texts.getTranslation("chart.noTarget"));
            return Point.hidden();
        }
        String achieved = percent.format(percentOfTarget) + "%";
        lines.add(texts.getTranslation("chart.tooltip.actual", count.format(actual) + unit, achieved));
        return new Point(percentOfTarget, achieved);
    }
}
