package vn.socialmap.facilities.ui;

import java.util.ArrayList;
import java.util.List;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.PermitAll;

import vn.socialmap.facilities.ProviderList;
import vn.socialmap.geography.AdminLevel;
import vn.socialmap.geography.AdminStructures;
import vn.socialmap.geography.AdminUnit;
import vn.socialmap.geography.AdminUnitService;
import vn.socialmap.security.AreaType;
import vn.socialmap.security.CurrentUser;

/** Each district's published list of voluntary rehab providers and facilities, with PDF and XLSX downloads. */
@Route("providers")
@Menu(order = 3, title = "nav.providers")
@PermitAll
public class ProviderListView extends VerticalLayout implements HasDynamicTitle {

    private final ProviderList providers;
    private final AdminUnitService units;
    private final ComboBox<AdminUnit> district = new ComboBox<>();
    private final Grid<ProviderList.Entry> grid = new Grid<>();
    private final H2 title = new H2();
    private final HorizontalLayout downloads = new HorizontalLayout();

    public ProviderListView(ProviderList providers, AdminUnitService units, AdminStructures structures, CurrentUser currentUser) {
        this.providers = providers;
        this.units = units;
        setSizeFull();
        // the lists were published per district until the district level ended: its former districts
        List<AdminUnit> districts = new ArrayList<>();
        structures.lastWithDistricts().map(s -> structures.dayWithin(s, units.today())).ifPresent(then ->
                units.provinces().forEach(p -> units.byLevel(p.getCode(), AdminLevel.DISTRICT, then).stream()
                        .filter(d -> !units.children(d).isEmpty()).forEach(districts::add)));
        district.setLabel(getTranslation("providers.district"));
        district.setItems(districts);
        district.setItemLabelGenerator(AdminUnit::getName);
        district.setWidth("20rem");
        var scope = currentUser.scope();
        AdminUnit initial = scope.areaType() == AreaType.DISTRICT ? units.find(scope.areaUnit()).orElse(null) : null;
        district.setValue(initial != null ? initial : districts.getFirst());
        district.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                show(e.getValue());
            }
        });

        List<String> headings = providers.headings();
        grid.addColumn(ProviderList.Entry::name).setHeader(headings.get(1)).setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(e -> getTranslation("facility.type." + e.type().name())).setHeader(headings.get(2)).setAutoWidth(true);
        grid.addColumn(ProviderList.Entry::address).setHeader(headings.get(3)).setAutoWidth(true);
        grid.addColumn(ProviderList.Entry::commune).setHeader(headings.get(4)).setAutoWidth(true);
        grid.addColumn(ProviderList.Entry::phone).setHeader(headings.get(5)).setAutoWidth(true);
        grid.addColumn(e -> getTranslation("facility.status." + e.status().name())).setHeader(headings.get(6)).setAutoWidth(true);
        grid.setSizeFull();
        title.addClassName("sm-provider-list-title");
        HorizontalLayout tools = new HorizontalLayout(district, downloads);
        tools.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(title, tools, grid);
        show(district.getValue());
    }

    private void show(AdminUnit unit) {
        title.setText(providers.title(unit.getCode()));
        grid.setItems(providers.entries(unit.getCode()));
        String code = unit.getCode();
        Anchor pdf = new Anchor((DownloadHandler) event -> {
            event.setFileName("danh-sach-co-so-cai-nghien-" + code + ".pdf");
            event.setContentType("application/pdf");
            providers.writePdf(code, units.today(), event.getOutputStream());
        }, getTranslation("providers.pdf"));
        Anchor xlsx = new Anchor((DownloadHandler) event -> {
            event.setFileName("danh-sach-co-so-cai-nghien-" + code + ".xlsx");
            event.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            providers.writeXlsx(code, units.today(), event.getOutputStream());
        }, getTranslation("providers.xlsx"));
        pdf.getElement().setAttribute("download", true);
        xlsx.getElement().setAttribute("download", true);
        pdf.addClassName("sm-download-pdf");
        xlsx.addClassName("sm-download-xlsx");
        downloads.removeAll();
        downloads.add(pdf, xlsx);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.providers") + " | " + getTranslation("app.title");
    }
}
