package vn.socialmap.targets.ui;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import tools.jackson.databind.ObjectMapper;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.server.streams.DownloadHandler;

import vn.socialmap.targets.PlanModel;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;

import vn.socialmap.targets.PlanImport;
import vn.socialmap.targets.ProgressReport;
import vn.socialmap.targets.ProgressService;

/** Progress of a plan: targets, actuals computed for a date, percent achieved against the elapsed period. */
@Route("plans")
@Menu(order = 6, title = "nav.plans")
@PermitAll
public class PlansView extends VerticalLayout implements HasDynamicTitle {

    private final ProgressService progress;
    private final Select<PlanModel.Plan> plan = new Select<>();
    private final DatePicker asOf = vn.socialmap.base.ui.DatePickers.localized(new DatePicker());
    private final Select<PlanModel.Level> level = new Select<>();
    private final Grid<ProgressService.Row> grid = new Grid<>();
    private final Select<ProgressReport.Period> period = new Select<>();
    private final Select<String> trendIndicator = new Select<>();
    private final Grid<Month> trend = new Grid<>();
    private final Select<String> drillDistrict = new Select<>();
    private final Map<String, String> districtNames = new LinkedHashMap<>();
    private final DistrictDrill drill;
    private final ProgressCharts charts;
    private final ProgressChartPanel againstTarget;
    private final ProgressChartPanel trendChart;
    private final H3 chartTitle = new H3();
    /** Why the table has no rows: the plan sets no target at the level chosen. */
    private final Span levelEmpty = new Span();

    /** One month of the trend: the actual within the month. */
    record Month(LocalDate first, long actual) {
    }
    private final NumberFormat count = NumberFormat.getIntegerInstance(Locale.of("vi"));
    private final NumberFormat percent = NumberFormat.getNumberInstance(Locale.of("vi"));

    public PlansView(ProgressService progress, ProgressReport reports, PlanImport imports,
                     com.vaadin.flow.spring.security.AuthenticationContext authentication, ObjectMapper json) {
        this.progress = progress;
        this.charts = new ProgressCharts(this::getTranslation, progress.minCount());
        this.againstTarget = new ProgressChartPanel(json, "sm-progress-chart", "16rem", progress.minCount());
        this.trendChart = new ProgressChartPanel(json, "sm-trend-chart", "18rem", progress.minCount());
        Grid<ProgressService.Row> facilityGrid = new Grid<>();
        configure(facilityGrid);
        this.drill = new DistrictDrill(progress, facilityGrid);
        setWidthFull(); // the page scrolls: table, trend and a district below one another
        percent.setMinimumFractionDigits(1);
        percent.setMaximumFractionDigits(1);
        plan.setLabel(getTranslation("plans.plan"));
        List<PlanModel.Plan> plans = progress.plansOfTheCallersProvince();
        plan.setItems(plans);
        plan.setItemLabelGenerator(p -> p == null ? "" : p.number() + " – " + p.title());
        plan.setWidth("32rem");
        plan.addClassName("sm-plan");
        asOf.setLabel(getTranslation("plans.asOf"));
        level.setLabel(getTranslation("plans.level"));
        level.addClassName("sm-level");
        level.setItems(PlanModel.Level.values());
        level.setItemLabelGenerator(l -> l == null ? "" : getTranslation("plans.level." + l.name()));
        level.setValue(PlanModel.Level.CITY);
        plans.stream().findFirst().ifPresent(p -> {
            plan.setValue(p);
            asOf.setValue(progress.asOfFor(p));
        });
        // a plan chosen is read as of today while it runs, as of its last day once it is over
        plan.addValueChangeListener(e -> {
            LocalDate day = e.getValue() == null ? null : progress.asOfFor(e.getValue());
            if (day == null || day.equals(asOf.getValue())) {
                refresh();
            } else {
                asOf.setValue(day);
            }
        });
        asOf.addValueChangeListener(e -> refresh());
        level.addValueChangeListener(e -> refresh());

        configure(grid);
        grid.addItemClickListener(e -> {
            if (level.getValue() == PlanModel.Level.DISTRICT) {
                drillDistrict.setValue(e.getItem().unitCode());
            }
        });
        grid.setWidthFull();
        grid.setHeight("28rem");
        grid.addClassName("sm-progress");
        period.setLabel(getTranslation("report.period"));
        period.setItems(ProgressReport.Period.values());
        period.setItemLabelGenerator(p -> p == null ? "" : getTranslation("report.period." + p.name()));
        period.setValue(ProgressReport.Period.HALF_YEAR);
        Anchor xlsx = new Anchor((DownloadHandler) event -> {
            event.setFileName("bao-cao-ke-hoach.xlsx");
            event.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            reports.writeXlsx(plan.getValue().id(), period.getValue(), asOf.getValue(), level.getValue(), event.getOutputStream());
        }, getTranslation("report.download.xlsx"));
        Anchor pdf = new Anchor((DownloadHandler) event -> {
            event.setFileName("bao-cao-ke-hoach.pdf");
            event.setContentType("application/pdf");
            reports.writePdf(plan.getValue().id(), period.getValue(), asOf.getValue(), level.getValue(), "DOSSIERS",
                    event.getOutputStream());
        }, getTranslation("report.download.pdf"));
        xlsx.getElement().setAttribute("download", true);
        pdf.getElement().setAttribute("download", true);
        HorizontalLayout tools = new HorizontalLayout(plan, asOf, level, period, xlsx, pdf);
        tools.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(new H2(getTranslation("plans.title")), tools);
        if (authentication.hasRole("ADMIN")) {
            add(importTools(imports));
        }
        levelEmpty.addClassName("sm-progress-empty");
        levelEmpty.setVisible(false);
        add(chartTitle, againstTarget, levelEmpty, grid);
        trendIndicator.setLabel(getTranslation("plans.trend"));
        trendIndicator.setWidth("32rem");
        trendIndicator.addClassName("sm-trend-indicator");
        trendIndicator.addValueChangeListener(e -> refreshTrend());
        trend.addThemeVariants(GridVariant.LUMO_COMPACT);
        trend.addColumn(m -> m.first().format(java.time.format.DateTimeFormatter.ofPattern("MM/yyyy")))
                .setHeader(getTranslation("plans.trend.month")).setAutoWidth(true);
        trend.addColumn(m -> charts.trendFigure(m.actual(), trendIsShare)).setHeader(getTranslation("plans.actual"))
                .setAutoWidth(true);
        trend.addComponentColumn(m -> {
            long max = trendIsShare ? 100 : trendMax; // a share against the whole, a count against its largest month
            ProgressBar bar = new ProgressBar(0, 1, max == 0 ? 0 : Math.min(1, (double) m.actual() / max));
            bar.setWidth("16rem");
            return bar;
        }).setHeader(getTranslation("plans.bar")).setFlexGrow(1);
        trend.setHeight("16rem");
        trend.addClassName("sm-trend");
        add(trendIndicator, trendChart, trend);
        drillDistrict.setLabel(getTranslation("plans.drill"));
        drillDistrict.setEmptySelectionAllowed(true);
        drillDistrict.setEmptySelectionCaption(getTranslation("plans.drill.none"));
        drillDistrict.setItemLabelGenerator(c -> c == null ? getTranslation("plans.drill.none") : districtNames.getOrDefault(c, c));
        drillDistrict.setWidth("20rem");
        drillDistrict.addClassName("sm-drill-district");
        drillDistrict.addValueChangeListener(e -> refreshDrill());
        add(drillDistrict, drill);
        refresh();
    }

    /** The progress columns, shared by the main table and a district's facilities. */
    private void configure(Grid<ProgressService.Row> table) {
        table.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        // indicator names are whole sentences of the plan: they wrap (styles.css), never cut
        table.addClassName("sm-progress-table");
        table.addColumn(ProgressService.Row::unitName).setHeader(getTranslation("plans.unit")).setAutoWidth(true);
        table.addColumn(ProgressService.Row::indicatorName).setHeader(getTranslation("plans.indicator")).setFlexGrow(1);
        // a share reads as a share: "22,0%" against "trên 80%", without a percent of the target
        table.addColumn(r -> r.target() == null ? "" : r.isShare() ? getTranslation("plans.target.share", count.format(r.target()))
                : count.format(r.target())).setHeader(getTranslation("plans.target")).setAutoWidth(true);
        table.addColumn(r -> r.isShare() ? percent.format(r.share()) + "%"
                        : r.actual() == null ? "<" + progress.minCount() : count.format(r.actual()))
                .setHeader(getTranslation("plans.actual")).setAutoWidth(true);
        table.addColumn(r -> r.percent() == null ? "" : percent.format(r.percent()) + "%").setHeader(getTranslation("plans.percent")).setAutoWidth(true);
        table.addComponentColumn(r -> ProgressCells.bar(r.isShare() ? r.share() : r.percent())).setHeader(getTranslation("plans.bar")).setAutoWidth(true);
        table.addComponentColumn(r -> ProgressCells.status(r.status(), this::getTranslation))
                .setHeader(getTranslation("plans.status")).setAutoWidth(true);
    }

    /** Admin: the XLSX template and its upload; a file with any bad row imports nothing. */
    private HorizontalLayout importTools(PlanImport imports) {
        Anchor template = new Anchor((DownloadHandler) event -> {
            event.setFileName("mau-ke-hoach.xlsx");
            event.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            imports.writeTemplate(event.getOutputStream());
        }, getTranslation("plans.import.template"));
        template.getElement().setAttribute("download", true);
        Span result = new Span();
        result.addClassName("sm-import-result");
        Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> {
            PlanImport.Result r = imports.importXlsx(bytes);
            getUI().ifPresent(ui -> ui.access(() -> {
                if (r.planId() != null) {
                    result.setText(getTranslation("plans.import.done"));
                    result.setClassName("sm-outcome-ok", true);
                    result.setClassName("sm-outcome-failed", false);
                    plan.setItems(progress.plansOfTheCallersProvince());
                } else {
                    result.setText(getTranslation("plans.import.refused") + " " + r.problems().stream()
                            .map(p -> getTranslation("plans.import.row", p.row(), p.reasonKey().equals("planimport.error.missing")
                                    ? getTranslation("planimport.header." + p.arguments().getFirst())
                                    : getTranslation(p.reasonKey(), p.arguments().toArray())))
                            .collect(java.util.stream.Collectors.joining("; ")));
                    result.setClassName("sm-outcome-ok", false);
                    result.setClassName("sm-outcome-failed", true);
                }
            }));
        }));
        upload.setAcceptedFileTypes(".xlsx");
        vn.socialmap.base.ui.UploadTexts.localized(upload);
        upload.setMaxFiles(1);
        upload.setUploadButton(new com.vaadin.flow.component.button.Button(getTranslation("plans.import")));
        HorizontalLayout box = new HorizontalLayout(upload, template, result);
        box.setAlignItems(FlexComponent.Alignment.CENTER);
        return box;
    }

    private long trendMax;
    /** Whether the trend shown is of a share, written as percents. */
    private boolean trendIsShare;
    /** The plan's city rows on the date, which the charts and the trend read. */
    private List<ProgressService.Row> cityRows = List.of();

    private void refresh() {
        if (plan.getValue() == null || asOf.getValue() == null || level.getValue() == null) {
            grid.setItems();
            againstTarget.setVisible(false);
            chartTitle.setVisible(false);
            levelEmpty.setVisible(false);
            return;
        }
        var rows = progress.progress(plan.getValue().id(), asOf.getValue(), level.getValue());
        grid.setItems(rows);
        // an empty table says why, and no city chart stands over it as if it were the level's
        levelEmpty.setVisible(rows.isEmpty());
        levelEmpty.setText(getTranslation("plans.level.empty",
                getTranslation("plans.level." + level.getValue().name()).toLowerCase(getLocale())));
        grid.setVisible(!rows.isEmpty());
        cityRows = level.getValue() == PlanModel.Level.CITY ? rows
                : progress.progress(plan.getValue().id(), asOf.getValue(), PlanModel.Level.CITY);
        // the chart draws the city's figures whatever the level: its title says so
        chartTitle.setText(getTranslation("chart.progress.title"));
        chartTitle.setVisible(!rows.isEmpty() && !cityRows.isEmpty());
        if (chartTitle.isVisible()) {
            againstTarget.show(charts.againstTarget(cityRows));
        } else {
            againstTarget.setVisible(false);
        }
        var codes = cityRows.stream().map(ProgressService.Row::indicatorCode).toList();
        Map<String, String> names = new HashMap<>();
        cityRows.forEach(r -> names.put(r.indicatorCode(), r.indicatorName()));
        String keep = trendIndicator.getValue();
        // the plan's own wording of each indicator, not its code
        trendIndicator.setItemLabelGenerator(c -> c == null ? "" : names.getOrDefault(c, c));
        trendIndicator.setItems(codes);
        String drilled = drillDistrict.getValue();
        districtNames.clear();
        progress.districts(plan.getValue().id()).forEach(d -> districtNames.put(d.getCode(), d.getName()));
        drillDistrict.setItems(List.copyOf(districtNames.keySet()));
        drillDistrict.setValue(drilled != null && districtNames.containsKey(drilled) ? drilled : null);
        refreshDrill();
        trendIndicator.setValue(keep != null && codes.contains(keep) ? keep : codes.isEmpty() ? null : codes.getFirst());
        refreshTrend();
    }

    private void refreshDrill() {
        String code = drillDistrict.getValue();
        if (code == null || plan.getValue() == null || asOf.getValue() == null) {
            drill.setVisible(false);
            return;
        }
        drill.show(plan.getValue(), asOf.getValue(), code, districtNames.getOrDefault(code, code));
    }

    /** City actual of one indicator month by month, from the plan's start to the as-of date (as far as the as-of date in its month). */
    private void refreshTrend() {
        if (plan.getValue() == null || asOf.getValue() == null || trendIndicator.getValue() == null) {
            trend.setItems();
            trendChart.setVisible(false);
            return;
        }
        var monthly = progress.cityTrend(plan.getValue().id(), trendIndicator.getValue(), asOf.getValue());
        ProgressService.Row city = cityRows.stream().filter(r -> r.indicatorCode().equals(trendIndicator.getValue())).findFirst()
                .orElse(null);
        trendIsShare = city != null && city.isShare();
        trendChart.show(charts.trend(trendIndicator.getItemLabelGenerator().apply(trendIndicator.getValue()), monthly, city));
        var months = monthly.stream().map(m -> new Month(m.month(), m.actual())).toList();
        trendMax = months.stream().mapToLong(Month::actual).max().orElse(0);
        trend.setItems(months);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("plans.title") + " | " + getTranslation("app.title");
    }
}
