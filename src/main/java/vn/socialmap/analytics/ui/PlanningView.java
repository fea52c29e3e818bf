package vn.socialmap.analytics.ui;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Comparator;
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
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.shared.Tooltip;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.PermitAll;
import org.springframework.security.access.AccessDeniedException;
import tools.jackson.databind.ObjectMapper;

import vn.socialmap.analytics.AnalyticsIndicator;
import vn.socialmap.analytics.CoveringService;
import vn.socialmap.analytics.ScenarioService;
import vn.socialmap.base.ValidationException;
import vn.socialmap.base.geojson.GeoJson;
import vn.socialmap.base.ui.MapSettings;
import vn.socialmap.base.ui.Palette;
import vn.socialmap.base.ui.map.LeafletMap;
import vn.socialmap.geography.AdminLevel;
import vn.socialmap.geography.AdminUnit;
import vn.socialmap.geography.AdminStructures;
import vn.socialmap.geography.AdminUnitFeatures;
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
    static final List<String> SCENARIO_COLORS = Palette.SCENARIOS;
    /** Tolerance (degrees) of the communes' shapes drawn over a province, as on the main map. */
    private static final double SIMPLIFY = 0.0002;

    private final CoveringService covering;
    private final ScenarioService scenarios;
    private final AdminUnitService units;
    private final AdminStructures structures;
    private final AdminUnitFeatures features;
    private final LeafletMap map;
    private final Div legend = new Div();
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
    private final Div comparisonSection = new Div();
    private final NumberFormat count = NumberFormat.getIntegerInstance(Locale.of("vi"));
    /** The province's communes' names by code, per date: a scenario names the communes in force on its own date. */
    private final Map<LocalDate, Map<String, String>> namesOn = new java.util.HashMap<>();

    public PlanningView(CoveringService covering, ScenarioService scenarios, AdminUnitService units, AdminStructures structures,
                        AdminUnitFeatures features, MapSettings settings, ObjectMapper json) {
        this.structures = structures;
        this.covering = covering;
        this.scenarios = scenarios;
        this.units = units;
        this.features = features;
        this.map = new LeafletMap(json);
        map.setBaseLayer(settings.tileUrl(), settings.tileAttribution());
        map.addClassName("sm-planning-map");
        map.setSizeFull();
        legend.addClassName("sm-planning-legend");
        legend.setVisible(false);
        Div mapArea = new Div(map, legend);
        mapArea.addClassName("sm-planning-map-area");
        VerticalLayout side = new VerticalLayout(mapArea, comparisonSection());
        side.addClassName("sm-planning-side");
        side.setWidth(null);
        side.setPadding(false);
        side.setSpacing(false);
        HorizontalLayout root = getContent();
        root.addClassName("sm-planning-view");
        root.setSizeFull();
        root.setPadding(false);
        root.setSpacing(false);
        root.add(panel(), side);
        provinceChanged();
    }

    /** The saved scenarios compared, under the map where it has the window's width. */
    private Div comparisonSection() {
        comparison.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COLUMN_BORDERS);
        comparison.setAllRowsVisible(true);
        comparison.addClassName("sm-planning-comparison");
        H3 title = new H3(getTranslation("planning.compare.title"));
        Span base = new Span(getTranslation("planning.compare.base"));
        base.addClassName("sm-planning-note");
        comparisonSection.add(title, base, comparison);
        comparisonSection.addClassName("sm-planning-comparison-section");
        comparisonSection.setVisible(false);
        return comparisonSection;
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
        date.setValue(units.today());
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
        saved.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        saved.setSelectionMode(Grid.SelectionMode.MULTI);
        saved.addColumn(ScenarioService.Scenario::name).setHeader(getTranslation("planning.scenario")).setFlexGrow(1);
        saved.addColumn(s -> s.k() + " · " + count.format(s.radiusMeters()) + " m").setHeader(getTranslation("planning.inputs"))
                .setAutoWidth(true).setFlexGrow(0);
        saved.addColumn(s -> percent(s.coveredPercent())).setHeader(withTooltip(getTranslation("planning.coveredPercent.short"),
                getTranslation("planning.compare.base"))).setAutoWidth(true).setFlexGrow(0);
        saved.addClassName("sm-planning-scenarios");
        saved.addSelectionListener(e -> compare());
        Anchor export = new Anchor((DownloadHandler) event -> {
            event.setFileName("phuong-an-mo-hinh.xlsx");
            event.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            List<ScenarioService.Scenario> chosen = saved.getSelectedItems().isEmpty()
                    ? scenarios.list(province.getValue().getCode()) : new ArrayList<>(saved.getSelectedItems());
            scenarios.writeXlsx(chosen, key -> getTranslation(key), (code, day) -> namesOn(day).getOrDefault(code, ""),
                    event.getOutputStream());
        }, getTranslation("planning.export"));
        export.getElement().setAttribute("download", true);
        export.addClassName("sm-planning-export");
        HorizontalLayout saving = new HorizontalLayout(name, save);
        saving.setAlignItems(FlexComponent.Alignment.BASELINE);
        saving.setWidthFull();
        VerticalLayout panel = new VerticalLayout(new H2(getTranslation("planning.title")),
                new Span(getTranslation("planning.explain")), province, new HorizontalLayout(k, radius), demand, date, excluded, run,
                result, saving, new H3(getTranslation("planning.saved")), saved, export);
        panel.addClassName("sm-planning-panel");
        panel.setWidth(null); // the theme's .sm-planning-panel sizes it, not a layout's default of the full width
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
        namesOn.clear();
        excluded.setItems(communes);
        map.fitBounds(p.getGeom().getEnvelopeInternal());
        saved.setItems(scenarios.list(p.getCode()));
        clearMap();
    }

    /** The names of the province's communes in force on the day, by code. */
    private Map<String, String> namesOn(LocalDate day) {
        return namesOn.computeIfAbsent(day, d -> {
            Map<String, String> byCode = new LinkedHashMap<>();
            units.byLevel(province.getValue().getCode(), AdminLevel.COMMUNE, d).forEach(c -> byCode.put(c.getCode(), c.getName()));
            return byCode;
        });
    }

    /** The chosen sites by name, as the communes were called on the day. */
    private String siteNames(List<String> codes, LocalDate day) {
        Map<String, String> names = namesOn(day);
        return String.join(", ", codes.stream().map(c -> names.getOrDefault(c, c)).toList());
    }

    /** The province's communes in force on the chosen date. */
    private List<AdminUnit> communes() {
        return units.byLevel(province.getValue().getCode(), AdminLevel.COMMUNE, date.getValue() == null ? units.today() : date.getValue());
    }

    private void clearMap() {
        for (String layer : List.of("demand", "chosen", "coverage", "existing", "boundaries")) {
            map.removeLayer(layer);
        }
        for (int i = 0; i < SCENARIO_COLORS.size(); i++) {
            map.removeLayer("scenario-" + i);
            map.removeLayer("scenario-reach-" + i);
        }
        legend.removeAll();
        legend.setVisible(false);
    }

    private CoveringService.Result lastResult;

    private void run() {
        result.removeClassName("sm-planning-error");
        if (k.getValue() == null || k.isInvalid() || radius.getValue() == null || radius.isInvalid() || date.getValue() == null) {
            result.setText(getTranslation("planning.error.inputs"));
            result.addClassName("sm-planning-error");
            return;
        }
        saved.deselectAll();
        LocalDate runDay = date.getValue();
        lastResult = covering.solve(province.getValue().getCode(), k.getValue(), radius.getValue(), demand.getValue(),
                runDay, excluded.getValue().stream().map(AdminUnit::getCode).toList());
        clearMap();
        long max = showDemand(lastResult);
        List<double[]> existing = lastResult.existing().stream().map(e -> new double[] {e.lon(), e.lat()}).toList();
        map.setMarkerLayer("existing", points(lastResult.existing().stream().map(e -> getTranslation("planning.existing")).toList(),
                existing, Map.of()), Palette.EXISTING_MODEL);
        List<double[]> sites = sites(lastResult.candidates(), lastResult.chosen());
        map.setCircleLayer("coverage", sites, radius.getValue(), SCENARIO_COLORS.get(0));
        map.setMarkerLayer("chosen", points(lastResult.chosen(), sites, namesOn(runDay)), SCENARIO_COLORS.get(0));
        result.setText(getTranslation("planning.result", count.format(lastResult.coveredWeight()), count.format(lastResult.areaWeight()),
                percent(lastResult.coveredPercent()), lastResult.existingModels(), count.format(lastResult.coveredByExisting()),
                percent(lastResult.servedPercent()),
                getTranslation(lastResult.optimal() ? "planning.optimal.yes" : "planning.optimal.no", percent(lastResult.gap() * 100)),
                siteNames(lastResult.chosen(), runDay)));
        legend.add(legendTitle(getTranslation("planning.legend.title")),
                legendRow("sm-swatch", Palette.DEMAND_LOW, getTranslation("planning.legend.demandLow")),
                legendRow("sm-swatch", Palette.DEMAND_HIGH, getTranslation("planning.legend.demandHigh", count.format(max))));
        if (lastResult.demand().stream().anyMatch(d -> d.weight() == 0)) {
            legend.add(legendRow("sm-swatch", Palette.NO_VALUE, getTranslation("planning.legend.noDemand")));
        }
        legend.add(legendRow("sm-swatch-dot", SCENARIO_COLORS.get(0), getTranslation("planning.legend.chosen", count.format(radius.getValue()))),
                legendRow("sm-swatch-dot", Palette.EXISTING_MODEL, getTranslation("planning.existing")));
        legend.setVisible(true);
    }

    private void save() {
        name.setInvalid(false);
        k.setInvalid(false);
        radius.setInvalid(false);
        try {
            var scenario = scenarios.save(new ScenarioService.Inputs(province.getValue().getCode(), name.getValue(),
                    k.getValue() == null ? 0 : k.getValue(), radius.getValue() == null ? 0 : radius.getValue(), demand.getValue(),
                    date.getValue(), excluded.getValue().stream().map(AdminUnit::getCode).toList()));
            name.clear();
            saved.setItems(scenarios.list(province.getValue().getCode()));
            saved.select(scenario);
            notify(getTranslation("planning.saved.notice", scenario.name()), NotificationVariant.LUMO_SUCCESS);
        } catch (ValidationException e) {
            String message = e.describe((key, a) -> getTranslation(key, a));
            switch (e.field() == null ? "" : e.field()) {
                case "k" -> invalid(k, message);
                case "radiusMeters" -> invalid(radius, message);
                case "asOf" -> invalid(date, message);
                default -> invalid(name, message);
            }
            notify(getTranslation("planning.save.failed", message), NotificationVariant.LUMO_ERROR);
        } catch (AccessDeniedException e) {
            notify(getTranslation("planning.save.denied"), NotificationVariant.LUMO_ERROR);
        }
    }

    private static void invalid(com.vaadin.flow.component.HasValidation field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }

    private static void notify(String text, NotificationVariant variant) {
        Notification notification = Notification.show(text, variant == NotificationVariant.LUMO_ERROR ? 8000 : 4000,
                Notification.Position.BOTTOM_START);
        notification.addThemeVariants(variant);
        notification.addClassName(variant == NotificationVariant.LUMO_ERROR ? "sm-planning-notice-error" : "sm-planning-notice");
    }

    /**
     * Shows the selected scenarios' sites together, each in its colour with its reach, over the communes'
     * boundaries, and their figures side by side under the map.
     */
    private void compare() {
        List<ScenarioService.Scenario> chosen = new ArrayList<>(saved.getSelectedItems());
        if (chosen.isEmpty()) {
            comparison.removeAllColumns();
            comparison.setItems(List.<String[]>of());
            comparisonSection.setVisible(false);
            clearMap();
            return;
        }
        clearMap();
        // one set of boundaries under every scenario: the newest scenario's, said so when the dates differ
        LocalDate boundariesOn = chosen.stream().map(ScenarioService.Scenario::asOf).max(Comparator.naturalOrder()).orElseThrow();
        boolean datesDiffer = chosen.stream().map(ScenarioService.Scenario::asOf).distinct().count() > 1;
        drawBoundaries(boundariesOn);
        legend.add(legendTitle(getTranslation("planning.legend.compare")));
        for (int i = 0; i < chosen.size() && i < SCENARIO_COLORS.size(); i++) {
            var s = chosen.get(i);
            // a scenario's communes are those in force on its date
            List<double[]> sites = sites(covering.candidates(province.getValue().getCode(), s.asOf()), s.chosen());
            map.setCircleLayer("scenario-reach-" + i, sites, s.radiusMeters(), SCENARIO_COLORS.get(i));
            map.setMarkerLayer("scenario-" + i, points(s.chosen(), sites, namesOn(s.asOf())), SCENARIO_COLORS.get(i));
            legend.add(legendRow("sm-swatch-dot", SCENARIO_COLORS.get(i), getTranslation("planning.legend.scenario", s.name(), s.k(),
                    count.format(s.radiusMeters()))));
        }
        if (chosen.size() > SCENARIO_COLORS.size()) {
            legend.add(new Div(getTranslation("planning.legend.more", SCENARIO_COLORS.size())));
        }
        legend.add(legendRow("sm-swatch sm-swatch-outline", "transparent",
                getTranslation(datesDiffer ? "planning.legend.boundaries.newest" : "planning.legend.boundaries",
                        boundariesOn.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")))));
        legend.setVisible(true);

        comparison.removeAllColumns();
        comparison.addColumn(r -> r[0]).setHeader("").setWidth("16rem").setFlexGrow(0).setPartNameGenerator(r -> "label");
        for (int i = 0; i < chosen.size(); i++) {
            int column = i + 1;
            Span header = new Span(chosen.get(i).name());
            header.addClassName("sm-planning-scenario-name");
            header.getStyle().set("--sm-scenario-color", SCENARIO_COLORS.get(i % SCENARIO_COLORS.size()));
            comparison.addColumn(r -> r[column]).setHeader(header).setFlexGrow(1);
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(row(getTranslation("planning.k"), chosen, s -> String.valueOf(s.k())));
        rows.add(row(getTranslation("planning.radius"), chosen, s -> count.format(s.radiusMeters())));
        rows.add(row(getTranslation("planning.demand"), chosen, s -> getTranslation("analytics.indicator."
                + s.demand().toUpperCase(Locale.ROOT))));
        rows.add(row(getTranslation("planning.asOf"), chosen, s -> s.asOf().format(DateTimeFormatter.ofPattern("dd/MM/yyyy"))));
        rows.add(row(getTranslation("planning.area"), chosen, s -> number(s.areaWeight())));
        rows.add(row(getTranslation("planning.existingCovered"), chosen, s -> number(s.coveredByExisting())));
        rows.add(row(getTranslation("planning.covered"), chosen, s -> count.format(s.coveredWeight())));
        rows.add(row(getTranslation("planning.coveredPercent"), chosen, s -> percent(s.coveredPercent())));
        rows.add(row(getTranslation("planning.servedPercent"), chosen, s -> percent(s.servedPercent())));
        rows.add(row(getTranslation("planning.optimal"), chosen, s -> getTranslation(s.optimal() ? "planning.yes" : "planning.no")));
        rows.add(row(getTranslation("planning.chosen"), chosen, s -> siteNames(s.chosen(), s.asOf())));
        comparison.setItems(rows);
        comparisonSection.setVisible(true);
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

    /** The communes in force on the date, outlined, with their names under the pointer. */
    private void drawBoundaries(LocalDate on) {
        List<AdminUnit> communes = units.byLevel(province.getValue().getCode(), AdminLevel.COMMUNE, on);
        GeoJson.FeatureCollection shapes = features.toFeatureCollection(communes, SIMPLIFY);
        List<GeoJson.Feature> outlined = new ArrayList<>();
        for (int i = 0; i < communes.size(); i++) {
            GeoJson.Feature f = shapes.features().get(i);
            outlined.add(new GeoJson.Feature(f.id(), f.geometry(), Map.of("_tooltip", communes.get(i).getName())));
        }
        map.setLayer("boundaries", new GeoJson.FeatureCollection(outlined),
                new LeafletMap.LayerOptions(Map.of("color", Palette.PLANNING_BOUNDARY, "weight", 0.8, "fillOpacity", 0.0), Map.of("weight", 2),
                        List.of(), null).withAttribution(getTranslation(structures.on(on).attributionKey())));
    }

    /** The communes shaded by their demand (grey: none to serve); returns the largest demand, the legend's top. */
    private long showDemand(CoveringService.Result r) {
        Map<String, Long> weight = new LinkedHashMap<>();
        r.demand().forEach(d -> weight.put(d.code(), d.weight()));
        long max = weight.values().stream().filter(java.util.Objects::nonNull).mapToLong(Long::longValue).max().orElse(0);
        List<AdminUnit> communes = communes();
        GeoJson.FeatureCollection shapes = features.toFeatureCollection(communes, SIMPLIFY);
        List<GeoJson.Feature> shaded = new ArrayList<>();
        for (int i = 0; i < communes.size(); i++) {
            AdminUnit u = communes.get(i);
            Long w = weight.get(u.getCode());
            boolean none = w == null || w == 0;
            double t = none ? 0 : Math.sqrt((double) w / Math.max(1, max));
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("_style", Map.of("fillColor", none ? Palette.NO_VALUE : Palette.DEMAND, "fillOpacity", none ? 0.3 : 0.05 + 0.6 * t,
                    "color", Palette.DEMAND_OUTLINE, "weight", 0.6));
            props.put("_tooltip", u.getName() + ": " + (w == null ? getTranslation("analytics.hidden") : count.format(w)));
            shaded.add(new GeoJson.Feature(u.getCode(), shapes.features().get(i).geometry(), props));
        }
        map.setLayer("demand", new GeoJson.FeatureCollection(shaded),
                new LeafletMap.LayerOptions(Map.of("weight", 0.6), null, List.of(), null)
                        .withAttribution(getTranslation(structures.on(date.getValue() == null ? units.today() : date.getValue())
                                .attributionKey())));
        return max;
    }

    private static Div legendTitle(String text) {
        Div title = new Div(text);
        title.addClassName("sm-planning-legend-title");
        return title;
    }

    /** A legend line: a swatch (a square or a dot, its colour given as data) and its meaning. */
    private static Div legendRow(String swatchClasses, String color, String text) {
        Span swatch = new Span();
        swatch.addClassNames(swatchClasses.split(" "));
        swatch.getStyle().set("--sm-swatch-color", color);
        Div row = new Div(swatch, new Span(text));
        row.addClassName("sm-legend-row");
        return row;
    }

    /** A header with its explanation under the pointer. */
    private static Span withTooltip(String text, String explanation) {
        Span header = new Span(text);
        Tooltip.forComponent(header).setText(explanation);
        return header;
    }

    private String number(Long value) {
        return value == null ? getTranslation("planning.unknown") : count.format(value);
    }

    private static List<double[]> sites(List<CoveringService.Candidate> candidates, List<String> codes) {
        Map<String, double[]> byCode = new LinkedHashMap<>();
        candidates.forEach(c -> byCode.put(c.code(), new double[] {c.lon(), c.lat()}));
        return codes.stream().map(byCode::get).filter(java.util.Objects::nonNull).toList();
    }

    private GeoJson.FeatureCollection points(List<String> codes, List<double[]> sites, Map<String, String> names) {
        List<GeoJson.Feature> features = new ArrayList<>();
        for (int i = 0; i < sites.size(); i++) {
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("_popup", names.getOrDefault(codes.get(i), codes.get(i)));
            features.add(new GeoJson.Feature(codes.get(i) + "-" + i, new GeoJson.GeometryObject("Point", sites.get(i)), props));
        }
        return new GeoJson.FeatureCollection(features);
    }

    private String percent(Double v) {
        if (v == null) {
            return getTranslation("planning.unknown");
        }
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
