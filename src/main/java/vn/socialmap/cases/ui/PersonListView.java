package vn.socialmap.cases.ui;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;

import vn.socialmap.cases.PathStatus;
import vn.socialmap.cases.PersonFilter;
import vn.socialmap.cases.PersonImport;
import vn.socialmap.cases.PersonService;
import vn.socialmap.cases.PersonSummary;
import vn.socialmap.cases.Sex;
import vn.socialmap.geography.AdminLevel;
import vn.socialmap.geography.AdminUnit;
import vn.socialmap.geography.AdminStructures;
import vn.socialmap.geography.AdminUnitService;
import vn.socialmap.security.AccessScope;
import vn.socialmap.security.CurrentUser;

/** The person list of the caller's area: filters, diacritics-insensitive search, audited export. */
@Route("persons")
@Menu(order = 1, title = "nav.persons")
@RolesAllowed({"ADMIN", "PROVINCIAL_POLICE", "DISTRICT_OFFICER", "COMMUNE_OFFICER", "FACILITY_OFFICER"})
public class PersonListView extends VerticalLayout implements HasDynamicTitle {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final PersonService persons;
    private final TextField query = new TextField();
    private final Select<PathStatus> status = new Select<>();
    private final DatePicker date = vn.socialmap.base.ui.DatePickers.localized(new DatePicker());
    private final ComboBox<AdminUnit> district = new ComboBox<>();
    private final ComboBox<AdminUnit> commune = new ComboBox<>();
    private final TextField facility = new TextField();
    private final Select<Sex> sex = new Select<>();
    private final Select<String> ageGroup = new Select<>();
    private final DataProvider<PersonSummary, ?> provider;

    /** A column of the list and of its file: its header's translation key and its text. */
    private record Column(String headerKey, java.util.function.Function<PersonSummary, String> value) {
    }

    public PersonListView(PersonService persons, PersonImport imports, AdminUnitService units, AdminStructures structures,
                          CurrentUser currentUser) {
        this.persons = persons;
        setSizeFull();

        query.setLabel(getTranslation("persons.search"));
        query.setPlaceholder(getTranslation("persons.search.placeholder"));
        query.setValueChangeMode(ValueChangeMode.LAZY);
        query.setClearButtonVisible(true);
        query.setMaxLength(200);
        status.setLabel(getTranslation("persons.status"));
        status.setItems(PathStatus.values());
        status.setItemLabelGenerator(s -> s == null ? "" : getTranslation("status." + s.name()));
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("persons.any"));
        status.setPlaceholder(getTranslation("persons.any"));
        date.setLabel(getTranslation("persons.date"));
        date.setValue(persons.today());
        commune.setLabel(getTranslation("persons.commune"));
        List<AdminUnit> communes = communesInScope(units, currentUser.scope());
        commune.setItems(communes);
        // names for the list's rows from the area's communes: one lookup per row asked the database per row
        java.util.Map<String, String> communeNames = new java.util.HashMap<>();
        communes.forEach(c -> communeNames.put(c.getCode(), c.getName()));
        commune.setItemLabelGenerator(AdminUnit::getName);
        commune.setClearButtonVisible(true);
        district.setLabel(getTranslation("persons.district"));
        district.setItemLabelGenerator(AdminUnit::getName);
        district.setClearButtonVisible(true);
        // only a system-wide user chooses among districts; officers are held to theirs
        district.setVisible(currentUser.scope().areaType() == null);
        if (district.isVisible()) {
            List<AdminUnit> districts = new ArrayList<>();
            // the former districts (a person's district is that of the last structure that had districts)
            structures.lastWithDistricts().map(s -> structures.dayWithin(s, structures.today())).ifPresent(then ->
                    units.provinces(then).forEach(p -> districts.addAll(units.byLevel(p.getCode(), AdminLevel.DISTRICT, then))));
            district.setItems(districts);
        }
        facility.setLabel(getTranslation("persons.facility"));
        facility.setClearButtonVisible(true);
        facility.setValueChangeMode(ValueChangeMode.LAZY);
        facility.setWidth("8rem");
        sex.setLabel(getTranslation("persons.sex"));
        sex.setItems(Sex.values());
        sex.setItemLabelGenerator(s -> s == null ? "" : getTranslation("sex." + s.name()));
        sex.setEmptySelectionAllowed(true);
        sex.setEmptySelectionCaption(getTranslation("persons.any"));
        sex.setPlaceholder(getTranslation("persons.any"));
        ageGroup.setLabel(getTranslation("persons.age"));
        ageGroup.setItems("12-17", "18-29", "30-44", "45+");
        ageGroup.setEmptySelectionAllowed(true);
        ageGroup.setEmptySelectionCaption(getTranslation("persons.any"));
        ageGroup.setPlaceholder(getTranslation("persons.any"));

        // the list and its file show the same columns, in words: the file is for people; machines read
        // /api/v1/exports/persons, which keeps codes. The list puts status second: on a phone it is what shows
        java.util.Map<String, String> districtNames = new java.util.HashMap<>();
        Column name = new Column("persons.name", PersonSummary::fullName);
        Column birth = new Column("persons.birth", p -> DATE.format(p.birthDate()));
        Column sexColumn = new Column("persons.sex", p -> getTranslation("sex." + p.sex().name()));
        Column nationalId = new Column("persons.nationalId", PersonSummary::nationalId);
        Column communeColumn = new Column("persons.commune", p -> p.currentCommuneCode() == null ? ""
                : communeNames.computeIfAbsent(p.currentCommuneCode(), code -> units.find(code).map(AdminUnit::getName).orElse(code)));
        Column statusColumn = new Column("persons.status", p -> getTranslation(p.mainStatus() == null ? "persons.status.none"
                : "status." + p.mainStatus()));
        List<Column> columns = List.of(name, statusColumn, communeColumn, birth, sexColumn, nationalId);
        List<Column> fileColumns = List.of(new Column("persons.recordNumber", p -> String.valueOf(p.id())), name, birth, sexColumn,
                nationalId, communeColumn, new Column("persons.district", p -> p.formerDistrictCode() == null ? ""
                        : districtNames.computeIfAbsent(p.formerDistrictCode(),
                                code -> units.formerDistrict(code).map(AdminUnit::getName).orElse(code))),
                statusColumn);

        Grid<PersonSummary> grid = new Grid<>();
        for (Column c : columns) {
            var column = grid.addColumn(c.value()::apply).setHeader(getTranslation(c.headerKey()));
            // name and status share a phone's width (wrapping); the rest take what they need, to the right
            if (c == name) {
                column.setWidth("10rem").setFlexGrow(1);
            } else if (c == statusColumn) {
                column.setWidth("9rem").setFlexGrow(1);
            } else {
                column.setAutoWidth(true).setFlexGrow(0);
            }
        }
        grid.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setSizeFull();
        grid.addItemClickListener(e -> {
            if (e.getItem() != null) {
                getUI().ifPresent(ui -> ui.navigate(PersonView.class, new com.vaadin.flow.router.RouteParameters("id",
                        String.valueOf(e.getItem().id()))));
            }
        });
        // pages fetched as the list scrolls, never counted: counting a common name nationally cost more than the page
        grid.setItems(q -> persons.rows(filter(), q.getOffset(), q.getLimit()).stream());
        provider = grid.getDataProvider();
        // how many the filter finds, counted apart from the pages (and only up to a limit)
        Span found = new Span();
        found.addClassName("sm-list-count");
        Runnable refresh = () -> {
            provider.refreshAll();
            PersonService.PersonCount n = persons.count(filter());
            found.setText(getTranslation(n.exact() ? "persons.count" : "persons.count.more", n.value()));
        };
        refresh.run();
        query.addValueChangeListener(e -> refresh.run());
        status.addValueChangeListener(e -> refresh.run());
        date.addValueChangeListener(e -> refresh.run());
        commune.addValueChangeListener(e -> refresh.run());
        district.addValueChangeListener(e -> refresh.run());
        facility.addValueChangeListener(e -> refresh.run());
        sex.addValueChangeListener(e -> refresh.run());
        ageGroup.addValueChangeListener(e -> refresh.run());

        Anchor export = new Anchor((DownloadHandler) event -> {
            event.setFileName("danh-sach-nguoi.csv");
            event.setContentType("text/csv; charset=UTF-8");
            try (Writer out = new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8)) {
                out.write('\ufeff');
                var csv = vn.socialmap.base.SpreadsheetCsv.printer(out);
                vn.socialmap.base.SpreadsheetCsv.row(csv, fileColumns.stream().map(c -> getTranslation(c.headerKey())).toArray());
                for (PersonSummary p : persons.export(filter())) {
                    vn.socialmap.base.SpreadsheetCsv.row(csv, fileColumns.stream().map(c -> c.value().apply(p)).toArray());
                }
                csv.flush();
            }
        }, getTranslation("persons.export"));
        export.getElement().setAttribute("download", true);

        // the name and the status are what an officer filters by daily; the rest folds away, so that
        // on a phone the list starts on the first screen
        HorizontalLayout more = new HorizontalLayout(date, district, commune, facility, sex, ageGroup);
        more.setAlignItems(FlexComponent.Alignment.BASELINE);
        more.addClassName("sm-filters");
        com.vaadin.flow.component.details.Details moreFilters =
                new com.vaadin.flow.component.details.Details(getTranslation("persons.moreFilters"), more);
        moreFilters.addClassName("sm-more-filters");
        HorizontalLayout filters = new HorizontalLayout(query, status);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.addClassName("sm-filters");
        HorizontalLayout tools = new HorizontalLayout(found, export);
        if (persons.canRecord()) {
            Button add = new Button(getTranslation("persons.new"), e -> new PersonDialog(persons, units, created ->
                    getUI().ifPresent(ui -> ui.navigate(PersonView.class,
                            new com.vaadin.flow.router.RouteParameters("id", String.valueOf(created))))).open());
            add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            tools.addComponentAsFirst(add);
        }
        tools.setAlignItems(FlexComponent.Alignment.CENTER);
        add(new H2(getTranslation("persons.title")), filters, moreFilters, tools);
        if (persons.canRecord()) {
            PersonImportPanel importPanel = new PersonImportPanel(imports, () -> grid.getDataProvider().refreshAll());
            importPanel.addClassName("sm-desk-only");
            add(importPanel);
        }
        add(grid);
    }

    private PersonFilter filter() {
        return new PersonFilter(district.getValue() == null ? null : district.getValue().getCode(),
                commune.getValue() == null ? null : commune.getValue().getCode(), status.getValue(),
                date.getValue(), facility.getValue(), ageGroup.getValue(), sex.getValue(), query.getValue());
    }

    static List<AdminUnit> communesInScope(AdminUnitService units, AccessScope scope) {
        if (scope.areaType() == null) {
            List<AdminUnit> all = new ArrayList<>();
            units.provinces().forEach(p -> all.addAll(units.byLevel(p.getCode(), AdminLevel.COMMUNE)));
            return all;
        }
        return switch (scope.areaType()) {
            case PROVINCE -> units.byLevel(scope.areaCode(), AdminLevel.COMMUNE);
            // a unit of today, else today's communes lying, at least in part, in the former district or commune
            case DISTRICT, COMMUNE -> units.find(scope.areaUnit())
                    .map(u -> u.getLevel() == AdminLevel.COMMUNE && units.find(u.getCode()).filter(u::equals).isPresent()
                            ? List.of(u) : units.overlapping(u, units.today()))
                    .orElse(List.of());
            case FACILITY -> List.of();
        };
    }

    @Override
    public String getPageTitle() {
        return getTranslation("persons.title") + " | " + getTranslation("app.title");
    }
}
