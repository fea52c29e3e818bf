package vn.socialmap.targets.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import tools.jackson.databind.ObjectMapper;

import vn.socialmap.base.ui.chart.EChart;

/** A progress chart and, under it, the note naming what it draws no bar for because the figure is not published. */
class ProgressChartPanel extends Div {

    private final EChart chart;
    private final Span note = new Span();
    private final int minCount;

    ProgressChartPanel(ObjectMapper json, String className, String height, int minCount) {
        this.minCount = minCount;
        this.chart = new EChart(json);
        chart.addClassName(className);
        chart.setHeight(height);
        note.addClassName("sm-chart-note");
        note.setVisible(false);
        addClassName("sm-chart-panel");
        setWidthFull();
        add(chart, note);
    }

    void show(ProgressCharts.Drawing drawing) {
        if (drawing.chart().orientation() == vn.socialmap.base.ui.chart.BarChart.Orientation.HORIZONTAL) {
            // a bar per category, each high enough to read its name
            chart.setHeight(Math.max(10, 5 + 2.5 * drawing.chart().categories().size()) + "rem");
        }
        chart.setChart(drawing.chart());
        setVisible(true);
        note.setVisible(!drawing.unpublished().isEmpty());
        note.setText(drawing.unpublished().isEmpty() ? ""
                : getTranslation("chart.unpublished", minCount, String.join("; ", drawing.unpublished())));
    }
}
