package vn.socialmap.geography.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.ObjectMapper;

import vn.socialmap.base.geojson.GeoJson;
import vn.socialmap.base.stats.ClassBreaks;
import vn.socialmap.base.ui.MapSettings;
import vn.socialmap.base.ui.map.LeafletMap;
import vn.socialmap.geography.AdminLevel;
import vn.socialmap.geography.AdminUnit;
import vn.socialmap.geography.AdminUnitFeatures;
import vn.socialmap.geography.AdminUnitService;
import vn.socialmap.geography.MapOverlays;
import vn.socialmap.geography.ThematicLayer;

/**
 * The administrative map: a province's districts; a district's communes on click;
 * a side panel with a breadcrumb and a diacritics-insensitive search. The URL keeps the
 * unit shown ({@code ?unit=001}) so that a view can be bookmarked and shared.
 */
@Route("")
@Menu(order = 0, title = "nav.map")
@PermitAll
public class MapView extends Composite<HorizontalLayout> implements HasDynamicTitle, BeforeEnterObserver {

    static final String DISTRICTS = "districts";
    static final String COMMUNES = "communes";
    static final String FOCUS = "focus";
    static final String POINTS = "points";
    static final String OVERLAY_PREFIX = "overlay-";
    static final String BUFFERS = "buffers";
    static final String[] PALETTE = {"#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026"};
    static final String ZERO_COLOR = "#f7f7f7";
    static final String HIDDEN_COLOR = "#bdbdbd";
    /**
     * Simplification for display, in degrees, by the level drawn: districts are looked at
     * with a whole province on screen (about 150 m a pixel), communes with a district (about
     * 20-40 m a pixel), so about 20 m and 5 m stay under a pixel; the API serves full shapes.
     * Every opening of the map sends these shapes: at 5 m a province's districts were 350 KB.
     */
    private static final double DISTRICT_SIMPLIFY = 0.0002;
    private static final double COMMUNE_SIMPLIFY = 0.00005;
    private static final int SEARCH_LIMIT = 50;

    private final AdminUnitService units;
    private final AdminUnitFeatures features;
    private final LeafletMap map;
    /** A combo box: its 63 provinces reach the browser when it is opened, not with every map opened. */
    private final com.vaadin.flow.component.combobox.ComboBox<AdminUnit> province = new com.vaadin.flow.component.combobox.ComboBox<>();
    private final HorizontalLayout breadcrumb = new HorizontalLayout();
    private final TextField search = new TextField();
    private final Span listTitle = new Span();
    private final Grid<AdminUnit> list = new Grid<>();
    private final Div approximateNotice = new Div();

    private final List<ThematicLayer> thematicLayers;
    private final List<MapOverlays> overlays;
    private final CheckboxGroup<MapOverlays.Group> overlayChoice = new CheckboxGroup<>();
    private final Select<MapOverlays.Group> bufferGroup = new Select<>();
    private final com.vaadin.flow.component.textfield.IntegerField bufferMeters = new com.vaadin.flow.component.textfield.IntegerField();
    private final Select<String> theme = new Select<>();
    private final DatePicker themeDate = new DatePicker();
    /** Links to the export API for the province shown: its units and the people per status, as files. */
    private final Div downloads = new Div();
    private final Select<ClassBreaks.Method> themeMethod = new Select<>();
    private final Checkbox themePoints = new Checkbox();
    private final Div legend = new Div();

    private AdminUnit currentProvince;
    private AdminUnit currentDistrict;
    private AdminUnit currentCommune;

    public MapView(AdminUnitService units, AdminUnitFeatures features, MapSettings settings, ObjectMapper json,
                   List<ThematicLayer> thematicLayers, List<MapOverlays> overlays) {
        this.units = units;
        this.features = features;
        this.thematicLayers = thematicLayers;
        this.overlays = overlays;
        this.map = new LeafletMap(json);
        map.setBaseLayer(settings.tileUrl(), settings.tileAttribution());
        map.getStyle().set("background", "#eef2f5");
        map.addFeatureClickListener(e -> units.find(e.getFeatureId()).ifPresent(this::navigateTo));

        HorizontalLayout root = getContent();
        root.setSizeFull();
        root.setPadding(false);
        root.setSpacing(false);
        root.add(sidePanel(), map);
        root.setFlexGrow(1, map);
    }

    private VerticalLayout sidePanel() {
        province.setLabel(getTranslation("map.province"));
        province.setItemLabelGenerator(AdminUnit::getName);
        province.setItems((unit, typed) -> vn.socialmap.base.text.VietnameseText.fold(unit.getName())
                .contains(vn.socialmap.base.text.VietnameseText.fold(typed)), units.provinces());
        province.setAllowCustomValue(false);
        province.setWidthFull();
        province.addClassName("sm-province");
        province.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                navigateTo(e.getValue());
            }
        });

        breadcrumb.setSpacing(false);
        breadcrumb.setAlignItems(FlexComponent.Alignment.CENTER);
        breadcrumb.getStyle().set("flex-wrap", "wrap").set("gap", "var(--lumo-space-xs)");
        breadcrumb.getElement().setAttribute("aria-label", getTranslation("map.breadcrumb"));
        breadcrumb.addClassName("sm-breadcrumb");

        search.setLabel(getTranslation("map.search"));
        search.setPlaceholder(getTranslation("map.search.placeholder"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setValueChangeTimeout(250);
        search.setWidthFull();
        search.addValueChangeListener(e -> refreshList());

        list.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_ROW_STRIPES);
        // a template rendered in the browser: a component per row made each opened map build and send ~100 of them
        list.addColumn(com.vaadin.flow.data.renderer.LitRenderer.<AdminUnit>of("""
                        <div class="sm-unit-line"><div>${item.name}</div>\
                        <div style="font-size: var(--lumo-font-size-xs); color: var(--lumo-secondary-text-color)">${item.subtitle}</div></div>""")
                .withProperty("name", AdminUnit::getName)
                .withProperty("subtitle", u -> getTranslation("map.unit.subtitle", u.getUnitType(), u.getCode())));
        list.setSizeFull();
        list.asSingleSelect().addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                navigateTo(e.getValue());
            }
        });
        listTitle.getStyle().set("font-weight", "600").set("font-size", "var(--lumo-font-size-s)");

        approximateNotice.setText(getTranslation("map.approximate.notice"));
        approximateNotice.getStyle()
                .set("font-size", "var(--lumo-font-size-xs)")
                .set("background", "var(--lumo-contrast-5pct)")
                .set("border-left", "3px solid var(--lumo-warning-color, #e8a33d)")
                .set("padding", "var(--lumo-space-xs) var(--lumo-space-s)");
        approximateNotice.addClassName("sm-approximate-notice");

        Div boundaryLegend = new Div(new Div(getTranslation("map.legend.official")), new Div(getTranslation("map.legend.approximate")));
        boundaryLegend.getStyle().set("font-size", "var(--lumo-font-size-xxs)").set("color", "var(--lumo-secondary-text-color)");

        VerticalLayout panel = new VerticalLayout(province, breadcrumb, search, listTitle, list, approximateNotice,
                thematicControls(), legend, overlayControls(), bufferControls(), downloads, boundaryLegend);
        panel.setWidth("22rem");
        panel.setMinWidth("16rem");
        panel.setHeightFull();
        panel.setPadding(true);
        panel.setSpacing(false);
        panel.getStyle().set("gap", "var(--lumo-space-s)").set("border-right", "1px solid var(--lumo-contrast-10pct)")
                .set("overflow-y", "auto");
        list.setMinHeight("12rem");
        panel.setFlexGrow(1, list);
        return panel;
    }

    private VerticalLayout thematicControls() {
        List<String> options = new ArrayList<>();
        thematicLayers.forEach(l -> l.variants().forEach(v -> options.add(l.id() + ":" + v)));
        theme.setLabel(getTranslation("map.theme"));
        theme.setItems(options);
        theme.setEmptySelectionAllowed(true);
        theme.setEmptySelectionCaption(getTranslation("map.theme.none"));
        theme.setItemLabelGenerator(o -> o == null ? getTranslation("map.theme.none") : layerOf(o)
                .map(l -> getTranslation(l.variantLabelKey(o.substring(o.indexOf(':') + 1)))).orElse(o));
        theme.setWidthFull();
        theme.addClassName("sm-theme");
        themeDate.setLabel(getTranslation("map.theme.date"));
        themeDate.setValue(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")));
        themeDate.addValueChangeListener(e -> refreshDownloads());
        themeMethod.setLabel(getTranslation("map.theme.method"));
        themeMethod.setItems(ClassBreaks.Method.values());
        themeMethod.setItemLabelGenerator(m -> m == null ? "" : getTranslation("map.theme.method." + m.name()));
        themeMethod.setValue(ClassBreaks.Method.NATURAL_BREAKS);
        themePoints.setLabel(getTranslation("map.theme.points"));
        themePoints.addClassName("sm-theme-points");
        themePoints.setVisible(false);
        theme.addValueChangeListener(e -> {
            themePoints.setVisible(e.getValue() != null && layerOf(e.getValue()).map(ThematicLayer::pointsAvailable).orElse(false));
            redrawTheme();
        });
        themeDate.addValueChangeListener(e -> redrawTheme());
        themeMethod.addValueChangeListener(e -> redrawTheme());
        themePoints.addValueChangeListener(e -> redrawTheme());
        HorizontalLayout dateAndMethod = new HorizontalLayout(themeDate, themeMethod);
        dateAndMethod.setWidthFull();
        themeDate.setWidth("50%");
        themeMethod.setWidth("50%");
        VerticalLayout box = new VerticalLayout(theme, dateAndMethod, themePoints);
        box.setPadding(false);
        box.setSpacing(false);
        legend.addClassName("sm-legend");
        legend.getStyle().set("font-size", "var(--lumo-font-size-xs)");
        return box;
    }

    /** The layer switcher of the point overlays (facilities, services), with each layer's colour as its legend. */
    private CheckboxGroup<MapOverlays.Group> overlayControls() {
        List<MapOverlays.Group> groups = overlays.stream().flatMap(o -> o.groups().stream()).toList();
        overlayChoice.setLabel(getTranslation("map.overlays"));
        overlayChoice.setItems(groups);
        overlayChoice.setRenderer(new ComponentRenderer<>(g -> {
            Span swatch = new Span();
            swatch.getStyle().set("display", "inline-block").set("width", "10px").set("height", "10px")
                    .set("border-radius", "50%").set("background", g.color()).set("margin-right", "6px");
            return new Span(swatch, new Span(getTranslation(g.labelKey())));
        }));
        overlayChoice.addClassName("sm-overlays");
        overlayChoice.getStyle().set("font-size", "var(--lumo-font-size-s)");
        overlayChoice.addValueChangeListener(e -> {
            for (MapOverlays.Group g : groups) {
                boolean on = e.getValue().contains(g);
                boolean was = e.getOldValue() != null && e.getOldValue().contains(g);
                if (on && !was && currentProvince != null) {
                    overlays.stream().filter(o -> o.groups().contains(g)).findFirst().ifPresent(o ->
                            map.setMarkerLayer(OVERLAY_PREFIX + g.id(), o.features(g.id(), currentProvince.getCode()), g.color()));
                } else if (!on && was) {
                    map.removeLayer(OVERLAY_PREFIX + g.id());
                }
            }
        });
        return overlayChoice;
    }

    /** Catchment circles of a chosen radius around every place of a chosen kind. */
    private HorizontalLayout bufferControls() {
        List<MapOverlays.Group> groups = overlays.stream().flatMap(o -> o.groups().stream()).toList();
        bufferGroup.setLabel(getTranslation("map.buffer"));
        bufferGroup.setItems(groups);
        bufferGroup.setEmptySelectionAllowed(true);
        bufferGroup.setEmptySelectionCaption(getTranslation("map.theme.none"));
        bufferGroup.setItemLabelGenerator(g -> g == null ? getTranslation("map.theme.none") : getTranslation(g.labelKey()));
        bufferGroup.addClassName("sm-buffer");
        bufferMeters.setLabel(getTranslation("map.buffer.meters"));
        bufferMeters.setMin(100);
        bufferMeters.setMax(50_000);
        bufferMeters.setStep(500);
        bufferMeters.setStepButtonsVisible(true);
        bufferMeters.setValue(3000);
        bufferMeters.addClassName("sm-buffer-meters");
        bufferGroup.addValueChangeListener(e -> redrawBuffers());
        bufferMeters.addValueChangeListener(e -> redrawBuffers());
        HorizontalLayout box = new HorizontalLayout(bufferGroup, bufferMeters);
        box.setWidthFull();
        bufferGroup.setWidth("60%");
        bufferMeters.setWidth("40%");
        return box;
    }

    private void redrawBuffers() {
        MapOverlays.Group g = bufferGroup.getValue();
        Integer meters = bufferMeters.getValue();
        if (g == null || meters == null || meters < 100 || meters > 50_000 || currentProvince == null) {
            map.removeLayer(BUFFERS);
            return;
        }
        List<double[]> points = new ArrayList<>();
        overlays.stream().filter(o -> o.groups().contains(g)).findFirst().ifPresent(o ->
                o.features(g.id(), currentProvince.getCode()).features().forEach(f -> {
                    double[] c = (double[]) f.geometry().coordinates();
                    points.add(new double[] {c[0], c[1]});
                }));
        map.setCircleLayer(BUFFERS, points, meters, g.color());
    }

    private java.util.Optional<ThematicLayer> layerOf(String option) {
        String id = option.substring(0, option.indexOf(':'));
        return thematicLayers.stream().filter(l -> l.id().equals(id)).findFirst();
    }

    private void redrawTheme() {
        if (currentProvince == null) {
            return;
        }
        map.setLayer(DISTRICTS, layer(units.byLevel(currentProvince.getCode(), AdminLevel.DISTRICT)), districtStyle());
        if (currentDistrict != null) {
            map.setLayer(COMMUNES, layer(units.children(currentDistrict.getCode())), communeStyle());
        }
        if (currentCommune != null) {
            map.setLayer(FOCUS, layer(List.of(currentCommune)), focusStyle());
        }
        String option = theme.getValue();
        if (option != null && themePoints.getValue() && themeDate.getValue() != null) {
            map.setPointLayer(POINTS, layerOf(option).map(l -> l.points(option.substring(option.indexOf(':') + 1),
                    currentProvince.getCode(), themeDate.getValue())).orElse(List.of()));
        } else {
            map.removeLayer(POINTS);
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<AdminUnit> requested = event.getLocation().getQueryParameters().getSingleParameter("unit")
                .flatMap(units::find);
        AdminUnit target = requested.or(() -> units.provinces().stream().findFirst()).orElse(null);
        if (target != null) {
            show(target);
        }
    }

    private void refreshDownloads() {
        downloads.removeAll();
        downloads.addClassName("sm-downloads");
        downloads.getStyle().set("font-size", "var(--lumo-font-size-xs)");
        if (currentProvince == null) {
            return;
        }
        String date = themeDate.getValue() == null ? "" : "&date=" + themeDate.getValue();
        downloads.add(new Div(new Span(getTranslation("map.downloads"))));
        for (String[] d : new String[][] {{"admin-units", "map.downloads.units"}, {"status-counts", "map.downloads.status"}}) {
            Div line = new Div(new Span(getTranslation(d[1]) + ": "));
            for (String format : List.of("geojson", "gpkg", "csv", "xlsx")) {
                com.vaadin.flow.component.html.Anchor a = new com.vaadin.flow.component.html.Anchor("/api/v1/exports/" + d[0]
                        + "?province=" + currentProvince.getCode() + "&level=commune" + date + "&format=" + format, format.toUpperCase());
                a.getElement().setAttribute("download", true);
                a.getStyle().set("margin-right", "0.5em");
                line.add(a);
            }
            downloads.add(line);
        }
    }

    private void navigateTo(AdminUnit unit) {
        getUI().ifPresent(ui -> ui.navigate(MapView.class, QueryParameters.of("unit", unit.getCode())));
    }

    /** Shows a unit: a province with its districts, a district with its communes, a commune within its district. */
    private void show(AdminUnit unit) {
        List<AdminUnit> path = units.path(unit);
        AdminUnit newProvince = path.getFirst();
        AdminUnit district = path.size() > 1 ? path.get(1) : null;
        AdminUnit commune = path.size() > 2 ? path.get(2) : null;

        if (!newProvince.equals(currentProvince)) {
            currentProvince = newProvince;
            refreshDownloads();
            province.setValue(items(newProvince));
            map.setLayer(DISTRICTS, layer(units.byLevel(newProvince.getCode(), AdminLevel.DISTRICT)), districtStyle());
            currentDistrict = null;
            for (MapOverlays.Group g : overlayChoice.getValue()) {
                overlays.stream().filter(o -> o.groups().contains(g)).findFirst().ifPresent(o ->
                        map.setMarkerLayer(OVERLAY_PREFIX + g.id(), o.features(g.id(), newProvince.getCode()), g.color()));
            }
        }
        if (district == null) {
            map.removeLayer(COMMUNES);
            currentDistrict = null;
        } else if (!district.equals(currentDistrict)) {
            currentDistrict = district;
            map.setLayer(COMMUNES, layer(units.children(district.getCode())), communeStyle());
        }
        currentCommune = commune;
        if (commune != null) {
            map.setLayer(FOCUS, layer(List.of(commune)), focusStyle());
            map.openPopup(COMMUNES, commune.getCode());
        } else {
            map.removeLayer(FOCUS);
        }
        map.fitBounds(unit.getGeom().getEnvelopeInternal());
        approximateNotice.setVisible(currentDistrict != null
                && units.children(currentDistrict.getCode()).stream().anyMatch(AdminUnit::isApproximate));
        renderBreadcrumb(path);
        refreshList();
        list.select(commune);
        getUI().ifPresent(ui -> ui.getPage().setTitle(getPageTitle()));
    }

    private AdminUnit items(AdminUnit provinceUnit) {
        return units.provinces().stream().filter(p -> p.getCode().equals(provinceUnit.getCode()))
                .findFirst().orElse(provinceUnit);
    }

    private void renderBreadcrumb(List<AdminUnit> path) {
        breadcrumb.removeAll();
        for (int i = 0; i < path.size(); i++) {
            AdminUnit step = path.get(i);
            if (i > 0) {
                breadcrumb.add(new Span("›"));
            }
            if (i < path.size() - 1) {
                Button link = new Button(step.getName(), e -> navigateTo(step));
                link.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
                breadcrumb.add(link);
            } else {
                Span here = new Span(step.getName());
                here.getStyle().set("font-weight", "600").set("font-size", "var(--lumo-font-size-s)");
                breadcrumb.add(here);
            }
        }
    }

    private void refreshList() {
        String query = search.getValue();
        List<AdminUnit> shown;
        if (query != null && !query.isBlank() && currentProvince != null) {
            shown = units.search(currentProvince.getCode(), query, SEARCH_LIMIT);
            listTitle.setText(shown.isEmpty() ? getTranslation("map.search.none")
                    : getTranslation("map.list.results", shown.size()));
        } else if (currentDistrict != null) {
            shown = units.children(currentDistrict.getCode());
            listTitle.setText(getTranslation("map.list.communes", shown.size()));
        } else if (currentProvince != null) {
            shown = units.byLevel(currentProvince.getCode(), AdminLevel.DISTRICT);
            listTitle.setText(getTranslation("map.list.districts", shown.size()));
        } else {
            shown = List.of();
        }
        list.setItems(shown);
    }

    private GeoJson.FeatureCollection layer(List<AdminUnit> shown) {
        GeoJson.FeatureCollection collection = features.toFeatureCollection(shown,
                !shown.isEmpty() && shown.getFirst().getLevel() == AdminLevel.DISTRICT ? DISTRICT_SIMPLIFY : COMMUNE_SIMPLIFY);
        Theme theme = theme(shown);
        Map<String, Long> communes = shown.isEmpty() || currentProvince == null ? Map.of()
                : units.childCounts(currentProvince.getCode(), shown.getFirst().getLevel());
        List<GeoJson.Feature> decorated = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            AdminUnit unit = shown.get(i);
            GeoJson.Feature f = collection.features().get(i);
            Map<String, Object> p = new LinkedHashMap<>(f.properties());
            String details = popup(unit, communes) + (theme == null ? "" : theme.popupLine(unit.getCode()));
            p.put("_tooltip", details);
            p.put("_popup", details);
            Map<String, Object> style = new LinkedHashMap<>();
            if (unit.isApproximate()) {
                style.put("dashArray", "4 3");
            }
            if (theme != null) {
                style.put("fillColor", theme.color(unit.getCode()));
                style.put("fillOpacity", 0.75);
            }
            if (!style.isEmpty()) {
                p.put("_style", style);
            }
            decorated.add(new GeoJson.Feature(f.id(), f.geometry(), p));
        }
        return new GeoJson.FeatureCollection(decorated);
    }

    /** The chosen data layer's values and classes for the units shown, or null when none is chosen. */
    private Theme theme(List<AdminUnit> shown) {
        String option = theme.getValue();
        if (option == null || shown.isEmpty() || themeDate.getValue() == null || shown.getFirst().getLevel() == AdminLevel.PROVINCE) {
            legend.removeAll();
            return null;
        }
        ThematicLayer layer = layerOf(option).orElse(null);
        if (layer == null) {
            return null;
        }
        String variant = option.substring(option.indexOf(':') + 1);
        ThematicLayer.Values values = layer.values(variant, currentProvince.getCode(), shown.getFirst().getLevel(), themeDate.getValue());
        double[] known = shown.stream().map(u -> values.byUnit().get(u.getCode()))
                .filter(v -> v != null && v > 0).mapToDouble(Long::doubleValue).toArray();
        double[] fixed = layer.fixedBreaks(variant);
        double[] breaks = fixed != null ? fixed : ClassBreaks.of(themeMethod.getValue() == null
                ? ClassBreaks.Method.NATURAL_BREAKS : themeMethod.getValue(), known, PALETTE.length);
        Theme result = new Theme(getTranslation(layer.variantLabelKey(variant)), values, breaks);
        renderLegend(result);
        return result;
    }

    private record Theme(String label, ThematicLayer.Values values, double[] breaks) {
        String color(String code) {
            Long v = values.byUnit().get(code);
            if (v == null) {
                return HIDDEN_COLOR;
            }
            if (v == 0 || breaks.length == 0) {
                return ZERO_COLOR;
            }
            return PALETTE[PALETTE.length - breaks.length + ClassBreaks.classOf(breaks, v)];
        }

        String popupLine(String code) {
            Long v = values.byUnit().get(code);
            String text = v == null ? "<" + values.threshold() : String.format(java.util.Locale.ROOT, "%,d", v).replace(',', '.');
            return "<br><strong>" + HtmlUtils.htmlEscape(label) + ": " + HtmlUtils.htmlEscape(text) + "</strong>";
        }
    }

    private void renderLegend(Theme theme) {
        legend.removeAll();
        legend.add(new Div(new Span(theme.label())));
        double lower = theme.values().byUnit().values().stream().filter(v -> v != null && v > 0)
                .mapToDouble(Long::doubleValue).min().orElse(1);
        for (int i = 0; i < theme.breaks().length; i++) {
            String color = PALETTE[PALETTE.length - theme.breaks().length + i];
            long from = (long) Math.ceil(lower);
            long to = (long) theme.breaks()[i];
            String range = theme.breaks()[i] == Double.MAX_VALUE ? "≥ " + from : from == to ? String.valueOf(to) : from + " – " + to;
            legend.add(legendRow(color, range));
            lower = theme.breaks()[i] + 1;
        }
        legend.add(legendRow(ZERO_COLOR, "0"));
        if (theme.values().suppressed()) {
            legend.add(legendRow(HIDDEN_COLOR, getTranslation("map.theme.hidden", theme.values().threshold())));
        }
    }

    private Div legendRow(String color, String text) {
        Span swatch = new Span();
        swatch.getStyle().set("display", "inline-block").set("width", "14px").set("height", "10px")
                .set("background", color).set("border", "1px solid #999").set("margin-right", "6px");
        Div row = new Div(swatch, new Span(text));
        row.addClassName("sm-legend-row");
        return row;
    }

    private String popup(AdminUnit unit, Map<String, Long> communes) {
        StringBuilder html = new StringBuilder()
                .append("<strong>").append(HtmlUtils.htmlEscape(unit.getName())).append("</strong><br>")
                .append(HtmlUtils.htmlEscape(unit.getUnitType())).append("<br>")
                .append(HtmlUtils.htmlEscape(getTranslation("map.popup.code", unit.getCode()))).append("<br>")
                .append(HtmlUtils.htmlEscape(getTranslation(unit.isApproximate()
                        ? "map.popup.boundary.approximate" : "map.popup.boundary.official")));
        if (unit.getLevel() == AdminLevel.DISTRICT) {
            html.append("<br>").append(HtmlUtils.htmlEscape(
                    getTranslation("map.popup.communes", communes.getOrDefault(unit.getCode(), 0L))));
        }
        return html.toString();
    }

    private static LeafletMap.LayerOptions districtStyle() {
        return new LeafletMap.LayerOptions(
                Map.of("color", "#1f4e79", "weight", 1.5, "fillColor", "#5b9bd5", "fillOpacity", 0.25),
                Map.of("weight", 3, "fillOpacity", 0.4),
                List.of("code", "level"), 400);
    }

    private static LeafletMap.LayerOptions communeStyle() {
        return new LeafletMap.LayerOptions(
                Map.of("color", "#7a4b00", "weight", 1, "fillColor", "#f4b183", "fillOpacity", 0.35),
                Map.of("weight", 2.5, "fillOpacity", 0.55),
                List.of("code", "level"), 450);
    }

    private static LeafletMap.LayerOptions focusStyle() {
        return new LeafletMap.LayerOptions(
                Map.of("color", "#c00000", "weight", 3, "fill", false, "interactive", false),
                null, List.of("code"), 500);
    }

    @Override
    public String getPageTitle() {
        String place = currentDistrict != null ? currentDistrict.getName()
                : currentProvince != null ? currentProvince.getName() : "";
        return getTranslation("map.title") + (place.isEmpty() ? "" : " – " + place) + " | " + getTranslation("app.title");
    }
}
