package vn.socialmap.targets.ui;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import vn.socialmap.targets.PlanModel;
import vn.socialmap.targets.ProgressService;

/**
 * One district opened from the dashboard: its communes with the actual of each indicator
 * (plans set no commune targets) and the progress of the facilities located in it.
 */
class DistrictDrill extends VerticalLayout {

    /** One commune with its actuals by indicator code; a null actual is suppressed. */
    record CommuneLine(String code, String name, Map<String, Long> actuals) {
    }

    private final ProgressService progress;
    private final H3 title = new H3();
    private final Grid<CommuneLine> communes = new Grid<>();
    private final Span noFacilities = new Span();
    private final Grid<ProgressService.Row> facilities;
    private final NumberFormat count = NumberFormat.getIntegerInstance(Locale.of("vi"));

    DistrictDrill(ProgressService progress, Grid<ProgressService.Row> facilityGrid) {
        this.progress = progress;
        this.facilities = facilityGrid;
        setPadding(false);
        communes.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        communes.addClassName("sm-drill-communes");
        communes.setHeight("22rem");
        facilities.addClassName("sm-drill-facilities");
        facilities.setAllRowsVisible(true);
        noFacilities.setText(getTranslation("plans.drill.noFacilities"));
        add(title, communes, new H3(getTranslation("plans.drill.facilities")), noFacilities, facilities);
        setVisible(false);
    }

    void show(PlanModel.Plan plan, LocalDate asOf, String districtCode, String districtName) {
        title.setText(getTranslation("plans.drill.communes", districtName));
        List<ProgressService.Row> rows = progress.communes(plan.id(), asOf, districtCode);
        Map<String, String> indicators = new LinkedHashMap<>();
        Map<String, CommuneLine> lines = new LinkedHashMap<>();
        for (ProgressService.Row r : rows) {
            indicators.putIfAbsent(r.indicatorCode(), r.indicatorName());
            lines.computeIfAbsent(r.unitCode(), c -> new CommuneLine(c, r.unitName(), new LinkedHashMap<>()))
                    .actuals().put(r.indicatorCode(), r.actual());
        }
        communes.removeAllColumns();
        communes.addColumn(CommuneLine::name).setHeader(getTranslation("plans.drill.commune")).setAutoWidth(true).setFrozen(true);
        indicators.forEach((code, name) -> {
            var header = new Span(code);
            header.setTitle(name);
            communes.addColumn(l -> {
                Long v = l.actuals().get(code);
                return v == null ? "<" + progress.minCount() : count.format(v);
            }).setHeader(header).setAutoWidth(true).setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
        });
        communes.setItems(List.copyOf(lines.values()));
        var facilityRows = progress.facilitiesIn(plan.id(), asOf, districtCode);
        facilities.setItems(facilityRows);
        facilities.setVisible(!facilityRows.isEmpty());
        noFacilities.setVisible(facilityRows.isEmpty());
        setVisible(true);
    }
}
