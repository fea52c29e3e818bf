package vn.socialmap.targets.ui;

import java.text.NumberFormat;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import tools.jackson.databind.ObjectMapper;

import vn.socialmap.targets.NationalProgress;
import vn.socialmap.targets.PlanModel;
import vn.socialmap.targets.NationalProgress.IndicatorTotal;
import vn.socialmap.targets.NationalProgress.ProvinceProgress;
import vn.socialmap.targets.ProgressService;

/**
 * The nation's progress on a date: per indicator the provinces' plans in force added up, and
 * for the indicator chosen every province's row, the furthest behind first.
 */
@Route("plans/national")
@Menu(order = 6.5, title = "nav.nationalProgress")
@PermitAll
public class NationalProgressView extends VerticalLayout implements HasDynamicTitle {

    private final NationalProgress national;
    private final int minCount;
    private final DatePicker asOf = vn.socialmap.base.ui.DatePickers.localized(new DatePicker());
    private final Span summary = new Span();
    private final Grid<IndicatorTotal> indicators = new Grid<>();
    private final H3 provincesTitle = new H3();
    private final Grid<ProvinceProgress> provinces = new Grid<>();
    private final NumberFormat count = NumberFormat.getIntegerInstance(Locale.of("vi"));
    private final NumberFormat percent = NumberFormat.getNumberInstance(Locale.of("vi"));
    private List<ProvinceProgress> provinceRows = List.of();
    private final ProgressCharts charts;
    private final ProgressChartPanel indicatorChart;
    private final ProgressChartPanel provinceChart;

    public NationalProgressView(NationalProgress national, ProgressService progress, ObjectMapper json,
                                vn.socialmap.base.VietnamTime time) {
        this.national = national;
        this.minCount = progress.minCount();
        this.charts = new ProgressCharts(this::getTranslation, minCount);
        this.indicatorChart = new ProgressChartPanel(json, "sm-national-chart", "16rem", minCount);
        this.provinceChart = new ProgressChartPanel(json, "sm-national-provinces-chart", "16rem", minCount);
        setWidthFull();
        percent.setMinimumFractionDigits(1);
        percent.setMaximumFractionDigits(1);
        asOf.setLabel(getTranslation("plans.asOf"));
        asOf.setValue(national.latestDateCovered(time.today()));
        asOf.addValueChangeListener(e -> refresh());
        summary.addClassName("sm-national-summary");

        indicators.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        indicators.addColumn(IndicatorTotal::indicatorName).setHeader(getTranslation("plans.indicator")).setWidth("22rem")
                .setFlexGrow(1);
        indicators.addColumn(t -> count.format(t.provinces())).setHeader(getTranslation("national.provinces")).setAutoWidth(true);
        indicators.addColumn(t -> figure(t.target(), t.unit())).setHeader(getTranslation("plans.target")).setAutoWidth(true);
        indicators.addColumn(t -> t.actual() == null ? "" : figure(t.actual(), t.unit())).setHeader(getTranslation("plans.actual"))
                .setAutoWidth(true);
        indicators.addColumn(t -> t.percent() == null ? "" : percent.format(t.percent()) + "%")
                .setHeader(getTranslation("plans.percent")).setAutoWidth(true);
        indicators.addComponentColumn(t -> ProgressCells.bar(t.percent())).setHeader(getTranslation("plans.bar")).setAutoWidth(true);
        indicators.addColumn(t -> t.expectedPercent() == null ? "" : percent.format(t.expectedPercent()) + "%")
                .setHeader(getTranslation("national.expected")).setAutoWidth(true);
        indicators.addComponentColumn(t -> ProgressCells.status(t.status(), this::getTranslation)).setHeader(getTranslation("plans.status")).setAutoWidth(true);
        indicators.addColumn(t -> getTranslation("national.split", t.ahead(), t.onTrack(), t.behind()))
                .setHeader(getTranslation("national.provincesByStatus")).setAutoWidth(true);
        indicators.setAllRowsVisible(true);
        indicators.addClassName("sm-national-indicators");
        indicators.addSelectionListener(e -> showProvinces(e.getFirstSelectedItem().orElse(null)));

        provinces.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        provinces.addColumn(ProvinceProgress::provinceName).setHeader(getTranslation("national.province")).setAutoWidth(true);
        provinces.addColumn(ProvinceProgress::planNumber).setHeader(getTranslation("national.plan")).setAutoWidth(true);
        provinces.addColumn(p -> figure(p.target(), provincesUnit)).setHeader(getTranslation("plans.target")).setAutoWidth(true);
        provinces.addColumn(p -> p.actual() == null ? "<" + minCount : figure(p.actual(), provincesUnit))
                .setHeader(getTranslation("plans.actual")).setAutoWidth(true);
        provinces.addColumn(p -> p.percent() == null ? "" : percent.format(p.percent()) + "%")
                .setHeader(getTranslation("plans.percent")).setAutoWidth(true);
        provinces.addComponentColumn(p -> ProgressCells.bar(p.percent())).setHeader(getTranslation("plans.bar")).setFlexGrow(1);
        provinces.addComponentColumn(p -> ProgressCells.status(p.status(), this::getTranslation)).setHeader(getTranslation("plans.status")).setAutoWidth(true);
        provinces.setHeight("28rem");
        provinces.addClassName("sm-national-provinces");

        add(new H2(getTranslation("national.title")), asOf, summary, indicatorChart, indicators, provincesTitle, provinceChart,
                provinces);
        refresh();
    }

    /** The unit of the indicator whose provinces are listed. */
    private PlanModel.Unit provincesUnit;

    private void refresh() {
        if (asOf.getValue() == null) {
            return;
        }
        NationalProgress.Report report = national.on(asOf.getValue());
        provinceRows = report.provinces();
        summary.setText(report.plans() == 0 ? getTranslation("national.none")
                : getTranslation("national.summary", report.plans(),
                provinceRows.stream().map(ProvinceProgress::provinceCode).distinct().count()));
        indicators.setItems(report.indicators());
        indicatorChart.setVisible(!report.indicators().isEmpty());
        if (!report.indicators().isEmpty()) {
            indicatorChart.show(charts.national(report.indicators()));
        }
        report.indicators().stream().findFirst().ifPresentOrElse(indicators::select, () -> showProvinces(null));
    }

    /** A target or figure as the charts write it: a percent indicator's with "%". */
    private String figure(Number value, PlanModel.Unit unit) {
        return count.format(value) + (unit == PlanModel.Unit.PERCENT ? "%" : "");
    }

    private void showProvinces(IndicatorTotal total) {
        provincesUnit = total == null ? null : total.unit();
        provincesTitle.setVisible(total != null);
        provinces.setVisible(total != null);
        provinceChart.setVisible(total != null);
        if (total == null) {
            return;
        }
        provincesTitle.setText(getTranslation("national.byProvince", total.indicatorName()));
        // the furthest behind first: where the ministry's attention is needed
        List<ProvinceProgress> rows = provinceRows.stream().filter(p -> p.indicatorCode().equals(total.indicatorCode()))
                .sorted(Comparator.comparing((ProvinceProgress p) -> p.percent() == null ? Double.MAX_VALUE : p.percent()))
                .toList();
        provinces.setItems(rows);
        provinceChart.show(charts.provinces(total, rows));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("national.title") + " | " + getTranslation("app.title");
    }
}
