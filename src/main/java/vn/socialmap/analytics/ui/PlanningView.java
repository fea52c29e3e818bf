package vn.socialmap.analytics.ui;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.PermitAll;
import tools.jackson.databind.ObjectMapper;

import vn.socialmap.analytics.AnalyticsIndicator;
import vn.socialmap.analytics.CoveringService;
import vn.socialmap.analytics.ScenarioService;
import vn.socialmap.base.ValidationException;
import vn.socialmap.base.geojson.GeoJson;
import vn.socialmap.base.ui.MapSettings;
import vn.socialmap.base.ui.map.LeafletMap;
import vn.socialmap.geography.AdminLevel;
import vn.socialmap.geography.AdminUnit;
import vn.socialmap.geography.AdminStructures;
import vn.socialmap.geography.AdminUnitService;

/**
 * Where to open new post-rehab models: the covering model run with a planner's inputs,
 * its answer on the map, and saved scenarios compared side by side and exported.
 */
@Route("planning")
@Menu(order = 8, title = "nav.planning")
@PermitAll
public class PlanningView extends Composite<HorizontalLayout> implements HasDynamicTitle {

    /** Colours of the sites of up to five scenarios shown together. */
    static final String[] SCENARIO_COLORS = {"#d62728", "#1f77b4", "#2ca02c", "#9467bd", "#ff7f0e"};

    private final CoveringService covering;
    private final ScenarioService scenarios;
    private final AdminUnitService units;
    private final AdminStructures structures;
    private final LeafletMap map;
    private final Select<AdminUnit> province = new Select<>();
    private final IntegerField k = new IntegerField();
    private final IntegerField radius = new IntegerField();
    private final Select<AnalyticsIndicator> demand = new Select<>();
    private final DatePicker date = new DatePicker();
    private final MultiSelectComboBox<AdminUnit> excluded = new MultiSelectComboBox<>();
    private final Span result = new Span();
    private final TextField name = new TextField();
    private final Button save = new Button();
    private final Grid<ScenarioService.Scenario> saved = new Grid<>();
    private final Grid<String[]> comparison = new Grid<>();
    private final NumberFormat count = NumberFormat.getIntegerInstance(Locale.of("vi"));
    private Map<String, String> names = Map.of();

    public PlanningView(CoveringService covering, ScenarioService scenarios, AdminUnitService units, AdminStructures structures,
                        MapSettings settings, ObjectMapper json) {
        this.structures = structures;
        this.covering = covering;
        this.scenarios = scenarios;
        this.units = units;
        this.map = new LeafletMap(json);
        map.setBaseLayer(settings.tileUrl(), settings.tileAttribution());
        map.getStyle().set("background", "#eef2f5");
        map.addClassName("sm-planning-map");
        map.setSizeFull();
        HorizontalLayout root = getContent();
        root.setSizeFull();
        root.setPadding(false);
        root.setSpacing(false);
        root.add(panel(), map);
        root.setFlexGrow(1, map);
        provinceChanged();
    }

    private VerticalLayout panel() {
        province.setLabel(getTranslation("map.province"));
        List<AdminUnit> provinces = units.provinces();
        province.setItems(provinces);
        province.setItemLabelGenerator(AdminUnit::getName);
        province.setValue(provinces.getFirst());
        province.addValueChangeListener(e -> provinceChanged());
        // the candidate communes are those in force on the date
        date.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                provinceChanged();
            }
        });
        k.setLabel(getTranslation("planning.k"));
        k.setValue(5);
        k.setMin(1);
        k.setMax(100);
        k.setStepButtonsVisible(true);
        radius.setLabel(getTranslation("planning.radius"));
        radius.setValue(3000);
        radius.setMin(100);
        radius.setMax(100_000);
        radius.setStep(100);
        demand.setLabel(getTranslation("planning.demand"));
        demand.setItems(AnalyticsIndicator.POST_REHAB, AnalyticsIndicator.PERSONS, AnalyticsIndicator.METHADONE,
                AnalyticsIndicator.RELAPSES);
        demand.setItemLabelGenerator(i -> getTranslation("analytics.indicator." + i.name()));
        demand.setValue(AnalyticsIndicator.POST_REHAB);
        date.setLabel(getTranslation("planning.asOf"));
        vn.socialmap.base.ui.DatePickers.localized(date);
        date.addClassName("sm-planning-date");
        date.setValue(LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")));
        excluded.setLabel(getTranslation("planning.excluded"));
        excluded.setItemLabelGenerator(AdminUnit::getName);
        Button run = new Button(getTranslation("planning.run"), e -> run());
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        run.addClassName("sm-planning-run");
        result.addClassName("sm-planning-result");
        name.setLabel(getTranslation("planning.name"));
        name.setMaxLength(200);
        save.setText(getTranslation("planning.save"));
        save.addClickListener(e -> save());
        save.addClassName("sm-planning-save");
        boolean maySave = scenarios.maySave();
        name.setVisible(maySave);
        save.setVisible(maySave);
        saved.addThemeVariants(GridVariant.LUMO_COMPACT);
        saved.setSelectionMode(Grid.SelectionMode.MULTI);
        saved.addColumn(ScenarioService.Scenario::name).setHeader(getTranslation("planning.scenario")).setFlexGrow(1);
        saved.addColumn(s -> s.k() + " · " + count.format(s.radiusMeters()) + " m").setHeader(getTranslation("planning.inputs")).setAutoWidth(true);
        saved.addColumn(s -> percent(s.coveredPercent())).setHeader(getTranslation("planning.coveredPercent")).setAutoWidth(true);
        saved.setHeight("12rem");
        saved.addClassName("sm-planning-scenarios");
        saved.addSelectionListener(e -> compare());
        comparison.addThemeVariants(GridVariant.LUMO_COMPACT);
        comparison.setAllRowsVisible(true);
        comparison.addClassName("sm-planning-comparison");
        Anchor export = new Anchor((DownloadHandler) event -> {
            event.setFileName("phuong-an-mo-hinh.xlsx");
            event.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            List<ScenarioService.Scenario> chosen = saved.getSelectedItems().isEmpty()
                    ? scenarios.list(province.getValue().getCode()) : new ArrayList<>(saved.getSelectedItems());
            scenarios.writeXlsx(chosen, key -> getTranslation(key), code -> names.getOrDefault(code, ""), event.getOutputStream());
        }, getTranslation("planning.export"));
        export.getElement().setAttribute("download", true);
        export.addClassName("sm-planning-export");
        VerticalLayout panel = new VerticalLayout(new H2(getTranslation("planning.title")),
                new Span(getTranslation("planning.explain")), province, new HorizontalLayout(k, radius), demand, date, excluded, run,
                result, new HorizontalLayout(name, save), new H3(getTranslation("planning.saved")), saved, export, comparison);
        panel.setWidth("28rem");
        panel.setMinWidth("28rem");
        panel.setHeightFull();
        panel.getStyle().set("overflow", "auto");
        province.setWidthFull();
        demand.setWidthFull();
        date.setWidthFull();
        excluded.setWidthFull();
        name.setWidthFull();
        return panel;
    }

    private void provinceChanged() {
        AdminUnit p = province.getValue();
        List<AdminUnit> communes = communes();
        Map<String, String> byCode = new LinkedHashMap<>();
        communes.forEach(c -> byCode.put(c.getCode(), c.getName()));
        names = byCode;
        excluded.setItems(communes);
        map.fitBounds(p.getGeom().getEnvelopeInternal());
        saved.setItems(scenarios.list(p.getCode()));
        clearMap();
    }

    /** The province's communes in force on the chosen date. */
    private List<AdminUnit> communes() {
        return units.byLevel(province.getValue().getCode(), AdminLevel.COMMUNE, date.getValue() == null ? units.today() : date.getValue());
    }

    private void clearMap() {
        for (String layer : List.of("demand", "chosen", "coverage", "existing")) {
            map.removeLayer(layer);
        }
        for (int i = 0; i < SCENARIO_COLORS.length; i++) {
            map.removeLayer("scenario-" + i);
        }
    }

    private CoveringService.Result lastResult;

    private void run() {
        if (k.getValue() == null || k.isInvalid() || radius.getValue() == null || radius.isInvalid() || date.getValue() == null) {
            result.setText(getTranslation("planning.error.inputs"));
            return;
        }
        saved.deselectAll();
        lastResult = covering.solve(province.getValue().getCode(), k.getValue(), radius.getValue(), demand.getValue(),
                date.getValue(), excluded.getValue().stream().map(AdminUnit::getCode).toList());
        clearMap();
        showDemand(lastResult);
        List<double[]> existing = lastResult.existing().stream().map(e -> new double[] {e.lon(), e.lat()}).toList();
        map.setMarkerLayer("existing", points(lastResult.existing().stream().map(e -> getTranslation("planning.existing")).toList(),
                existing), "#00b0a0");
        List<double[]> sites = sites(lastResult.candidates(), lastResult.chosen());
        map.setCircleLayer("coverage", sites, radius.getValue(), SCENARIO_COLORS[0]);
        map.setMarkerLayer("chosen", points(lastResult.chosen(), sites), SCENARIO_COLORS[0]);
        result.setText(getTranslation("planning.result", count.format(lastResult.coveredWeight()), count.format(lastResult.totalWeight()),
                percent(lastResult.totalWeight() == 0 ? 0 : 100.0 * lastResult.coveredWeight() / lastResult.totalWeight()),
                lastResult.existingModels(), count.format(lastResult.coveredByExisting()),
                getTranslation(lastResult.optimal() ? "planning.optimal.yes" : "planning.optimal.no", percent(lastResult.gap() * 100)),
                String.join(", ", lastResult.chosen().stream().map(c -> names.getOrDefault(c, c)).toList())));
    }

    private void save() {
        try {
            var scenario = scenarios.save(new ScenarioService.Inputs(province.getValue().getCode(), name.getValue(),
                    k.getValue() == null ? 0 : k.getValue(), radius.getValue() == null ? 0 : radius.getValue(), demand.getValue(),
                    date.getValue(), excluded.getValue().stream().map(AdminUnit::getCode).toList()));
            name.clear();
            name.setInvalid(false);
            saved.setItems(scenarios.list(province.getValue().getCode()));
            saved.select(scenario);
        } catch (ValidationException e) {
            name.setErrorMessage(e.describe((k, a) -> getTranslation(k, a)));
            name.setInvalid(true);
        }
    }

    /** Shows the selected scenarios' sites together, each in its colour, and their figures side by side. */
    private void compare() {
        List<ScenarioService.Scenario> chosen = new ArrayList<>(saved.getSelectedItems());
        if (chosen.isEmpty()) {
            comparison.removeAllColumns();
            comparison.setItems();
            return;
        }
        clearMap();
        for (int i = 0; i < chosen.size() && i < SCENARIO_COLORS.length; i++) {
            var s = chosen.get(i);
            // a scenario's communes are those in force on its date
            List<double[]> sites = sites(covering.candidates(province.getValue().getCode(), s.asOf()), s.chosen());
            map.setMarkerLayer("scenario-" + i, points(s.chosen(), sites), SCENARIO_COLORS[i]);
        }
        comparison.removeAllColumns();
        comparison.addColumn(r -> r[0]).setHeader("").setAutoWidth(true);
        for (int i = 0; i < chosen.size(); i++) {
            int column = i + 1;
            Span header = new Span(chosen.get(i).name());
            header.getStyle().set("color", SCENARIO_COLORS[i % SCENARIO_COLORS.length]).set("font-weight", "600");
            comparison.addColumn(r -> r[column]).setHeader(header).setAutoWidth(true);
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(row(getTranslation("planning.k"), chosen, s -> String.valueOf(s.k())));
        rows.add(row(getTranslation("planning.radius"), chosen, s -> count.format(s.radiusMeters())));
        rows.add(row(getTranslation("planning.demand"), chosen, s -> getTranslation("analytics.indicator."
                + s.demand().toUpperCase(Locale.ROOT))));
        rows.add(row(getTranslation("planning.asOf"), chosen, s -> s.asOf().format(DateTimeFormatter.ofPattern("dd/MM/yyyy"))));
        rows.add(row(getTranslation("planning.covered"), chosen, s -> count.format(s.coveredWeight()) + " / " + count.format(s.totalWeight())));
        rows.add(row(getTranslation("planning.coveredPercent"), chosen, s -> percent(s.coveredPercent())));
        rows.add(row(getTranslation("planning.optimal"), chosen, s -> getTranslation(s.optimal() ? "planning.yes" : "planning.no")));
        rows.add(row(getTranslation("planning.chosen"), chosen, s -> String.join(", ", s.chosen().stream().map(c -> names.getOrDefault(c, c)).toList())));
        comparison.setItems(rows);
    }

    private static String[] row(String label, List<ScenarioService.Scenario> scenarios,
                                java.util.function.Function<ScenarioService.Scenario, String> value) {
        String[] row = new String[scenarios.size() + 1];
        row[0] = label;
        for (int i = 0; i < scenarios.size(); i++) {
            row[i + 1] = value.apply(scenarios.get(i));
        }
        return row;
    }

    private void showDemand(CoveringService.Result r) {
        Map<String, Long> weight = new LinkedHashMap<>();
        r.demand().forEach(d -> weight.put(d.code(), d.weight()));
        long max = weight.values().stream().filter(java.util.Objects::nonNull).mapToLong(Long::longValue).max().orElse(1);
        List<GeoJson.Feature> features = new ArrayList<>();
        for (AdminUnit u : communes()) {
            Long w = weight.get(u.getCode());
            double t = w == null ? 0 : Math.sqrt((double) w / Math.max(1, max));
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("_style", Map.of("fillColor", w == null ? "#bdbdbd" : "#08519c", "fillOpacity", w == null ? 0.3 : 0.05 + 0.6 * t,
                    "color", "#888", "weight", 0.4));
            props.put("_tooltip", u.getName() + ": " + (w == null ? getTranslation("analytics.hidden") : count.format(w)));
            features.add(new GeoJson.Feature(u.getCode(), GeoJson.geometry(u.getGeom()), props));
        }
        map.setLayer("demand", new GeoJson.FeatureCollection(features),
                new LeafletMap.LayerOptions(Map.of("weight", 0.4), null, List.of(), null)
                        .withAttribution(getTranslation(structures.on(date.getValue() == null ? units.today() : date.getValue())
                                .attributionKey())));
    }

    private static List<double[]> sites(List<CoveringService.Candidate> candidates, List<String> codes) {
        Map<String, double[]> byCode = new LinkedHashMap<>();
        candidates.forEach(c -> byCode.put(c.code(), new double[] {c.lon(), c.lat()}));
        return codes.stream().map(byCode::get).filter(java.util.Objects::nonNull).toList();
    }

    private GeoJson.FeatureCollection points(List<String> codes, List<double[]> sites) {
        List<GeoJson.Feature> features = new ArrayList<>();
        for (int i = 0; i < sites.size(); i++) {
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("_popup", names.getOrDefault(codes.get(i), codes.get(i)));
            features.add(new GeoJson.Feature(codes.get(i) + "-" + i, new GeoJson.GeometryObject("Point", sites.get(i)), props));
        }
        return new GeoJson.FeatureCollection(features);
    }

    private static String percent(double v) {
        NumberFormat f = NumberFormat.getNumberInstance(Locale.of("vi"));
        f.setMinimumFractionDigits(1);
        f.setMaximumFractionDigits(1);
        return f.format(v) + "%";
    }

    @Override
    public String getPageTitle() {
        return getTranslation("planning.title") + " | " + getTranslation("app.title");
    }
}
