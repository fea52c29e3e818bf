package vn.socialmap.cases.ui;

import java.time.LocalDate;
import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;

import vn.socialmap.cases.AreaOverview;
import vn.socialmap.cases.PathStatus;
import vn.socialmap.geography.AdminUnit;
import vn.socialmap.geography.AdminUnitService;
import vn.socialmap.security.CurrentUser;

/** The officer's area at a glance: people per status, recent events, people due for attention. */
@Route("area")
@Menu(order = 2, title = "nav.area")
@RolesAllowed({"ADMIN", "DISTRICT_OFFICER", "COMMUNE_OFFICER", "FACILITY_OFFICER"})
public class AreaView extends VerticalLayout implements HasDynamicTitle {

    private final AreaOverview overviews;
    private final AdminUnitService units;
    private final Div content = new Div();
    private final DatePicker asOf = new DatePicker();
    private final com.vaadin.flow.component.combobox.ComboBox<AdminUnit> commune = new com.vaadin.flow.component.combobox.ComboBox<>();

    public AreaView(AreaOverview overviews, AdminUnitService units, CurrentUser currentUser) {
        this.overviews = overviews;
        this.units = units;
        var scope = currentUser.scope();
        String area = scope.areaType() == null ? getTranslation("users.area.system")
                : units.find(scope.areaCode()).map(AdminUnit::getName)
                .orElse(getTranslation("users.area.facility", scope.areaCode()));
        asOf.setLabel(getTranslation("area.asOf"));
        asOf.setValue(LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")));
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
        add(new H2(getTranslation("area.title", area)), new com.vaadin.flow.component.orderedlayout.HorizontalLayout(asOf, commune), content);
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
        cards.getStyle().set("gap", "var(--lumo-space-s)");
        cards.addClassName("sm-area-counts");
        for (PathStatus status : PathStatus.values()) {
            Div card = new Div(new Div(new Span(String.valueOf(o.counts().getOrDefault(status, 0L)))),
                    new Div(new Span(getTranslation("status." + status.name()))));
            card.getStyle().set("border", "1px solid var(--lumo-contrast-10pct)").set("border-radius", "var(--lumo-border-radius-m)")
                    .set("padding", "var(--lumo-space-s)").set("min-width", "9rem").set("font-size", "var(--lumo-font-size-s)");
            card.getComponentAt(0).getElement().getStyle().set("font-size", "var(--lumo-font-size-xl)").set("font-weight", "600");
            cards.add(card);
        }
        content.add(cards,
                list("area.postRehabEnding", o.postRehabEnding()),
                list("area.methadoneStopped", o.methadoneStopped()),
                list("area.absconded", o.absconded()),
                list("area.recent", o.recentEvents()));
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
