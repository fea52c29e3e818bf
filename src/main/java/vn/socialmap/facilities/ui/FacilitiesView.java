package vn.socialmap.facilities.ui;

import java.time.format.DateTimeFormatter;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import tools.jackson.databind.ObjectMapper;

import vn.socialmap.base.text.VietnameseText;
import vn.socialmap.facilities.Facility;
import vn.socialmap.facilities.FacilityHistory;
import vn.socialmap.facilities.FacilityImport;
import vn.socialmap.facilities.FacilityService;
import vn.socialmap.facilities.FacilityType;
import vn.socialmap.geography.AdminUnit;
import vn.socialmap.geography.AdminUnitFeatures;
import vn.socialmap.geography.AdminUnitService;

/** The registry as a list: filter by kind and name; register, change and see the history of a facility. */
@Route("facilities")
@Menu(order = 5, title = "nav.facilities")
@PermitAll
public class FacilitiesView extends VerticalLayout implements HasDynamicTitle, com.vaadin.flow.router.BeforeEnterObserver {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(vn.socialmap.base.VietnamTime.ZONE);

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final FacilityService facilities;
    private final FacilityHistory lineage;
    private final AdminUnitService units;
    private final Grid<Facility> grid = new Grid<>();
    private final Select<FacilityType> type = new Select<>();
    private final TextField search = new TextField();
    private Long only;

    public FacilitiesView(FacilityService facilities, FacilityHistory lineage, FacilityImport imports, AdminUnitService units,
                          AdminUnitFeatures features, ObjectMapper json) {
        this.facilities = facilities;
        this.lineage = lineage;
        this.units = units;
        setSizeFull();
        type.setLabel(getTranslation("facilities.type"));
        type.setItems(FacilityType.values());
        type.setEmptySelectionAllowed(true);
        type.setEmptySelectionCaption(getTranslation("persons.any"));
        type.setItemLabelGenerator(t -> t == null ? getTranslation("persons.any") : getTranslation("facility.type." + t.name()));
        type.addValueChangeListener(e -> refresh());
        search.setLabel(getTranslation("facilities.search"));
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        search.addValueChangeListener(e -> refresh());

        // a merger's successor may carry a former facility's name: its opening day tells them apart
        grid.addColumn(this::label).setHeader(getTranslation("facilities.name")).setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(f -> getTranslation("facility.type." + f.getType().name())).setHeader(getTranslation("facilities.type")).setAutoWidth(true);
        grid.addColumn(f -> units.find(f.getCommuneCode()).map(AdminUnit::getName).orElse(f.getCommuneCode()))
                .setHeader(getTranslation("persons.commune")).setAutoWidth(true);
        grid.addColumn(f -> getTranslation("facility.status." + f.getStatus().name()) + " · "
                + f.getStatusSince().format(DateTimeFormatter.ofPattern("dd/MM/yyyy"))).setHeader(getTranslation("facilities.status")).setAutoWidth(true);
        grid.addComponentColumn(f -> {
            HorizontalLayout actions = new HorizontalLayout();
            Button history = new Button(getTranslation("facilities.history"), e -> openHistory(f));
            history.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            actions.add(history);
            if (facilities.registrableCommunes(f.getProvinceCode()).stream().anyMatch(c -> c.getCode().equals(f.getCommuneCode()))) {
                Button edit = new Button(getTranslation("users.edit"),
                        e -> new FacilityDialog(facilities, units, features, json, facilities.get(f.getId()), this::refresh).open());
                edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                actions.add(edit);
            }
            return actions;
        }).setHeader(getTranslation("users.actions")).setAutoWidth(true);
        grid.setSizeFull();

        HorizontalLayout tools = new HorizontalLayout(type, search);
        tools.setAlignItems(FlexComponent.Alignment.BASELINE);
        if (facilities.mayRegister()) {
            Button add = new Button(getTranslation("facilities.new"),
                    e -> new FacilityDialog(facilities, units, features, json, null, this::refresh).open());
            add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add.addClassName("sm-facility-new");
            tools.add(add);
        }
        add(new H2(getTranslation("facilities.title")), tools);
        if (facilities.mayRegister()) {
            add(importTools(imports));
        }
        add(grid);
        refresh();
    }

    /** Template, mode and upload of the XLSX import; rejected rows come back as a file to fix. */
    private HorizontalLayout importTools(FacilityImport imports) {
        com.vaadin.flow.component.html.Anchor template = new com.vaadin.flow.component.html.Anchor(
                (com.vaadin.flow.server.streams.DownloadHandler) event -> {
                    event.setFileName("mau-co-so.xlsx");
                    event.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
                    imports.writeTemplate(key -> getTranslation(key), event.getOutputStream());
                }, getTranslation("facilityimport.template"));
        template.getElement().setAttribute("download", true);
        com.vaadin.flow.component.select.Select<FacilityImport.Mode> mode = new com.vaadin.flow.component.select.Select<>();
        mode.setItems(FacilityImport.Mode.values());
        mode.setItemLabelGenerator(m -> getTranslation("facilityimport.mode." + m.name()));
        mode.setValue(FacilityImport.Mode.ALL_OR_NOTHING);
        mode.addClassName("sm-facility-import-mode");
        mode.setWidth("22rem");
        com.vaadin.flow.component.html.Span result = new com.vaadin.flow.component.html.Span();
        result.addClassName("sm-facility-import-result");
        com.vaadin.flow.component.html.Div rejectedLink = new com.vaadin.flow.component.html.Div();
        com.vaadin.flow.component.upload.Upload upload = new com.vaadin.flow.component.upload.Upload(
                com.vaadin.flow.server.streams.UploadHandler.inMemory((metadata, bytes) -> getUI().ifPresent(ui -> ui.access(() -> {
                    rejectedLink.removeAll();
                    try {
                        FacilityImport.Result r = imports.importXlsx(bytes, "01", mode.getValue());
                        result.setText(getTranslation(r.applied() ? "facilityimport.done" : "facilityimport.refused",
                                r.created(), r.updated(), r.unchanged(), r.rejected().size()));
                        result.setClassName("sm-outcome-ok", r.rejected().isEmpty());
                        result.setClassName("sm-outcome-failed", !r.rejected().isEmpty());
                        if (!r.rejected().isEmpty()) {
                            com.vaadin.flow.component.html.Anchor file = new com.vaadin.flow.component.html.Anchor(
                                    (com.vaadin.flow.server.streams.DownloadHandler) event -> {
                                        event.setFileName("dong-bi-tu-choi.xlsx");
                                        event.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
                                        imports.writeRejected(r.rejected(), x -> getTranslation(x.messageKey(), x.arguments().toArray()),
                                                key -> getTranslation(key), event.getOutputStream());
                                    }, getTranslation("facilityimport.rejected.download"));
                            file.getElement().setAttribute("download", true);
                            file.addClassName("sm-facility-import-rejected");
                            rejectedLink.add(file);
                            r.rejected().stream().limit(5).forEach(x -> rejectedLink.add(new com.vaadin.flow.component.html.Div(
                                    getTranslation("plans.import.row", x.row(), getTranslation(x.messageKey(), x.arguments().toArray())))));
                        }
                        refresh();
                    } catch (vn.socialmap.base.ValidationException e) {
                        result.setText(e.describe((k, a) -> getTranslation(k, a)));
                        result.setClassName("sm-outcome-ok", false);
                        result.setClassName("sm-outcome-failed", true);
                    }
                }))));
        upload.setAcceptedFileTypes(".xlsx");
        upload.setMaxFiles(1);
        vn.socialmap.base.ui.UploadTexts.localized(upload);
        upload.setUploadButton(new Button(getTranslation("facilityimport.upload")));
        HorizontalLayout box = new HorizontalLayout(mode, upload, template, result, rejectedLink);
        box.setAlignItems(FlexComponent.Alignment.CENTER);
        return box;
    }

    /** {@code ?id=N} (the link in map popups) shows that one record. */
    @Override
    public void beforeEnter(com.vaadin.flow.router.BeforeEnterEvent event) {
        only = event.getLocation().getQueryParameters().getSingleParameter("id").map(v -> {
            try {
                return Long.valueOf(v);
            } catch (NumberFormatException e) {
                return null;
            }
        }).orElse(null);
        refresh();
    }

    private void refresh() {
        String q = VietnameseText.fold(search.getValue());
        grid.setItems(facilities.find(new FacilityService.Query("01", type.getValue() == null ? null
                        : java.util.List.of(type.getValue()), null, null, null)).stream()
                .filter(f -> only == null || only.equals(f.getId()))
                .filter(f -> q.isEmpty() || VietnameseText.fold(f.getName()).contains(q)).toList());
    }

    private void openHistory(Facility f) {
        Dialog dialog = new Dialog(getTranslation("facilities.history") + ": " + f.getName());
        Grid<FacilityService.Change> changes = new Grid<>();
        changes.addColumn(c -> TIME.format(c.changedAt())).setHeader(getTranslation("audit.time")).setAutoWidth(true);
        changes.addColumn(FacilityService.Change::changedBy).setHeader(getTranslation("audit.user")).setAutoWidth(true);
        changes.addColumn(c -> getTranslation("facilities.change." + c.what())).setHeader(getTranslation("audit.action")).setAutoWidth(true);
        changes.addColumn(c -> c.before() == null ? "" : c.before()).setHeader(getTranslation("facilities.before")).setFlexGrow(1);
        changes.setItems(facilities.history(f.getId()));
        changes.setAllRowsVisible(true);
        if (f.getCode() != null) {
            addLineage(dialog, f);
        }
        dialog.add(new com.vaadin.flow.component.html.H4(getTranslation("facilities.changes")), changes);
        dialog.setWidth("80rem");
        dialog.getFooter().add(new Button(getTranslation("users.cancel"), e -> dialog.close()));
        dialog.open();
    }

    private String label(Facility f) {
        return f.getOpenedOn() == null ? f.getName() : getTranslation("facilities.openedOn", f.getName(), DAY.format(f.getOpenedOn()));
    }

    /** Who ran the facility when, and the mergers it took part in, each with its source. */
    private void addLineage(Dialog dialog, Facility f) {
        var operators = lineage.operators(f.getProvinceCode(), f.getCode());
        if (!operators.isEmpty()) {
            Grid<FacilityHistory.OperatorPeriod> grid = new Grid<>();
            grid.addColumn(o -> o.name()).setHeader(getTranslation("facilities.operator")).setFlexGrow(1);
            grid.addColumn(o -> getTranslation("facilities.operator.kind." + o.kind().name()))
                    .setHeader(getTranslation("facilities.operator.kind")).setAutoWidth(true);
            grid.addColumn(o -> o.validFrom() == null ? "" : DAY.format(o.validFrom())).setHeader(getTranslation("facilities.operator.from"))
                    .setAutoWidth(true);
            // periods end before validTo: the last day run is the day before
            grid.addColumn(o -> o.validTo() == null ? "" : DAY.format(o.validTo().minusDays(1)))
                    .setHeader(getTranslation("facilities.operator.until")).setAutoWidth(true);
            grid.addColumn(FacilityHistory.OperatorPeriod::source).setHeader(getTranslation("facilities.source")).setFlexGrow(1);
            grid.setAllRowsVisible(true);
            dialog.add(new com.vaadin.flow.component.html.H4(getTranslation("facilities.operators")), grid);
        }
        var names = new java.util.HashMap<String, String>();
        facilities.find(new FacilityService.Query(f.getProvinceCode(), java.util.List.of(f.getType()), null, null, null))
                .forEach(x -> names.put(x.getCode(), label(x)));
        addSuccessions(dialog, "facilities.predecessors", lineage.predecessors(f.getProvinceCode(), f.getCode()), names, true);
        addSuccessions(dialog, "facilities.successors", lineage.successors(f.getProvinceCode(), f.getCode()), names, false);
    }

    private void addSuccessions(Dialog dialog, String title, java.util.List<FacilityHistory.Succession> rows,
                                java.util.Map<String, String> names, boolean predecessors) {
        if (rows.isEmpty()) {
            return;
        }
        Grid<FacilityHistory.Succession> grid = new Grid<>();
        grid.addColumn(r -> {
            String code = predecessors ? r.predecessorCode() : r.successorCode();
            return getTranslation("facilities.succession.facility", names.getOrDefault(code, code), code);
        }).setHeader(getTranslation("facility.type.PUBLIC_REHAB")).setFlexGrow(1);
        grid.addColumn(r -> DAY.format(r.date())).setHeader(getTranslation("facilities.succession.date")).setAutoWidth(true);
        grid.addColumn(r -> getTranslation(r.assumed() ? "facilities.succession.assumed" : "facilities.succession.published"))
                .setHeader(getTranslation("facilities.succession.certainty")).setAutoWidth(true);
        grid.addColumn(FacilityHistory.Succession::source).setHeader(getTranslation("facilities.source")).setFlexGrow(1);
        grid.setAllRowsVisible(true);
        dialog.add(new com.vaadin.flow.component.html.H4(getTranslation(title)), grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("facilities.title") + " | " + getTranslation("app.title");
    }
}
