package vn.socialmap.imports.ui;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import tools.jackson.databind.ObjectMapper;

import vn.socialmap.base.ValidationException;
import vn.socialmap.base.geojson.GeoJson;
import vn.socialmap.base.ui.MapSettings;
import vn.socialmap.base.ui.Palette;
import vn.socialmap.base.ui.map.LeafletMap;
import vn.socialmap.geography.AdminLevel;
import vn.socialmap.geography.AdminStructure;
import vn.socialmap.geography.AdminStructures;
import vn.socialmap.geography.AdminUnit;
import vn.socialmap.geography.AdminUnitService;
import vn.socialmap.imports.boundaries.BoundaryImportService;
import vn.socialmap.imports.boundaries.CoordinateSystems;

/**
 * Administrators load official boundaries: the file is read and checked, the report and
 * the new shapes (red) over the current ones (blue) are shown, and nothing changes until
 * the administrator commits.
 */
@Route("admin/boundaries")
@Menu(order = 13, title = "nav.boundaries")
@RolesAllowed("ADMIN")
public class BoundaryImportView extends Composite<HorizontalLayout> implements HasDynamicTitle {

    private final BoundaryImportService imports;
    private final AdminUnitService units;
    private final ObjectMapper json;
    private final LeafletMap map;
    private final Select<AdminUnit> province = new Select<>();
    private final Select<AdminLevel> level = new Select<>();
    private final Select<AdminStructure> structure = new Select<>();
    private final AdminStructures structures;
    private final TextField codeField = new TextField();
    private final TextField nameField = new TextField();
    private final NumberField tolerance = new NumberField();
    private final Select<Integer> crs = new Select<>();
    private final Checkbox confirmLarge = new Checkbox();
    private final Div report = new Div();
    private final Button commit = new Button();
    private final Button cancel = new Button();
    private final NumberFormat number = NumberFormat.getNumberInstance(Locale.of("vi"));
    private Long importId;
    /** The last file refused before staging, read again when the user then names its coordinate system. */
    private byte[] refusedFile;
    private String refusedFileName;

    public BoundaryImportView(BoundaryImportService imports, AdminUnitService units, AdminStructures structures,
                              MapSettings settings, ObjectMapper json, CoordinateSystems coordinateSystems) {
        this.structures = structures;
        this.imports = imports;
        this.units = units;
        this.json = json;
        this.map = new LeafletMap(json);
        map.setBaseLayer(settings.tileUrl(), settings.tileAttribution());
        map.addClassName("sm-boundaries-map");
        map.setSizeFull();
        number.setMaximumFractionDigits(1);
        HorizontalLayout root = getContent();
        root.setSizeFull();
        root.setPadding(false);
        root.setSpacing(false);
        root.add(panel(coordinateSystems.choices()), map);
        root.setFlexGrow(1, map);
    }

    private VerticalLayout panel(List<Integer> crsChoices) {
        List<AdminUnit> provinces = units.provinces();
        province.setLabel(getTranslation("map.province"));
        province.setItems(provinces);
        province.setItemLabelGenerator(AdminUnit::getName);
        province.setValue(provinces.getFirst());
        province.addClassName("sm-boundaries-province");
        // codes are reused across structures: the file's shapes are for the units of one of them
        structure.setLabel(getTranslation("boundaries.structure"));
        structure.setItems(structures.all());
        structure.setItemLabelGenerator(st -> st == null ? "" : getTranslation("structure.short." + st.code()));
        structure.addClassName("sm-boundaries-structure");
        level.setLabel(getTranslation("boundaries.level"));
        level.setItemLabelGenerator(l -> l == null ? "" : getTranslation("analytics.level." + l.name()));
        structure.addValueChangeListener(e -> {
            List<AdminLevel> levels = e.getValue().levels().stream().filter(l -> l != AdminLevel.PROVINCE).toList();
            level.setItems(levels);
            level.setValue(levels.getFirst());
        });
        structure.setValue(structures.current());
        codeField.setLabel(getTranslation("boundaries.codeField"));
        codeField.setValue("code");
        nameField.setLabel(getTranslation("boundaries.nameField"));
        nameField.setValue("name");
        tolerance.setLabel(getTranslation("boundaries.tolerance"));
        tolerance.setValue(10_000.0);
        tolerance.setMin(0);
        // asked, never guessed: a Shapefile without .prj in metres read as degrees once passed every check
        crs.setLabel(getTranslation("boundaries.crs"));
        crs.setItems(crsChoices);
        crs.setEmptySelectionAllowed(true);
        crs.setEmptySelectionCaption(getTranslation("boundaries.crs.none"));
        crs.setItemLabelGenerator(c -> c == null ? getTranslation("boundaries.crs.none") : getTranslation("boundaries.crs." + c));
        crs.setWidthFull();
        crs.addClassName("sm-boundaries-crs");
        crs.addValueChangeListener(e -> {
            crs.setInvalid(false);
            if (e.isFromClient() && refusedFile != null && e.getValue() != null) {
                staged(refusedFile, refusedFileName);
            }
        });
        Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> getUI().ifPresent(ui -> ui.access(() ->
                staged(bytes, metadata.fileName())))));
        upload.setAcceptedFileTypes(".geojson", ".json", ".zip", ".gpkg");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(200 * 1024 * 1024);
        upload.addClassName("sm-boundaries-upload");
        vn.socialmap.base.ui.UploadTexts.localized(upload);
        report.addClassName("sm-boundaries-report");
        confirmLarge.setLabel(getTranslation("boundaries.confirm"));
        confirmLarge.addClassName("sm-boundaries-confirm");
        confirmLarge.setVisible(false);
        confirmLarge.addValueChangeListener(e -> commit.setEnabled(e.getValue()));
        commit.setText(getTranslation("boundaries.commit"));
        commit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        commit.addClassName("sm-boundaries-commit");
        commit.addClickListener(e -> close(true));
        cancel.setText(getTranslation("boundaries.cancel"));
        cancel.addClassName("sm-boundaries-cancel");
        cancel.addClickListener(e -> close(false));
        commit.setVisible(false);
        cancel.setVisible(false);
        VerticalLayout panel = new VerticalLayout(new H2(getTranslation("boundaries.title")),
                new Span(getTranslation("boundaries.explain")), province, new HorizontalLayout(structure, level),
                new HorizontalLayout(codeField, nameField), tolerance, crs,
                upload, report, confirmLarge, new HorizontalLayout(commit, cancel));
        panel.setWidth("30rem");
        panel.setMinWidth("30rem");
        panel.setHeightFull();
        panel.addClassName("sm-boundaries-panel");
        return panel;
    }

    private void staged(byte[] bytes, String fileName) {
        report.removeAll();
        try {
            BoundaryImportService.Report r = imports.stage(bytes, fileName, new BoundaryImportService.Options(
                    province.getValue().getCode(), level.getValue(), codeField.getValue(), nameField.getValue(),
                    tolerance.getValue() == null ? 0 : tolerance.getValue(), structure.getValue().code(), crs.getValue()));
            importId = r.importId();
            refusedFile = null;
            refusedFileName = null;
            show(r);
        } catch (ValidationException e) {
            importId = null;
            Span error = new Span(e.describe((k, a) -> getTranslation(k, a)));
            error.addClassName("sm-boundaries-error");
            report.add(error);
            if ("crs".equals(e.field())) {
                // the answer is the coordinate system: choosing one reads the same file again
                refusedFile = bytes;
                refusedFileName = fileName;
                crs.setInvalid(true);
                crs.setErrorMessage(getTranslation("boundaries.crs.required"));
            }
            commit.setVisible(false);
            cancel.setVisible(false);
            confirmLarge.setVisible(false);
        }
    }

    private void show(BoundaryImportService.Report r) {
        String source = r.chosenEpsg() != null
                ? getTranslation("boundaries.crs.chosen", getTranslation("boundaries.crs." + r.chosenEpsg())) : r.sourceCrs();
        Span read = new Span(getTranslation("boundaries.read", r.features(), r.format(), source));
        read.addClassName("sm-boundaries-source");
        report.add(new Div(read));
        section("boundaries.outside", r.outside().stream().map(o -> getTranslation("boundaries.outside.line",
                o.code() + (o.name() == null ? "" : " " + o.name()), number.format(o.distanceM() / 1000))).toList());
        section("boundaries.unknown", r.unknownCodes());
        section("boundaries.missing", r.missingUnits());
        section("boundaries.duplicates", r.duplicateCodes());
        section("boundaries.invalid", r.invalid().stream().map(i -> i.code() + ": " + i.reason() + " – "
                + getTranslation(i.repaired() ? "boundaries.repaired" : "boundaries.refused")).toList());
        section("boundaries.overlaps", r.overlaps().stream().map(o -> o.first() + " × " + o.second() + ": "
                + number.format(o.areaM2() / 10_000) + " ha").toList());
        section("boundaries.gaps", r.gaps().stream().map(g -> String.format(Locale.ROOT, "%.5f, %.5f", g.lat(), g.lon()) + ": "
                + number.format(g.areaM2() / 10_000) + " ha").toList());
        section("boundaries.changes", r.changes().stream().filter(c -> c.changedPercent() >= 0.1)
                .map(c -> c.code() + " " + c.name() + ": " + number.format(c.changedPercent()) + "%").toList());
        long large = r.changes().stream().filter(BoundaryImportService.Change::large).count();
        if (large > 0) {
            Span warning = new Span(getTranslation("boundaries.large", large, number.format(r.largeChangePercent())));
            warning.addClassName("sm-boundaries-large");
            report.add(new Div(warning));
        }
        boolean confirming = r.committable() && r.confirmationNeeded();
        Span verdict = new Span(getTranslation(!r.committable() ? "boundaries.notReady"
                : confirming ? "boundaries.readyAfterConfirm" : "boundaries.ready"));
        verdict.addClassName(r.committable() ? "sm-boundaries-verdict-ready" : "sm-boundaries-verdict-refused");
        report.add(new Div(verdict));
        confirmLarge.setValue(false);
        confirmLarge.setVisible(confirming);
        commit.setVisible(r.committable());
        commit.setEnabled(!confirming);
        cancel.setVisible(true);
        preview(r.importId());
    }

    private void section(String key, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        Div box = new Div(new H4(getTranslation(key, lines.size())));
        lines.stream().limit(50).forEach(l -> box.add(new Div(new Span(l))));
        if (lines.size() > 50) {
            box.add(new Div(new Span("…")));
        }
        report.add(box);
    }

    /** Current shapes in blue, the file's in red, over one another. */
    private void preview(long id) {
        List<AdminUnit> current = units.byLevel(province.getValue().getCode(), level.getValue(),
                structures.dayWithin(structure.getValue(), structures.today()));
        List<GeoJson.Feature> old = new ArrayList<>();
        for (AdminUnit u : current) {
            old.add(new GeoJson.Feature(u.getCode(), GeoJson.geometry(u.getGeom()), Map.of("_tooltip", u.getCode() + " " + u.getName())));
        }
        map.setLayer("current", new GeoJson.FeatureCollection(old), new LeafletMap.LayerOptions(
                Map.of("color", Palette.DISTRICT_LINE, "weight", 1.5, "fillOpacity", 0.05), null, List.of(), 400));
        List<GeoJson.Feature> staged = new ArrayList<>();
        for (String[] s : imports.stagedShapes(id)) {
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("_tooltip", s[0]);
            staged.add(new GeoJson.Feature(s[0], json.readValue(s[1], GeoJson.GeometryObject.class), props));
        }
        map.setLayer("staged", new GeoJson.FeatureCollection(staged), new LeafletMap.LayerOptions(
                Map.of("color", Palette.HIGHLIGHT_LINE, "weight", 2, "dashArray", "6 4", "fillOpacity", 0), null, List.of(), 420));
        map.fitBounds(province.getValue().getGeom().getEnvelopeInternal());
    }

    private void close(boolean apply) {
        if (importId == null) {
            return;
        }
        try {
            if (apply) {
                imports.commit(importId, confirmLarge.getValue());
            } else {
                imports.cancel(importId);
            }
            report.removeAll();
            Span done = new Span(getTranslation(apply ? "boundaries.committed" : "boundaries.cancelled"));
            done.addClassName("sm-boundaries-done");
            report.add(done);
            map.removeLayer("staged");
        } catch (ValidationException e) {
            report.add(new Div(new Span(e.describe((k, a) -> getTranslation(k, a)))));
        }
        importId = null;
        commit.setVisible(false);
        cancel.setVisible(false);
        confirmLarge.setVisible(false);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("boundaries.title") + " | " + getTranslation("app.title");
    }
}
