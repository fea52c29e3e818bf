package vn.socialmap.targets.ui;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
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

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.server.streams.DownloadHandler;

import vn.socialmap.targets.PlanModel;
import vn.socialmap.targets.ProgressReport;
import vn.socialmap.targets.ProgressService;

/** Progress of a plan: targets, actuals computed for a date, percent achieved against the elapsed period. */
@Route("plans")
@Menu(order = 6, title = "nav.plans")
@PermitAll
public class PlansView extends VerticalLayout implements HasDynamicTitle {

    private final ProgressService progress;
    private final Select<PlanModel.Plan> plan = new Select<>();
    private final DatePicker asOf = new DatePicker();
    private final Select<PlanModel.Level> level = new Select<>();
    private final Grid<ProgressService.Row> grid = new Grid<>();
    private final Select<ProgressReport.Period> period = new Select<>();
    private final NumberFormat count = NumberFormat.getIntegerInstance(Locale.of("vi"));
    private final NumberFormat percent = NumberFormat.getNumberInstance(Locale.of("vi"));

    public PlansView(ProgressService progress, ProgressReport reports) {
        this.progress = progress;
        setSizeFull();
        percent.setMinimumFractionDigits(1);
        percent.setMaximumFractionDigits(1);
        plan.setLabel(getTranslation("plans.plan"));
        plan.setItems(progress.plans());
        plan.setItemLabelGenerator(p -> p == null ? "" : p.number() + " – " + p.title());
        plan.setWidth("32rem");
        asOf.setLabel(getTranslation("plans.asOf"));
        level.setLabel(getTranslation("plans.level"));
        level.setItems(PlanModel.Level.values());
        level.setItemLabelGenerator(l -> l == null ? "" : getTranslation("plans.level." + l.name()));
        level.setValue(PlanModel.Level.CITY);
        progress.plans().stream().findFirst().ifPresent(p -> {
            plan.setValue(p);
            LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
            asOf.setValue(today.isAfter(p.periodTo()) ? p.periodTo() : today);
        });
        plan.addValueChangeListener(e -> refresh());
        asOf.addValueChangeListener(e -> refresh());
        level.addValueChangeListener(e -> refresh());

        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(ProgressService.Row::unitName).setHeader(getTranslation("plans.unit")).setAutoWidth(true);
        grid.addColumn(ProgressService.Row::indicatorName).setHeader(getTranslation("plans.indicator")).setFlexGrow(1);
        grid.addColumn(r -> count.format(r.target())).setHeader(getTranslation("plans.target")).setAutoWidth(true);
        grid.addColumn(r -> r.actual() == null ? "<5" : count.format(r.actual())).setHeader(getTranslation("plans.actual")).setAutoWidth(true);
        grid.addColumn(r -> r.percent() == null ? "" : percent.format(r.percent()) + "%").setHeader(getTranslation("plans.percent")).setAutoWidth(true);
        grid.addComponentColumn(r -> {
            ProgressBar bar = new ProgressBar(0, 1, r.percent() == null ? 0 : Math.min(1, r.percent() / 100));
            bar.setWidth("8rem");
            return bar;
        }).setHeader(getTranslation("plans.bar")).setAutoWidth(true);
        grid.addComponentColumn(r -> {
            Span s = new Span(r.status() == null ? "" : getTranslation("plans.status." + r.status().name()));
            String color = r.status() == null ? "inherit" : switch (r.status()) {
                case AHEAD -> "var(--lumo-success-text-color)";
                case ON_TRACK -> "var(--lumo-primary-text-color)";
                case BEHIND -> "var(--lumo-error-text-color)";
            };
            s.getStyle().set("color", color).set("font-weight", "600");
            return s;
        }).setHeader(getTranslation("plans.status")).setAutoWidth(true);
        grid.setSizeFull();
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
        add(new H2(getTranslation("plans.title")), tools, grid);
        refresh();
    }

    private void refresh() {
        if (plan.getValue() == null || asOf.getValue() == null || level.getValue() == null) {
            grid.setItems();
            return;
        }
        grid.setItems(progress.progress(plan.getValue().id(), asOf.getValue(), level.getValue()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("plans.title") + " | " + getTranslation("app.title");
    }
}
