package vn.socialmap.courts.ui;

import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import vn.socialmap.base.ValidationException;
import vn.socialmap.courts.CourtCommune;
import vn.socialmap.courts.CourtCommuneForm;
import vn.socialmap.courts.RegionalCourt;
import vn.socialmap.courts.RegionalCourts;
import vn.socialmap.geography.AdminUnit;
import vn.socialmap.geography.AdminUnitService;

/** Admin: the regional courts of a province with their communes, the communes no court covers yet, and edits. */
@Route("admin/courts")
@Menu(order = 14, title = "nav.courts")
@RolesAllowed("ADMIN")
public class CourtsView extends VerticalLayout implements HasDynamicTitle {

    private final RegionalCourts courts;
    private final AdminUnitService units;
    private final Select<AdminUnit> province = new Select<>();
    private final Grid<RegionalCourt> grid = new Grid<>();
    private final Span uncoveredCount = new Span();
    private final Paragraph uncoveredList = new Paragraph();
    private final Select<RegionalCourt> court = new Select<>();
    private final ComboBox<AdminUnit> addCommune = new ComboBox<>();
    private final ComboBox<CourtCommune> removeCommune = new ComboBox<>();
    private final TextField source = new TextField();

    public CourtsView(RegionalCourts courts, AdminUnitService units) {
        this.courts = courts;
        this.units = units;
        setSizeFull();
        province.setLabel(getTranslation("courts.province"));
        province.setItems(units.provinces());
        province.setItemLabelGenerator(AdminUnit::getName);
        units.find("01").ifPresent(province::setValue);
        province.addValueChangeListener(e -> refresh());

        grid.addColumn(RegionalCourt::name).setHeader(getTranslation("courts.court")).setAutoWidth(true);
        grid.addColumn(c -> {
            List<CourtCommune> communes = courts.communes(c.code(), units.today());
            return communes.isEmpty() ? getTranslation("courts.communes.none")
                    : String.join(", ", communes.stream().map(CourtCommune::communeName).toList());
        }).setHeader(getTranslation("courts.communes")).setFlexGrow(1);
        grid.addColumn(RegionalCourt::source).setHeader(getTranslation("courts.source")).setFlexGrow(1);
        grid.setAllRowsVisible(true);

        court.setLabel(getTranslation("courts.court"));
        court.setItemLabelGenerator(RegionalCourt::name);
        court.addValueChangeListener(e -> refreshRemovable());
        addCommune.setLabel(getTranslation("courts.add"));
        addCommune.setItemLabelGenerator(u -> u.getName() + " (" + u.getCode() + ")");
        source.setLabel(getTranslation("courts.source"));
        source.setMaxLength(500);
        Button add = new Button(getTranslation("courts.add"), e -> change(() -> {
            if (court.getValue() != null && addCommune.getValue() != null) {
                courts.addCommune(court.getValue().code(), addCommune.getValue().getCode(),
                        new CourtCommuneForm(null, source.getValue()));
            }
        }));
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        removeCommune.setLabel(getTranslation("courts.commune"));
        removeCommune.setItemLabelGenerator(c -> c.communeName() + " (" + c.communeCode() + ")");
        Button remove = new Button(getTranslation("courts.remove"), e -> change(() -> {
            if (court.getValue() != null && removeCommune.getValue() != null) {
                courts.removeCommune(court.getValue().code(), removeCommune.getValue().communeCode());
            }
        }));
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
        HorizontalLayout edits = new HorizontalLayout(court, addCommune, source, add, removeCommune, remove);
        edits.setAlignItems(FlexComponent.Alignment.BASELINE);
        edits.setWrap(true);

        add(new H2(getTranslation("courts.title")), province, grid, edits, uncoveredCount,
                new H4(getTranslation("courts.uncovered.list")), uncoveredList);
        refresh();
    }

    private void change(Runnable edit) {
        try {
            edit.run();
            Notification.show(getTranslation("courts.saved"));
        } catch (ValidationException e) {
            Notification.show(getTranslation(e.messageKey(), e.arguments()));
        }
        refresh();
    }

    private void refresh() {
        String code = province.getValue() == null ? "01" : province.getValue().getCode();
        List<RegionalCourt> list = courts.courts(code);
        grid.setItems(list);
        RegionalCourt chosen = court.getValue();
        court.setItems(list);
        list.stream().filter(c -> chosen != null && c.code().equals(chosen.code())).findFirst()
                .or(() -> list.stream().findFirst()).ifPresent(court::setValue);
        List<AdminUnit> uncovered = courts.uncovered(code);
        addCommune.setItems(uncovered);
        uncoveredCount.setText(getTranslation("courts.uncovered", uncovered.size()));
        uncoveredList.setText(String.join(", ", uncovered.stream().map(AdminUnit::getName).toList()));
        refreshRemovable();
    }

    private void refreshRemovable() {
        removeCommune.setItems(court.getValue() == null ? List.of() : courts.communes(court.getValue().code(), units.today()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("courts.title") + " | " + getTranslation("app.title");
    }
}
