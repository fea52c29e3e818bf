package vn.socialmap.geography.ui;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.ObjectMapper;

import vn.socialmap.base.geojson.GeoJson;
import vn.socialmap.base.stats.ClassBreaks;
import vn.socialmap.base.text.VietnameseText;
import vn.socialmap.base.ui.DatePickers;
import vn.socialmap.base.ui.MapSettings;
import vn.socialmap.base.ui.Palette;
import vn.socialmap.base.ui.map.LeafletMap;
import vn.socialmap.geography.AdminLevel;
import vn.socialmap.geography.AdminStructure;
import vn.socialmap.geography.AdminStructures;
import vn.socialmap.geography.AdminUnit;
import vn.socialmap.geography.AdminUnitFeatures;
import vn.socialmap.geography.AdminUnitService;
import vn.socialmap.geography.HomeArea;
import vn.socialmap.geography.MapOverlays;
import vn.socialmap.geography.Successions;
import vn.socialmap.geography.ThematicLayer;
import vn.socialmap.geography.UnitRef;

/**
 * The administrative map as of a date: the units in force that day (today: a province's
 * communes, no districts; before 1 July 2025: its districts, a district's communes on
 * click), a side panel with the date, a breadcrumb and a diacritics-insensitive search. The
 * URL keeps the unit and the date shown ({@code ?unit=001&date=2022-06-30}) so that a view
 * can be bookmarked and shared. A user opens on their own area.
 */
@Route("")
@Menu(order = 0, title = "nav.map")
@PermitAll
public class MapView extends Composite<HorizontalLayout> implements HasDynamicTitle, BeforeEnterObserver {

    static final String DISTRICTS = "districts";
    static final String COMMUNES = "communes";
    static final String FOCUS = "focus";
    static final String FORMER = "former";
    static final String POINTS = "points";
    static final String LABELS = "labels";
    /** From which zoom the names are written: a district's communes fit from 12, the districts of a city from 10. */
    static final int COMMUNE_LABEL_ZOOM = 12;
    static final int DISTRICT_LABEL_ZOOM = 10;
    static final String OVERLAY_PREFIX = "overlay-";
    static final String BUFFERS = "buffers";
    /** A swatch's colour is the data's (the map draws it too): the theme paints the swatch in it. */
    private static final String SWATCH_COLOR = "--sm-swatch-color";
    /**
     * Simplification for display, in degrees, by what is on screen: a whole province (about
     * 150 m a pixel) or a district's communes (about 20-40 m a pixel), so about 20 m and 5 m
     * stay under a pixel; the API serves full shapes. Every opening of the map sends these
     * shapes: at 5 m a province's districts were 350 KB.
     */
    private static final double PROVINCE_WIDE_SIMPLIFY = 0.0002;
    private static final double DISTRICT_WIDE_SIMPLIFY = 0.00005;
    private static final int SEARCH_LIMIT = 50;
    /** Rates are per this many residents. */

    private final AdminUnitService units;
    private final AdminStructures structures;
    private final Successions successions;
    private final AdminUnitFeatures features;
    private final LeafletMap map;
    private final Optional<HomeArea> homeArea;
    /** A combo box: the provinces reach the browser when it is opened, not with every map opened. */
    private final ComboBox<AdminUnit> province = new ComboBox<>();
    private final DatePicker asOfPicker = new DatePicker();
    private final Div structureNote = new Div();
    private final HorizontalLayout breadcrumb = new HorizontalLayout();
    private final TextField search = new TextField();
    private final Span listTitle = new Span();
    private final Grid<AdminUnit> list = new Grid<>();
    private final Div approximateNotice = new Div();
    private final Div areaNotice = new Div();

    private final List<ThematicLayer> thematicLayers;
    private final List<MapOverlays> overlays;
    private final CheckboxGroup<MapOverlays.Group> overlayChoice = new CheckboxGroup<>();
    private final Select<MapOverlays.Group> bufferGroup = new Select<>();
    private final IntegerField bufferMeters = new IntegerField();
    private final Select<String> theme = new Select<>();
    /** Links to the export API for the province shown: its units and the people per status, as files. */
    private final Div downloads = new Div();
    private final Select<ClassBreaks.Method> themeMethod = new Select<>();
    private final Checkbox themePoints = new Checkbox();
    private final Checkbox themeRate = new Checkbox();
    private final Div legend = new Div();
    private final Map<Long, LeafletMap.Label> labelCache = new HashMap<>();
    private final Div sources = new Div();

    /** The date whose units and figures are shown. */
    private LocalDate asOf;
    private AdminUnit currentProvince;
    private AdminUnit currentDistrict;
    private AdminUnit currentCommune;
    /** A unit of an earlier structure outlined over today's (a district officer's former district). */
    private AdminUnit formerArea;

    public MapView(AdminUnitService units, AdminStructures structures, Successions successions, AdminUnitFeatures features,
                   MapSettings settings, ObjectMapper json, List<ThematicLayer> thematicLayers, List<MapOverlays> overlays,
                   Optional<HomeArea> homeArea) {
        this.successions = successions;
        this.units = units;
        this.structures = structures;
        this.features = features;
        this.thematicLayers = thematicLayers;
        this.overlays = overlays;
        this.homeArea = homeArea;
        this.asOf = structures.today();
        this.map = new LeafletMap(json);
        map.setBaseLayer(settings.tileUrl(), settings.tileAttribution());
        map.addClassName("sm-map");
        map.addFeatureClickListener(e -> {
            if (!FORMER.equals(e.getLayer())) {
                units.find(e.getFeatureId(), asOf).ifPresent(this::navigateTo);
            }
        });

        HorizontalLayout root = getContent();
        root.setSizeFull();
        root.setPadding(false);
        root.setSpacing(false);
        root.addClassName("sm-map-view");
        root.add(sidePanel(), map);
        root.setFlexGrow(1, map);
    }

    private VerticalLayout sidePanel() {
        asOfPicker.setLabel(getTranslation("map.asOf"));
        DatePickers.localized(asOfPicker);
        asOfPicker.setValue(asOf);
        asOfPicker.setWidthFull();
        asOfPicker.addClassName("sm-as-of");
        asOfPicker.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null && currentProvince != null) {
                // units differ between structures: the province on the new date, its units drawn anew
                LocalDate day = e.getValue();
                AdminUnit then = units.find(currentProvince.getCode(), day)
                        .or(() -> units.provinces(day).stream().findFirst()).orElse(null);
                if (then == null) {
                    asOfPicker.setValue(asOf);
                    return;
                }
                navigate(then, day);
            }
        });
        structureNote.addClassName("sm-structure-note");

        province.setLabel(getTranslation("map.province"));
        province.setItemLabelGenerator(AdminUnit::getName);
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
        breadcrumb.addClassName("sm-breadcrumb");
        breadcrumb.getElement().setAttribute("aria-label", getTranslation("map.breadcrumb"));

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
        list.addColumn(LitRenderer.<AdminUnit>of("""
                        <div class="sm-unit-line"><div>${item.name}</div><div class="sm-unit-subtitle">${item.subtitle}</div></div>""")
                .withProperty("name", AdminUnit::getName)
                .withProperty("subtitle", u -> getTranslation("map.unit.subtitle", u.getUnitType(), u.getCode())));
        list.setSizeFull();
        list.setMinHeight("12rem");
        list.asSingleSelect().addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                navigateTo(e.getValue());
            }
        });
        listTitle.addClassName("sm-list-title");

        approximateNotice.setText(getTranslation("map.approximate.notice"));
        approximateNotice.addClassName("sm-approximate-notice");
        areaNotice.addClassName("sm-area-notice");
        // the notice is about the dashed outline on the map: it is marked in the outline's colour
        areaNotice.getStyle().set("--sm-former-color", Palette.FORMER_LINE);
        areaNotice.setVisible(false);

        Div boundaryLegend = new Div(new Div(getTranslation("map.legend.official")), new Div(getTranslation("map.legend.approximate")));
        boundaryLegend.addClassName("sm-boundary-legend");
        sources.addClassName("sm-boundary-legend");

        VerticalLayout panel = new VerticalLayout(asOfPicker, structureNote, province, breadcrumb, areaNotice, search, listTitle,
                list, approximateNotice, thematicControls(), legend, overlayControls(), bufferControls(), downloads,
                boundaryLegend, sources);
        panel.addClassName("sm-map-panel");
        panel.setWidth(null); // the theme sizes it (a column beside the map, above it on a phone)
        panel.setPadding(true);
        panel.setSpacing(false);
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
                .map(l -> variantLabel(l, o.substring(o.indexOf(':') + 1))).orElse(o));
        theme.setWidthFull();
        theme.addClassName("sm-theme");
        themeMethod.setLabel(getTranslation("map.theme.method"));
        themeMethod.setItems(ClassBreaks.Method.values());
        themeMethod.setItemLabelGenerator(m -> m == null ? "" : getTranslation("map.theme.method." + m.name()));
        themeMethod.setValue(ClassBreaks.Method.NATURAL_BREAKS);
        themeMethod.setWidthFull();
        themePoints.setLabel(getTranslation("map.theme.points"));
        themePoints.addClassName("sm-theme-points");
        themePoints.setVisible(false);
        themeRate.setLabel(getTranslation("map.theme.rate"));
        themeRate.addClassName("sm-theme-rate");
        theme.addValueChangeListener(e -> {
            themePoints.setVisible(e.getValue() != null && layerOf(e.getValue()).map(ThematicLayer::pointsAvailable).orElse(false));
            // a layer with its own scale (percents of a target, models) has neither a rate nor a choice of classes
            boolean ownScale = e.getValue() != null && layerOf(e.getValue())
                    .map(l -> l.fixedBreaks(e.getValue().substring(e.getValue().indexOf(':') + 1)) != null).orElse(false);
            themeRate.setVisible(!ownScale);
            themeMethod.setVisible(!ownScale);
            redrawTheme();
        });
        themeMethod.addValueChangeListener(e -> redrawTheme());
        themePoints.addValueChangeListener(e -> redrawTheme());
        themeRate.addValueChangeListener(e -> redrawTheme());
        VerticalLayout box = new VerticalLayout(theme, themeMethod, themeRate, themePoints);
        box.setPadding(false);
        box.setSpacing(false);
        legend.addClassName("sm-legend");
        return box;
    }

    private String variantLabel(ThematicLayer layer, String variant) {
        return getTranslation(layer.variantLabelKey(variant), layer.variantLabelArguments(variant).toArray());
    }

    /** The layer switcher of the point overlays (facilities, services), with each layer's colour as its legend. */
    private CheckboxGroup<MapOverlays.Group> overlayControls() {
        List<MapOverlays.Group> groups = overlays.stream().flatMap(o -> o.groups().stream()).toList();
        overlayChoice.setLabel(getTranslation("map.overlays"));
        overlayChoice.setItems(groups);
        overlayChoice.setRenderer(new ComponentRenderer<>(g -> {
            Span swatch = new Span();
            swatch.addClassName("sm-swatch-dot");
            swatch.getStyle().set(SWATCH_COLOR, g.color());
            return new Span(swatch, new Span(getTranslation(g.labelKey())));
        }));
        overlayChoice.addClassName("sm-overlays");
        overlayChoice.addValueChangeListener(e -> {
            for (MapOverlays.Group g : groups) {
                boolean on = e.getValue().contains(g);
                boolean was = e.getOldValue() != null && e.getOldValue().contains(g);
                if (on && !was && currentProvince != null) {
                    drawOverlay(g);
                } else if (!on && was) {
                    map.removeLayer(OVERLAY_PREFIX + g.id());
                }
            }
        });
        return overlayChoice;
    }

    private void drawOverlay(MapOverlays.Group g) {
        overlays.stream().filter(o -> o.groups().contains(g)).findFirst().ifPresent(o ->
                map.setMarkerLayer(OVERLAY_PREFIX + g.id(), o.features(g.id(), currentProvince.getCode(), asOf), g.color()));
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
        bufferMeters.setStep(100);
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
                o.features(g.id(), currentProvince.getCode(), asOf).features().forEach(f -> {
                    double[] c = (double[]) f.geometry().coordinates();
                    points.add(new double[] {c[0], c[1]});
                }));
        map.setCircleLayer(BUFFERS, points, meters, g.color());
    }

    private Optional<ThematicLayer> layerOf(String option) {
        String id = option.substring(0, option.indexOf(':'));
        return thematicLayers.stream().filter(l -> l.id().equals(id)).findFirst();
    }

    private AdminStructure structure() {
        return structures.on(asOf);
    }

    /** The units the province is divided into on the date: its districts, or (none) its communes. */
    private List<AdminUnit> provinceUnits() {
        return units.byLevel(currentProvince.getCode(), structure().below(AdminLevel.PROVINCE).orElseThrow(), asOf);
    }

    private void redrawTheme() {
        if (currentProvince == null) {
            return;
        }
        drawUnits();
        String option = theme.getValue();
        if (option != null && themePoints.getValue()) {
            map.setPointLayer(POINTS, layerOf(option).map(l -> l.points(option.substring(option.indexOf(':') + 1),
                    currentProvince.getCode(), asOf)).orElse(List.of()));
        } else {
            map.removeLayer(POINTS);
        }
    }

    /** Draws the province's units and, within a district, its communes, styled by the chosen data layer. */
    private void drawUnits() {
        List<AdminUnit> top = provinceUnits();
        if (structure().hasDistricts()) {
            // within a district the legend is the communes' scale: the neighbouring districts are drawn plain
            map.setLayer(DISTRICTS, layer(top, PROVINCE_WIDE_SIMPLIFY, currentDistrict == null), districtStyle());
            if (currentDistrict != null) {
                map.setLayer(COMMUNES, layer(units.children(currentDistrict), DISTRICT_WIDE_SIMPLIFY), communeStyle());
            } else {
                map.removeLayer(COMMUNES);
            }
        } else {
            map.removeLayer(DISTRICTS);
            map.setLayer(COMMUNES, layer(top, PROVINCE_WIDE_SIMPLIFY), communeStyle());
        }
        boolean districtsOnly = structure().hasDistricts() && currentDistrict == null;
        map.setLabelLayer(LABELS, labels(districtsOnly ? top : shownCommunes()),
                districtsOnly ? DISTRICT_LABEL_ZOOM : COMMUNE_LABEL_ZOOM);
        if (currentCommune != null) {
            map.setLayer(FOCUS, layer(List.of(currentCommune), DISTRICT_WIDE_SIMPLIFY, false), focusStyle());
        } else {
            map.removeLayer(FOCUS);
        }
        if (formerArea != null) {
            map.setLayer(FORMER, features.toFeatureCollection(List.of(formerArea), PROVINCE_WIDE_SIMPLIFY), formerStyle());
        } else {
            map.removeLayer(FORMER);
        }
    }

    /** Each unit's name without its kind ("Ba Đình", not "Phường Ba Đình"), at a point inside it (kept per unit: shapes do not change). */
    private List<LeafletMap.Label> labels(List<AdminUnit> shown) {
        return shown.stream().map(u -> labelCache.computeIfAbsent(u.getId(), id -> {
            org.locationtech.jts.geom.Point inside = u.getGeom().getInteriorPoint();
            String name = u.getName();
            String kind = u.getUnitType() == null ? "" : u.getUnitType() + " ";
            String text = !kind.isBlank() && name.startsWith(kind) && name.length() > kind.length() ? name.substring(kind.length()) : name;
            return new LeafletMap.Label(inside.getX(), inside.getY(), text);
        })).toList();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters();
        asOf = parameters.getSingleParameter("date").flatMap(MapView::parseDate).orElse(structures.today());
        asOfPicker.setValue(asOf);
        formerArea = null;
        AdminUnit target = parameters.getSingleParameter("unit").flatMap(code -> units.find(code, asOf))
                .or(this::home)
                .or(() -> units.provinces(asOf).stream().findFirst()).orElse(null);
        if (target != null) {
            show(target);
        }
    }

    private static Optional<LocalDate> parseDate(String text) {
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * Where the user's map opens: their unit as it is on the date; a unit of an earlier structure
     * (a district officer's former district, on today's map) is outlined over the province it lies in.
     */
    private Optional<AdminUnit> home() {
        Optional<UnitRef> ref = homeArea.flatMap(HomeArea::home);
        if (ref.isEmpty()) {
            return Optional.empty();
        }
        AdminStructure shown = structure();
        if (ref.get().structure().equals(shown.code())) {
            return units.find(ref.get().code(), asOf);
        }
        // the same unit on the date (a district of 2025-01 was that of 2022), else outlined over its province
        Optional<AdminUnit> same = successions.continuation(ref.get(), shown).flatMap(r -> units.find(r.code(), asOf));
        if (same.isPresent()) {
            return same;
        }
        Optional<AdminUnit> then = units.find(ref.get());
        if (then.isEmpty()) {
            return Optional.empty();
        }
        formerArea = then.get().getLevel() == AdminLevel.PROVINCE ? null : then.get();
        return units.find(then.get().getProvinceCode(), asOf).or(() -> units.find(ref.get().code(), asOf));
    }

    private void refreshDownloads() {
        downloads.removeAll();
        downloads.addClassName("sm-downloads");
        if (currentProvince == null) {
            return;
        }
        downloads.add(new Div(new Span(getTranslation("map.downloads"))));
        for (String[] d : new String[][] {{"admin-units", "map.downloads.units"}, {"status-counts", "map.downloads.status"}}) {
            Div line = new Div(new Span(getTranslation(d[1]) + ": "));
            for (String format : List.of("geojson", "gpkg", "csv", "xlsx")) {
                Anchor a = new Anchor("/api/v1/exports/" + d[0] + "?province=" + currentProvince.getCode() + "&level=commune&date="
                        + asOf + "&format=" + format + (format.equals("csv") || format.equals("xlsx")
                        ? "&headings=" + (getLocale().getLanguage().equals("en") ? "en" : "vi") : ""),
                        format.toUpperCase(Locale.ROOT));
                a.getElement().setAttribute("download", true);
                a.addClassName("sm-download-link");
                line.add(a);
            }
            downloads.add(line);
        }
    }

    private void navigateTo(AdminUnit unit) {
        navigate(unit, asOf);
    }

    private void navigate(AdminUnit unit, LocalDate day) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("unit", unit.getCode());
        if (!day.equals(structures.today())) {
            parameters.put("date", day.toString());
        }
        getUI().ifPresent(ui -> ui.navigate(MapView.class, QueryParameters.simple(parameters)));
    }

    /**
     * Shows a unit of the date's structure: a province with its districts (or, without districts,
     * its communes), a district with its communes, a commune within its district or province.
     */
    private void show(AdminUnit unit) {
        List<AdminUnit> path = units.path(unit);
        AdminUnit newProvince = path.getFirst();
        boolean districts = structure().hasDistricts();
        AdminUnit district = districts && path.size() > 1 ? path.get(1) : null;
        AdminUnit commune = path.size() > 1 && path.getLast().getLevel() == AdminLevel.COMMUNE ? path.getLast() : null;

        boolean provinceChanged = !newProvince.equals(currentProvince);
        currentProvince = newProvince;
        currentDistrict = district;
        currentCommune = commune;
        if (provinceChanged) {
            province.setItems((u, typed) -> VietnameseText.fold(u.getName()).contains(VietnameseText.fold(typed)),
                    units.provinces(asOf));
            province.setValue(newProvince);
            for (MapOverlays.Group g : overlayChoice.getValue()) {
                drawOverlay(g);
            }
        }
        refreshDownloads();
        renderStructureNote();
        search.setLabel(getTranslation(structure().hasDistricts() ? "map.search" : "map.search.today"));
        drawUnits();
        if (commune != null) {
            map.openPopup(COMMUNES, commune.getCode());
        }
        AdminUnit framed = unit.getLevel() == AdminLevel.PROVINCE && formerArea != null ? formerArea : unit;
        map.fitBounds(framed.getGeom().getEnvelopeInternal());
        approximateNotice.setVisible(shownCommunes().stream().anyMatch(AdminUnit::isApproximate));
        renderAreaNotice();
        renderBreadcrumb(path);
        refreshList();
        list.select(commune);
        getUI().ifPresent(ui -> ui.getPage().setTitle(getPageTitle()));
    }

    private List<AdminUnit> shownCommunes() {
        if (structure().hasDistricts()) {
            return currentDistrict == null ? List.of() : units.children(currentDistrict);
        }
        return currentProvince == null ? List.of() : provinceUnits();
    }

    /** Which units the date shows, and the credit for their boundaries. */
    private void renderStructureNote() {
        AdminStructure s = structure();
        structureNote.setText(getTranslation("structure." + s.code()));
        sources.setText(getTranslation(s.hasDistricts() ? "map.source.districts" : "map.source.today"));
    }

    /** For a unit of an earlier structure outlined on today's map: what it is and that its level ended. */
    private void renderAreaNotice() {
        if (formerArea == null) {
            areaNotice.setVisible(false);
            return;
        }
        AdminStructure former = structures.require(formerArea.getStructure());
        String key = formerArea.getLevel() == AdminLevel.DISTRICT ? "map.area.former" : "map.area.formerCommune";
        areaNotice.setText(getTranslation(key, formerArea.getName(),
                former.validTo() == null ? "" : former.validTo().format(DateTimeFormatter.ofPattern("dd/MM/yyyy"))));
        areaNotice.setVisible(true);
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
                here.addClassName("sm-breadcrumb-here");
                breadcrumb.add(here);
            }
        }
    }

    private void refreshList() {
        String query = search.getValue();
        List<AdminUnit> shown;
        if (query != null && !query.isBlank() && currentProvince != null) {
            shown = units.search(currentProvince.getCode(), query, SEARCH_LIMIT, asOf);
            listTitle.setText(shown.isEmpty() ? getTranslation("map.search.none")
                    : getTranslation("map.list.results", shown.size()));
        } else if (currentDistrict != null) {
            shown = units.children(currentDistrict);
            listTitle.setText(getTranslation("map.list.communes", shown.size()));
        } else if (currentProvince != null && formerArea != null && currentCommune == null) {
            // an officer of a former unit starts from the communes of today lying in it, not the whole city
            shown = units.overlapping(formerArea, asOf);
            listTitle.setText(getTranslation("map.list.communes.former", formerArea.getName(), shown.size()));
        } else if (currentProvince != null) {
            shown = provinceUnits();
            listTitle.setText(getTranslation(structure().hasDistricts() ? "map.list.districts" : "map.list.communes.today",
                    shown.size()));
        } else {
            shown = List.of();
        }
        list.setItems(shown);
    }

    private GeoJson.FeatureCollection layer(List<AdminUnit> shown, double simplify) {
        return layer(shown, simplify, true);
    }

    private GeoJson.FeatureCollection layer(List<AdminUnit> shown, double simplify, boolean themed) {
        GeoJson.FeatureCollection collection = features.toFeatureCollection(shown, simplify);
        Theme theme = themed ? theme(shown) : null;
        Map<String, Long> communes = shown.isEmpty() || currentProvince == null ? Map.of()
                : units.childCounts(currentProvince.getCode(), shown.getFirst().getLevel(), asOf);
        List<GeoJson.Feature> decorated = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            AdminUnit unit = shown.get(i);
            GeoJson.Feature f = collection.features().get(i);
            Map<String, Object> p = new LinkedHashMap<>(f.properties());
            List<String> lines = describe(unit, communes);
            if (theme != null) {
                lines.add(theme.valueText(unit.getCode()));
            }
            // the tooltip is text, line by line (the map writes it as text); the popup escaped HTML
            p.put("_tooltip", String.join("\n", lines));
            p.put("_popup", popup(lines));
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

    /** The chosen data layer's values (counts, or per 100,000 residents) and classes for the units shown, or null. */
    private Theme theme(List<AdminUnit> shown) {
        String option = theme.getValue();
        if (option == null || shown.isEmpty() || shown.getFirst().getLevel() == AdminLevel.PROVINCE) {
            legend.removeAll();
            return null;
        }
        ThematicLayer layer = layerOf(option).orElse(null);
        if (layer == null) {
            return null;
        }
        String variant = option.substring(option.indexOf(':') + 1);
        ThematicLayer.Caption nothing = layer.nothingToShow(variant, currentProvince.getCode(), shown.getFirst().getLevel(), asOf);
        if (nothing != null) {
            // the units are drawn plain, and the legend says why rather than showing a scale nothing is on
            legend.removeAll();
            Div line = new Div(new Span(getTranslation(nothing.key(), nothing.arguments().toArray())));
            line.addClassName("sm-legend-caption");
            legend.add(new Div(new Span(variantLabel(layer, variant))), line);
            return null;
        }
        ThematicLayer.Values values = layer.values(variant, currentProvince.getCode(), shown.getFirst().getLevel(), asOf);
        boolean rate = themeRate.getValue() && layer.fixedBreaks(variant) == null;
        Map<String, Double> shownValues = new HashMap<>();
        for (AdminUnit u : shown) {
            Long v = values.byUnit().get(u.getCode());
            if (v == null) {
                continue;
            }
            if (!rate) {
                shownValues.put(u.getCode(), v.doubleValue());
            } else if (u.per100k(v) != null) {
                shownValues.put(u.getCode(), u.per100k(v));
            }
        }
        double[] known = shownValues.values().stream().filter(v -> v > 0).mapToDouble(Double::doubleValue).toArray();
        double[] fixed = layer.fixedBreaks(variant);
        double[] breaks = fixed != null ? fixed : ClassBreaks.of(themeMethod.getValue() == null
                ? ClassBreaks.Method.NATURAL_BREAKS : themeMethod.getValue(), known, Palette.COUNTS.size());
        String label = variantLabel(layer, variant) + (rate ? " " + getTranslation("map.theme.rate.unit") : "");
        Map<Long, String[]> named = namedClasses(layer.legendClasses(variant));
        Theme result = new Theme(label, shownValues, values, rate, breaks, fixed != null, layer.valueSuffix(variant),
                layer.hiddenLabelKey(variant), getLocale(), named);
        renderLegend(result);
        ThematicLayer.Caption caption = layer.caption(variant, currentProvince.getCode(), asOf);
        if (caption != null) {
            Div line = new Div(new Span(getTranslation(caption.key(), caption.arguments().toArray())));
            line.addClassName("sm-legend-caption");
            legend.add(line);
        }
        return result;
    }

    /**
     * @param values the values drawn (counts or rates); a unit without one is hidden (small count)
     *               or, for rates, without a known population
     */
    /** A layer's named classes: value → {translated label, colour}, in the layer's order; null for counts. */
    private Map<Long, String[]> namedClasses(List<ThematicLayer.LegendClass> classes) {
        if (classes == null) {
            return null;
        }
        Map<Long, String[]> named = new LinkedHashMap<>();
        classes.forEach(c -> named.put(c.value(), new String[] {getTranslation(c.labelKey()), c.color()}));
        return named;
    }

    /**
     * @param fixed  whether the breaks are the layer's own scale (then every class is named from its
     *               bounds) rather than the data's (then the first class starts at the smallest value)
     * @param suffix what follows each value, e.g. "%"
     */
    private record Theme(String label, Map<String, Double> values, ThematicLayer.Values raw, boolean rate, double[] breaks,
                         boolean fixed, String suffix, String hiddenKey, Locale locale, Map<Long, String[]> named) {
        String color(String code) {
            Double v = values.get(code);
            if (v == null) {
                return Palette.NO_VALUE;
            }
            if (named != null) {
                String[] c = named.get(v.longValue());
                return c == null ? Palette.NO_VALUE : c[1];
            }
            if (v == 0 || breaks.length == 0) {
                return Palette.ZERO;
            }
            return Palette.COUNTS.get(Palette.COUNTS.size() - breaks.length + ClassBreaks.classOf(breaks, v));
        }

        /** "label: value", as text. */
        String valueText(String code) {
            Double v = values.get(code);
            Long count = raw.byUnit().get(code);
            if (named != null) {
                String[] c = count == null ? null : named.get(count);
                return label + ": " + (c == null ? "" : c[0]);
            }
            String text = count == null ? (raw.suppressed() ? "<" + raw.threshold() : "") : format(v == null ? count : v);
            return label + ": " + text;
        }

        /**
         * The range of class {@code i}: from the smallest value drawn (first class of the data's
         * breaks) or the bound after the previous class, to its own bound; one value when both meet.
         * Counts are whole, so a class after "… – 24" starts at 25; rates continue from the bound.
         */
        String classText(int i) {
            double upper = breaks[i];
            double lower;
            if (i > 0) {
                lower = rate ? breaks[i - 1] : breaks[i - 1] + 1;
            } else if (fixed) {
                lower = 1;
            } else {
                lower = values.values().stream().filter(v -> v > 0).mapToDouble(Double::doubleValue).min().orElse(1);
            }
            if (upper == Double.MAX_VALUE) {
                return "≥ " + format(lower);
            }
            if (format(lower).equals(format(upper)) || lower > upper) {
                return format(upper);
            }
            String from = format(lower);
            // "12 – 34%", not "12% – 34%"
            return (suffix.isEmpty() ? from : from.substring(0, from.length() - suffix.length())) + " – " + format(upper);
        }

        String format(double value) {
            java.text.NumberFormat f = java.text.NumberFormat.getNumberInstance(locale);
            f.setMaximumFractionDigits(rate ? 1 : 0);
            f.setGroupingUsed(true);
            return f.format(value) + suffix;
        }
    }

    private void renderLegend(Theme theme) {
        legend.removeAll();
        legend.add(new Div(new Span(theme.label())));
        if (theme.named() != null) {
            theme.named().values().forEach(c -> legend.add(legendRow(c[1], c[0])));
            return;
        }
        for (int i = 0; i < theme.breaks().length; i++) {
            legend.add(legendRow(Palette.COUNTS.get(Palette.COUNTS.size() - theme.breaks().length + i), theme.classText(i)));
        }
        legend.add(legendRow(Palette.ZERO, theme.format(0)));
        if (theme.raw().suppressed()) {
            legend.add(legendRow(Palette.NO_VALUE, getTranslation(theme.hiddenKey(), theme.raw().threshold())));
        }
        if (theme.rate()) {
            legend.add(legendRow(Palette.NO_VALUE, getTranslation("map.theme.rate.unknown")));
        }
    }

    private Div legendRow(String color, String text) {
        Span swatch = new Span();
        swatch.addClassName("sm-swatch");
        swatch.getStyle().set(SWATCH_COLOR, color);
        Div row = new Div(swatch, new Span(text));
        row.addClassName("sm-legend-row");
        return row;
    }

    /** What a unit's tooltip and popup say, line by line, as text. */
    private List<String> describe(AdminUnit unit, Map<String, Long> communes) {
        List<String> lines = new ArrayList<>(List.of(unit.getName(), unit.getUnitType(),
                getTranslation("map.popup.code", unit.getCode()),
                getTranslation(unit.isApproximate() ? "map.popup.boundary.approximate" : "map.popup.boundary.official")));
        if (unit.getPopulation() != null) {
            lines.add(getTranslation("map.popup.population", java.text.NumberFormat.getIntegerInstance(getLocale())
                    .format(unit.getPopulation())));
        }
        if (unit.getLevel() == AdminLevel.DISTRICT) {
            lines.add(getTranslation("map.popup.communes", communes.getOrDefault(unit.getCode(), 0L)));
        }
        return lines;
    }

    /** The popup's HTML: the lines escaped, the first in bold. */
    private static String popup(List<String> lines) {
        StringBuilder html = new StringBuilder("<strong>").append(HtmlUtils.htmlEscape(lines.getFirst())).append("</strong>");
        lines.subList(1, lines.size()).forEach(line -> html.append("<br>").append(HtmlUtils.htmlEscape(line)));
        return html.toString();
    }

    private LeafletMap.LayerOptions withSource(LeafletMap.LayerOptions options) {
        return options.withAttribution(getTranslation(structure().attributionKey()));
    }

    private LeafletMap.LayerOptions districtStyle() {
        return withSource(new LeafletMap.LayerOptions(
                Map.of("color", Palette.DISTRICT_LINE, "weight", 1.5, "fillColor", Palette.DISTRICT_FILL, "fillOpacity", 0.25),
                Map.of("weight", 3, "fillOpacity", 0.4),
                List.of("code", "level"), 400));
    }

    private LeafletMap.LayerOptions communeStyle() {
        return withSource(new LeafletMap.LayerOptions(
                Map.of("color", Palette.COMMUNE_LINE, "weight", 1, "fillColor", Palette.COMMUNE_FILL, "fillOpacity", 0.35),
                Map.of("weight", 2.5, "fillOpacity", 0.55),
                List.of("code", "level"), 450));
    }

    private static LeafletMap.LayerOptions focusStyle() {
        return new LeafletMap.LayerOptions(
                Map.of("color", Palette.HIGHLIGHT_LINE, "weight", 3, "fill", false, "interactive", false),
                null, List.of("code"), 500);
    }

    /** A former district over today's communes: a dashed outline that lets clicks through. */
    private static LeafletMap.LayerOptions formerStyle() {
        return new LeafletMap.LayerOptions(
                Map.of("color", Palette.FORMER_LINE, "weight", 3, "dashArray", "8 6", "fill", false, "interactive", false),
                null, List.of("code"), 480);
    }

    @Override
    public String getPageTitle() {
        String place = currentCommune != null ? currentCommune.getName() : currentDistrict != null ? currentDistrict.getName()
                : currentProvince != null ? currentProvince.getName() : "";
        return getTranslation("map.title") + (place.isEmpty() ? "" : " – " + place) + " | " + getTranslation("app.title");
    }
}
