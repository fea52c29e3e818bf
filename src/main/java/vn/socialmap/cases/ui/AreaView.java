package vn.socialmap.cases.ui;

import java.time.format.DateTimeFormatter;
import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;

import vn.socialmap.base.ui.DatePickers;
import vn.socialmap.cases.AreaOverview;
import vn.socialmap.cases.PathStatus;
import vn.socialmap.cases.PersonService;
import vn.socialmap.cases.PersonSummary;
import vn.socialmap.geography.AdminStructure;
import vn.socialmap.geography.AdminStructures;
import vn.socialmap.geography.AdminUnit;
import vn.socialmap.geography.AdminUnitService;
import vn.socialmap.security.AccessScope;
import vn.socialmap.security.AreaType;
import vn.socialmap.security.CurrentUser;

/**
 * The officer's area at a glance: people per status, recent events, people due for attention
 * (post-rehab management overdue or ending soon, Methadone stopped, absconded), and the people
 * whose residence awaits their confirmation since the communes were reorganised.
 */
@Route("area")
@Menu(order = 2, title = "nav.area")
@RolesAllowed({"ADMIN", "PROVINCIAL_POLICE", "DISTRICT_OFFICER", "COMMUNE_OFFICER", "FACILITY_OFFICER"})
public class AreaView extends VerticalLayout implements HasDynamicTitle {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final AreaOverview overviews;
    private final AdminUnitService units;
    private final PersonService persons;
    private final Div content = new Div();
    private final DatePicker asOf = new DatePicker();
    private final ComboBox<AdminUnit> commune = new ComboBox<>();

    public AreaView(AreaOverview overviews, AdminUnitService units, AdminStructures structures, PersonService persons,
                    CurrentUser currentUser) {
        this.overviews = overviews;
        this.units = units;
        this.persons = persons;
        addClassName("sm-area-view");
        AccessScope scope = currentUser.scope();
        String area = scope.areaType() == null ? getTranslation("users.area.system")
                : scope.areaType() == AreaType.PROVINCE ? units.find(scope.areaCode()).map(AdminUnit::getName).orElse(scope.areaCode())
                : scope.areaType() == AreaType.FACILITY ? getTranslation(new vn.socialmap.security.FacilityArea(scope.areaCode()).labelKey(),
                        new vn.socialmap.security.FacilityArea(scope.areaCode()).number())
                : units.find(scope.areaUnit()).map(AdminUnit::getName).orElse(scope.areaCode());
        asOf.setLabel(getTranslation("area.asOf"));
        DatePickers.localized(asOf);
        asOf.setValue(structures.today());
        asOf.addValueChangeListener(e -> render());
        // a district officer (or an admin) drills into one commune of the area
        List<AdminUnit> communes = PersonListView.communesInScope(units, scope);
        commune.setLabel(getTranslation("persons.commune"));
        commune.setItems(communes);
        commune.setItemLabelGenerator(AdminUnit::getName);
        commune.setClearButtonVisible(true);
        commune.setVisible(communes.size() > 1);
        commune.addValueChangeListener(e -> render());
        content.setWidthFull();
        add(new H2(getTranslation("area.title", area)));
        // a former district's or commune's officer: the unit ended, the area is now today's communes that lie in it
        AdminStructure current = structures.current();
        if ((scope.areaType() == AreaType.DISTRICT || scope.areaType() == AreaType.COMMUNE)
                && !current.code().equals(scope.areaStructure())) {
            AdminStructure former = structures.require(scope.areaStructure());
            String key = scope.areaType() == AreaType.DISTRICT ? "area.districtEnded" : "area.communeEnded";
            Div notice = new Div(new Span(getTranslation(key, area,
                    former.validTo() == null ? "" : DAY.format(former.validTo()))));
            notice.addClassName("sm-area-notice");
            add(notice);
        }
        add(new HorizontalLayout(asOf, commune), content);
        render();
    }

    private void render() {
        content.removeAll();
        if (asOf.getValue() == null) {
            return;
        }
        AreaOverview.Overview o = overviews.of(asOf.getValue(), commune.getValue() == null ? null : commune.getValue().getCode());
        FlexLayout cards = new FlexLayout();
        cards.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        cards.addClassName("sm-area-counts");
        for (PathStatus status : PathStatus.values()) {
            Div number = new Div(new Span(java.text.NumberFormat.getIntegerInstance(java.util.Locale.of("vi"))
                    .format(o.counts().getOrDefault(status, 0L))));
            number.addClassName("sm-count-number");
            Div card = new Div(number, new Div(new Span(getTranslation("status." + status.name()))));
            card.addClassName("sm-count-card");
            cards.add(card);
        }
        // the placements to confirm, for those who may confirm them
        content.add(cards, persons.canRecord() ? reviews() : new Div(), duties(),
                list("area.postRehabOverdue", o.postRehabOverdue()),
                list("area.postRehabEnding", o.postRehabEnding()),
                list("area.methadoneStopped", o.methadoneStopped()),
                list("area.absconded", o.absconded()),
                list("area.recent", o.recentEvents()));
    }

    /** What is due in the area under Law 120/2025: reports after a move (24 hours), transfers at 18; overdue first. */
    private Component duties() {
        List<vn.socialmap.cases.PersonService.Duty> due = persons.duties();
        VerticalLayout box = new VerticalLayout();
        box.setPadding(false);
        box.addClassName("sm-duties");
        long overdue = due.stream().filter(vn.socialmap.cases.PersonService.Duty::overdue).count();
        box.add(new H3(getTranslation("area.duties", due.size(), overdue)));
        if (due.isEmpty()) {
            box.add(new Span(getTranslation("area.none")));
            return box;
        }
        Grid<vn.socialmap.cases.PersonService.Duty> grid = new Grid<>();
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.addColumn(d -> d.person().fullName()).setHeader(getTranslation("persons.name")).setAutoWidth(true);
        grid.addColumn(d -> getTranslation("due." + d.kind())).setHeader(getTranslation("person.due.kind")).setFlexGrow(1);
        grid.addColumn(d -> PersonListView.DATE.format(d.since())).setHeader(getTranslation("person.due.since")).setAutoWidth(true);
        grid.addColumn(d -> PersonListView.DATE.format(d.by()) + (d.overdue() ? " — " + getTranslation("area.duties.overdue") : ""))
                .setHeader(getTranslation("person.due.by")).setAutoWidth(true);
        grid.setItems(due);
        grid.setAllRowsVisible(due.size() <= 10);
        grid.setHeight(due.size() <= 10 ? null : "20rem");
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(PersonView.class,
                new RouteParameters("id", String.valueOf(e.getItem().person().id())))));
        box.add(grid);
        return box;
    }

    /** The people provisionally placed in a commune of today that the officer may confirm or move. */
    private Component reviews() {
        List<PersonSummary> waiting = persons.reviews(0, 200);
        VerticalLayout box = new VerticalLayout();
        box.setPadding(false);
        box.addClassName("sm-placement-reviews");
        box.add(new H3(getTranslation("area.reviews") + " (" + waiting.size() + (waiting.size() == 200 ? "+" : "") + ")"));
        if (waiting.isEmpty()) {
            box.add(new Span(getTranslation("area.none")));
            return box;
        }
        box.add(new Span(getTranslation("area.reviews.help")));
        Grid<PersonSummary> grid = new Grid<>();
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.addColumn(PersonSummary::fullName).setHeader(getTranslation("persons.name")).setAutoWidth(true);
        grid.addColumn(p -> PersonListView.DATE.format(p.birthDate())).setHeader(getTranslation("persons.birth")).setAutoWidth(true);
        grid.addColumn(p -> units.find(p.currentCommuneCode()).map(AdminUnit::getName).orElse(p.currentCommuneCode()))
                .setHeader(getTranslation("area.reviews.placed")).setFlexGrow(1);
        grid.setItems(waiting);
        grid.setAllRowsVisible(waiting.size() <= 10);
        grid.setHeight(waiting.size() <= 10 ? null : "20rem");
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(PersonView.class,
                new RouteParameters("id", String.valueOf(e.getItem().id())))));
        box.add(grid);
        return box;
    }

    private Component list(String titleKey, List<AreaOverview.Entry> entries) {
        VerticalLayout box = new VerticalLayout();
        box.setPadding(false);
        box.add(new H3(getTranslation(titleKey) + " (" + entries.size() + ")"));
        if (entries.isEmpty()) {
            box.add(new Span(getTranslation("area.none")));
            return box;
        }
        Grid<AreaOverview.Entry> grid = new Grid<>();
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.addColumn(e -> PersonListView.DATE.format(e.date())).setHeader(getTranslation("person.event.date")).setAutoWidth(true);
        grid.addColumn(AreaOverview.Entry::fullName).setHeader(getTranslation("persons.name")).setAutoWidth(true);
        grid.addColumn(e -> units.find(e.communeCode()).map(AdminUnit::getName).orElse(e.communeCode()))
                .setHeader(getTranslation("persons.commune")).setAutoWidth(true);
        grid.addColumn(e -> getTranslation("event." + e.what())).setHeader(getTranslation("person.event.type")).setFlexGrow(1);
        grid.setItems(entries);
        grid.setAllRowsVisible(entries.size() <= 10);
        grid.setHeight(entries.size() <= 10 ? null : "20rem");
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(PersonView.class,
                new RouteParameters("id", String.valueOf(e.getItem().personId())))));
        box.add(grid);
        return box;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.area") + " | " + getTranslation("app.title");
    }
}
