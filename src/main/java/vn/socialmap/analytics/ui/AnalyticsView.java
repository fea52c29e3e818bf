package vn.socialmap.analytics.ui;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import tools.jackson.databind.ObjectMapper;

import vn.socialmap.analytics.AccessibilityService;
import vn.socialmap.analytics.AnalyticsIndicator;
import vn.socialmap.analytics.DensityService;
import vn.socialmap.analytics.HotspotService;
import vn.socialmap.analytics.KernelDensity;
import vn.socialmap.analytics.ServiceKind;
import vn.socialmap.analytics.UnitValues;
import vn.socialmap.base.geojson.GeoJson;
import vn.socialmap.base.stats.ClassBreaks;
import vn.socialmap.base.ui.MapSettings;
import vn.socialmap.base.ui.Palette;
import vn.socialmap.base.ui.map.LeafletMap;
import vn.socialmap.geography.AdminLevel;
import vn.socialmap.geography.AdminStructures;
import vn.socialmap.geography.AdminUnit;
import vn.socialmap.geography.AdminUnitService;
import vn.socialmap.geography.VectorTiles;
import vn.socialmap.security.CurrentUser;

/**
 * Spatial analytics on the map: hotspots (Gi*, local Moran), accessibility of a service
 * (E2SFCA score or nearest distance, with communes beyond a distance outlined) and, for
 * roles that may see persons, kernel density of residences or hotspots.
 */
@Route("analytics")
@Menu(order = 7, title = "nav.analytics")
@PermitAll
public class AnalyticsView extends Composite<HorizontalLayout> implements HasDynamicTitle {

    enum Mode {
        GISTAR, LISA, ACCESS_SCORE, ACCESS_NEAREST, DENSITY
    }

    static final Map<String, String> CLASS_COLORS = Palette.HOTSPOT_CLASSES;
    static final List<String> SCORE_PALETTE = Palette.ACCESS;

    /** A swatch's colours are the data's (the map draws them too): the theme paints the swatch in them. */
    private static final String SWATCH_COLOR = "--sm-swatch-color";
    private static final String SWATCH_BORDER = "--sm-swatch-border-color";

    private final HotspotService hotspots;
    private final AccessibilityService accessibility;
    private final DensityService density;
    private final AdminUnitService units;
    private final AdminStructures structures;
    /** Whether the caller receives protected figures (said under every result computed from them). */
    private final boolean protectedFigures;
    private final CurrentUser currentUser;
    private final LeafletMap map;

    private final Select<AdminUnit> province = new Select<>();
    private final Select<Mode> mode = new Select<>();
    private final Select<AnalyticsIndicator> indicator = new Select<>();
    private final Select<AdminLevel> level = new Select<>();
    private final IntegerField distanceBand = new IntegerField();
    private final Select<ServiceKind> service = new Select<>();
    private final IntegerField catchment = new IntegerField();
    private final IntegerField beyond = new IntegerField();
    private final Select<DensityService.Source> source = new Select<>();
    private final IntegerField cell = new IntegerField();
    private final DatePicker date = new DatePicker();
    private final Div legend = new Div();
    private final Span summary = new Span();
    private final Grid<Row> table = new Grid<>();
    private final MapSettings settings;
    private AdminUnit fitted;

    /** A unit in the side table: what the mode measures, most notable first. */
    record Row(String name, String measure, String detail, double order) {
    }

    public AnalyticsView(HotspotService hotspots, AccessibilityService accessibility, DensityService density,
                         AdminUnitService units, CurrentUser currentUser, MapSettings settings, ObjectMapper json,
                         AdminStructures structures, vn.socialmap.analytics.UnitValues unitValues) {
        this.structures = structures;
        this.protectedFigures = unitValues.protectedForCaller();
        this.hotspots = hotspots;
        this.accessibility = accessibility;
        this.density = density;
        this.units = units;
        this.currentUser = currentUser;
        this.settings = settings;
        this.map = new LeafletMap(json);
        map.setBaseLayer(settings.tileUrl(), settings.tileAttribution());
        map.addClassName("sm-analytics-map");
        HorizontalLayout root = getContent();
        root.setSizeFull();
        root.setPadding(false);
        root.setSpacing(false);
        root.add(sidePanel(), map);
        root.setFlexGrow(1, map);
        map.setSizeFull();
        refresh();
    }

    private VerticalLayout sidePanel() {
        province.setLabel(getTranslation("map.province"));
        List<AdminUnit> provinces = units.provinces();
        province.setItems(provinces);
        province.setItemLabelGenerator(AdminUnit::getName);
        province.setValue(provinces.getFirst());
        mode.setLabel(getTranslation("analytics.mode"));
        List<Mode> modes = new ArrayList<>(List.of(Mode.GISTAR, Mode.LISA, Mode.ACCESS_SCORE, Mode.ACCESS_NEAREST));
        if (currentUser.scope().seesPersons()) {
            modes.add(Mode.DENSITY);
        }
        mode.setItems(modes);
        mode.setItemLabelGenerator(m -> getTranslation("analytics.mode." + m.name()));
        mode.setValue(Mode.GISTAR);
        mode.addClassName("sm-analytics-mode");
        indicator.setLabel(getTranslation("analytics.indicator"));
        indicator.setItems(AnalyticsIndicator.values());
        indicator.setItemLabelGenerator(i -> getTranslation("analytics.indicator." + i.name()));
        indicator.setValue(AnalyticsIndicator.PERSONS);
        level.setLabel(getTranslation("plans.level"));
        level.addClassName("sm-analytics-level");
        level.setItems(AdminLevel.COMMUNE, AdminLevel.DISTRICT);
        level.setItemLabelGenerator(l -> getTranslation("analytics.level." + l.name()));
        level.setValue(AdminLevel.COMMUNE);
        distanceBand.setLabel(getTranslation("analytics.distanceBand"));
        distanceBand.setHelperText(getTranslation("analytics.distanceBand.help"));
        distanceBand.setMin(100);
        distanceBand.setMax(200_000);
        distanceBand.setStep(100);
        distanceBand.setClearButtonVisible(true);
        service.setLabel(getTranslation("analytics.service"));
        service.setItems(ServiceKind.values());
        service.setItemLabelGenerator(s -> getTranslation("analytics.service." + s.name()));
        service.setValue(ServiceKind.METHADONE);
        catchment.setLabel(getTranslation("analytics.catchment"));
        catchment.setValue(10_000);
        catchment.setMin(100);
        catchment.setMax(200_000);
        catchment.setStep(1000);
        beyond.setLabel(getTranslation("analytics.beyond"));
        beyond.setValue(5_000);
        beyond.setMin(0);
        beyond.setStep(100);
        source.setLabel(getTranslation("analytics.source"));
        source.setItems(DensityService.Source.values());
        source.setItemLabelGenerator(s -> getTranslation("analytics.source." + s.name()));
        source.setValue(DensityService.Source.RESIDENCES);
        cell.setLabel(getTranslation("analytics.cell"));
        cell.setHelperText(getTranslation("analytics.cell.help"));
        cell.setMin(10);
        cell.setMax(10_000);
        cell.setClearButtonVisible(true);
        date.setLabel(getTranslation("analytics.date"));
        vn.socialmap.base.ui.DatePickers.localized(date);
        date.addClassName("sm-analytics-date");
        date.setValue(units.today());
        List.of(province, mode, indicator, level, service, source).forEach(c -> c.addValueChangeListener(e -> refresh()));
        List.of(distanceBand, catchment, beyond, cell).forEach(c -> c.addValueChangeListener(e -> refresh()));
        date.addValueChangeListener(e -> refresh());
        legend.addClassName("sm-legend");
        summary.addClassName("sm-analytics-summary");
        // the side panel is narrow: names and figures wrap rather than being cut
        table.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        table.addColumn(Row::name).setHeader(getTranslation("analytics.unit")).setWidth("7rem").setFlexGrow(1);
        table.addColumn(Row::measure).setHeader(getTranslation("analytics.measure")).setWidth("7rem").setFlexGrow(1);
        table.addColumn(Row::detail).setHeader("").setWidth("5rem").setFlexGrow(1);
        table.setHeight("18rem");
        table.addClassName("sm-analytics-table");
        VerticalLayout panel = new VerticalLayout(new H2(getTranslation("analytics.title")), province, mode, indicator, level,
                distanceBand, service, catchment, beyond, source, cell, date, summary, legend, table);
        panel.setWidth("24rem");
        panel.setMinWidth("24rem");
        panel.addClassName("sm-analytics-panel");
        panel.setHeightFull();
        return panel;
    }

    private void refresh() {
        Mode m = mode.getValue();
        if (m == null || province.getValue() == null || date.getValue() == null) {
            return;
        }
        boolean hot = m == Mode.GISTAR || m == Mode.LISA;
        boolean access = m == Mode.ACCESS_SCORE || m == Mode.ACCESS_NEAREST;
        indicator.setVisible(hot);
        level.setVisible(hot);
        distanceBand.setVisible(hot);
        service.setVisible(access);
        catchment.setVisible(m == Mode.ACCESS_SCORE);
        beyond.setVisible(access);
        source.setVisible(m == Mode.DENSITY);
        cell.setVisible(m == Mode.DENSITY);
        map.removeLayer("analytics");
        map.removeLayer("density");
        map.removeLayer("services");
        legend.removeAll();
        String p = province.getValue().getCode();
        if (fitted != province.getValue()) {
            fitted = province.getValue();
            map.fitBounds(fitted.getGeom().getEnvelopeInternal());
        }
        try {
            switch (m) {
                case GISTAR, LISA -> showHotspots(p, m == Mode.LISA);
                case ACCESS_SCORE, ACCESS_NEAREST -> showAccessibility(p, m == Mode.ACCESS_SCORE);
                case DENSITY -> showDensity(p);
            }
        } catch (IllegalArgumentException e) {
            summary.setText(getTranslation("analytics.error", e.getMessage()));
            table.setItems();
        }
    }

    private void showHotspots(String provinceCode, boolean lisa) {
        HotspotService.Weights weights = distanceBand.getValue() == null || distanceBand.getValue() <= 0
                ? HotspotService.Weights.QUEEN : HotspotService.Weights.distance(distanceBand.getValue());
        LocalDate to = date.getValue();
        // districts were abolished on 1 July 2025: on a later date the analysis runs on communes
        AdminLevel unitLevel = structures.on(to).hasDistricts() ? level.getValue() : AdminLevel.COMMUNE;
        var results = hotspots.analyse(new HotspotService.Request(provinceCode, unitLevel, indicator.getValue(),
                lisa ? HotspotService.Method.LISA : HotspotService.Method.GISTAR, weights, UnitValues.defaultFrom(to), to));
        List<GeoJson.Feature> features = new ArrayList<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<Row> rows = new ArrayList<>();
        for (var r : results) {
            String cls = r.hotspotClass();
            counts.merge(cls, 1, Integer::sum);
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("code", r.unit().getCode());
            props.put("class", cls);
            props.put("_style", Map.of("fillColor", CLASS_COLORS.getOrDefault(cls, Palette.HOTSPOT_NONE), "fillOpacity", 0.75,
                    "color", Palette.HOTSPOT_OUTLINE, "weight", 0.5));
            Double rate = r.unit().per100k(r.value());
            String value = r.value() == null ? getTranslation("analytics.hidden") : String.valueOf(r.value())
                    + (rate == null ? "" : "; " + getTranslation("analytics.per100k", format(rate, 1)));
            props.put("_tooltip", r.unit().getName() + " – " + getTranslation("analytics.class." + cls) + " (z = "
                    + format(r.z(), 2) + ", p = " + format(r.p(), 3) + ", " + getTranslation("analytics.value") + ": " + value + ")");
            features.add(new GeoJson.Feature(r.unit().getCode(), GeoJson.geometry(r.unit().getGeom()), props));
            if (!"none".equals(cls)) {
                rows.add(new Row(r.unit().getName(), getTranslation("analytics.class." + cls),
                        "z " + format(r.z(), 2) + " · pFDR " + format(r.pFdr(), 3), -Math.abs(r.z())));
            }
        }
        showUnits(unitLevel, features, List.of("class"));
        rows.sort(Comparator.comparingDouble(Row::order));
        table.setItems(rows);
        summary.setText(getTranslation(lisa ? "analytics.summary.lisa" : "analytics.summary.gistar", results.size(),
                rows.size()) + protectedNote());
        for (String cls : CLASS_COLORS.keySet()) {
            if (counts.containsKey(cls)) {
                legend.add(legendRow(CLASS_COLORS.get(cls), getTranslation("analytics.class." + cls) + " (" + counts.get(cls) + ")"));
            }
        }
    }

    private void showAccessibility(String provinceCode, boolean score) {
        double d0 = catchment.getValue() == null ? 10_000 : catchment.getValue();
        var result = accessibility.measure(provinceCode, service.getValue(), score, d0, date.getValue());
        Map<String, AccessibilityService.CommuneAccess> byCode = new LinkedHashMap<>();
        result.communes().forEach(c -> byCode.put(c.code(), c));
        double[] known = result.communes().stream()
                .map(c -> score ? c.score() : c.nearestMeters()).filter(v -> v != null && v > 0).mapToDouble(Double::doubleValue).toArray();
        double[] breaks = known.length == 0 ? new double[0] : ClassBreaks.of(ClassBreaks.Method.QUANTILE, known, SCORE_PALETTE.size());
        Integer limit = beyond.getValue();
        List<GeoJson.Feature> features = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        int far = 0;
        for (AdminUnit u : units.byLevel(provinceCode, AdminLevel.COMMUNE, date.getValue())) {
            var c = byCode.get(u.getCode());
            Double v = c == null ? null : score ? c.score() : c.nearestMeters();
            String color = v == null || v <= 0 || breaks.length == 0 ? Palette.ZERO
                    : SCORE_PALETTE.get(score ? SCORE_PALETTE.size() - breaks.length + ClassBreaks.classOf(breaks, v)
                    : SCORE_PALETTE.size() - 1 - ClassBreaks.classOf(breaks, v));
            boolean isFar = c != null && limit != null && limit > 0 && (c.nearestMeters() == null || c.nearestMeters() > limit);
            far += isFar ? 1 : 0;
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("code", u.getCode());
            props.put("far", isFar);
            props.put("_style", isFar ? Map.of("fillColor", color, "fillOpacity", 0.8, "color", Palette.HIGHLIGHT_LINE, "weight", 2.5)
                    : Map.of("fillColor", color, "fillOpacity", 0.8, "color", Palette.ACCESS_OUTLINE, "weight", 0.5));
            String nearest = c == null || c.nearestMeters() == null ? "–" : format(c.nearestMeters() / 1000, 1) + " km";
            props.put("_tooltip", u.getName() + " – " + getTranslation("analytics.nearest") + ": " + nearest
                    + (score && c != null && c.score() != null ? " · " + getTranslation("analytics.score") + ": " + format(c.score() * 1000, 1) : ""));
            features.add(new GeoJson.Feature(u.getCode(), GeoJson.geometry(u.getGeom()), props));
            if (c != null) {
                rows.add(new Row(u.getName(), score && c.score() != null ? format(c.score() * 1000, 1) : nearest,
                        score ? nearest : "", score ? (c.score() == null ? 0 : c.score()) : -(c.nearestMeters() == null ? 1e12 : c.nearestMeters())));
            }
        }
        showUnits(AdminLevel.COMMUNE, features, List.of("far"));
        map.setMarkerLayer("services", serviceFeatures(result.supply()), Palette.SERVICE);
        rows.sort(Comparator.comparingDouble(Row::order));
        table.setItems(rows);
        summary.setText(getTranslation("analytics.summary.access", result.supply().size(), far, limit == null ? 0 : limit / 1000.0)
                + protectedNote());
        String unit = score ? getTranslation("analytics.score.unit." + result.supplyUnit()) : "km";
        for (int i = 0; i < breaks.length; i++) {
            int paletteIndex = score ? SCORE_PALETTE.size() - breaks.length + i : SCORE_PALETTE.size() - 1 - i;
            double upper = breaks[i] == Double.MAX_VALUE ? known.length == 0 ? 0 : java.util.Arrays.stream(known).max().orElse(0) : breaks[i];
            legend.add(legendRow(SCORE_PALETTE.get(paletteIndex), "≤ " + (score ? format(upper * 1000, 1) : format(upper / 1000, 1)) + " " + unit));
        }
        Span outlined = new Span();
        outlined.addClassNames("sm-swatch", "sm-swatch-outlined");
        outlined.getStyle().set(SWATCH_BORDER, Palette.HIGHLIGHT_LINE);
        legend.add(legendRow(outlined, getTranslation("analytics.legend.far")));
    }

    /** The units' layer, from vector tiles when there are too many units for GeoJSON. */
    private void showUnits(AdminLevel unitLevel, List<GeoJson.Feature> features, List<String> dataAttributes) {
        var options = new LeafletMap.LayerOptions(Map.of("weight", 0.5), Map.of("weight", 2, "color", Palette.HOVER_LINE), dataAttributes, null)
                .withAttribution(getTranslation(structures.on(date.getValue()).attributionKey()));
        if (settings.drawsFromTiles(features.size())) {
            map.setTileLayer("analytics", VectorTiles.urlTemplate(unitLevel, date.getValue()), VectorTiles.sourceLayer(unitLevel),
                    new GeoJson.FeatureCollection(features), options);
        } else {
            map.setLayer("analytics", new GeoJson.FeatureCollection(features), options);
        }
    }

    private GeoJson.FeatureCollection serviceFeatures(List<vn.socialmap.analytics.Accessibility.Supply> supply) {
        List<GeoJson.Feature> features = new ArrayList<>();
        for (var s : supply) {
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("_popup", getTranslation("analytics.capacity") + ": " + format(s.capacity(), 0));
            features.add(new GeoJson.Feature(s.id(), new GeoJson.GeometryObject("Point", new double[] {s.lon(), s.lat()}), props));
        }
        return new GeoJson.FeatureCollection(features);
    }

    private void showDensity(String provinceCode) {
        KernelDensity.Grid grid = density.density(provinceCode, source.getValue(), "ON_RECORD", date.getValue(),
                cell.getValue() == null ? 0 : cell.getValue(), 0);
        map.setImageLayer("density", DensityService.png(grid), grid.west(), grid.south(), grid.east(), grid.north(), 0.8);
        table.setItems();
        summary.setText(getTranslation("analytics.summary.density", grid.points(), Math.round(grid.bandwidthMeters()),
                Math.round(grid.cellMeters())));
        legend.add(legendRow(Palette.DENSITY_LOW, getTranslation("analytics.legend.low")));
        legend.add(legendRow(Palette.DENSITY_HIGH, getTranslation("analytics.legend.high", format(grid.max(), 1))));
    }

    private String protectedNote() {
        return protectedFigures ? " " + getTranslation("analytics.protected") : "";
    }

    private static String format(double v, int decimals) {
        java.text.NumberFormat f = java.text.NumberFormat.getNumberInstance(Locale.of("vi"));
        f.setMinimumFractionDigits(decimals);
        f.setMaximumFractionDigits(decimals);
        return f.format(v);
    }

    /** A legend line: a swatch in the data's colour and its meaning. */
    private Div legendRow(String color, String text) {
        Span swatch = new Span();
        swatch.addClassName("sm-swatch");
        swatch.getStyle().set(SWATCH_COLOR, color);
        return legendRow(swatch, text);
    }

    private Div legendRow(Span swatch, String text) {
        Div row = new Div(swatch, new Span(text));
        row.addClassName("sm-legend-row");
        return row;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("analytics.title") + " | " + getTranslation("app.title");
    }
}
