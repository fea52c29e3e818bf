package vn.socialmap.base.ui.chart;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import tools.jackson.databind.ObjectMapper;

/**
 * The project's chart: Apache ECharts drawn as SVG from an option built on the server
 * ({@link BarChart}). The library comes from npm into the frontend bundle, so charts work
 * offline. A chart is a picture for those who would rather look than read: the figures stay
 * in a table beside it, and the chart's element carries a one-line description for screen readers.
 */
@Tag("sm-chart")
@NpmPackage(value = "echarts", version = "6.1.0")
@JsModule("./echarts-chart.js")
public class EChart extends Component implements HasSize, HasStyle {

    private final ObjectMapper json;

    public EChart(ObjectMapper json) {
        this.json = json;
        addClassName("sm-chart");
        setWidthFull();
        setHeight("20rem");
        getElement().setAttribute("role", "img");
    }

    public void setChart(BarChart chart) {
        getElement().setAttribute("aria-label", chart.description() == null ? "" : chart.description());
        getElement().callJsFunction("setOption", json.writeValueAsString(chart.option()));
    }
}
