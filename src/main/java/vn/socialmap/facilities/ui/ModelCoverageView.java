package vn.socialmap.facilities.ui;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

import vn.socialmap.facilities.ModelCoverage;
import vn.socialmap.geography.AdminLevel;
import vn.socialmap.geography.AdminUnit;
import vn.socialmap.geography.AdminUnitService;
import vn.socialmap.geography.ThematicLayer;

/**
 * Post-rehab support models against the target "every commune applies at least one":
 * share of communes with a model per district, and the communes without one with their
 * post-rehab caseload (suppressed for roles without person access).
 */
@Route("models")
@Menu(order = 4, title = "nav.models")
@PermitAll
public class ModelCoverageView extends VerticalLayout implements HasDynamicTitle {

    private static final String PROVINCE = "01";

    private final ModelCoverage coverage;
    private final AdminUnitService units;
    private final List<ThematicLayer> layers;
    private final Select<Integer> year = new Select<>();
    private final Grid<ModelCoverage.DistrictCoverage> districts = new Grid<>();
    private final Grid<AdminUnit> without = new Grid<>();
    private final H3 withoutTitle = new H3();
    private Map<String, Long> caseload = Map.of();
    private Integer threshold;

    public ModelCoverageView(ModelCoverage coverage, AdminUnitService units, List<ThematicLayer> layers,
                             vn.socialmap.base.VietnamTime time) {
        this.coverage = coverage;
        this.units = units;
        this.layers = layers;
        setSizeFull();
        int now = time.today().getYear();
        year.setLabel(getTranslation("models.year"));
        year.setItems(IntStream.rangeClosed(2021, now).boxed().toList());
        year.setValue(2022);
        year.addValueChangeListener(e -> refresh());

        districts.addThemeVariants(GridVariant.LUMO_COMPACT);
        districts.addColumn(ModelCoverage.DistrictCoverage::name).setHeader(getTranslation("models.district")).setAutoWidth(true).setFlexGrow(1);
        districts.addColumn(ModelCoverage.DistrictCoverage::communes).setHeader(getTranslation("models.communes")).setAutoWidth(true);
        districts.addColumn(ModelCoverage.DistrictCoverage::communesWithModel).setHeader(getTranslation("models.withModel")).setAutoWidth(true);
        districts.addColumn(ModelCoverage.DistrictCoverage::models).setHeader(getTranslation("models.models")).setAutoWidth(true);
        districts.addColumn(d -> String.format(java.util.Locale.ROOT, "%.1f%%", 100 * d.share()).replace('.', ','))
                .setHeader(getTranslation("models.share")).setAutoWidth(true);
        districts.addColumn(d -> getTranslation(d.communesWithModel() == d.communes() ? "models.met" : "models.notMet"))
                .setHeader(getTranslation("models.target")).setAutoWidth(true);
        districts.addClassName("sm-model-districts");
        districts.setHeight("24rem");

        without.addThemeVariants(GridVariant.LUMO_COMPACT);
        without.addColumn(AdminUnit::getName).setHeader(getTranslation("persons.commune")).setAutoWidth(true).setFlexGrow(1);
        without.addColumn(c -> units.find(c.getParentCode(), units.dayOf(c)).map(AdminUnit::getName).orElse(""))
                .setHeader(getTranslation("models.district")).setAutoWidth(true);
        without.addColumn(c -> {
            Long n = caseload.get(c.getCode());
            return n == null ? "<" + threshold : String.valueOf(n);
        }).setHeader(getTranslation("models.caseload")).setAutoWidth(true);
        without.addClassName("sm-model-without");
        without.setHeight("20rem");

        add(new H2(getTranslation("models.title")), year, districts, withoutTitle, without);
        refresh();
    }

    private void refresh() {
        int y = year.getValue();
        // the year's units: its last day's, or today's for the current year
        LocalDate onDate = java.util.Collections.min(List.of(LocalDate.of(y, 12, 31), units.today()));
        districts.setItems(coverage.byDistrict(PROVINCE, onDate));
        List<AdminUnit> communes = coverage.communesWithout(PROVINCE, null, onDate);
        layers.stream().filter(l -> l.id().equals("status")).findFirst().ifPresentOrElse(l -> {
            ThematicLayer.Values values = l.values("POST_REHAB", PROVINCE, AdminLevel.COMMUNE, onDate);
            caseload = values.byUnit();
            threshold = values.threshold();
        }, () -> caseload = Map.of());
        withoutTitle.setText(getTranslation("models.without", communes.size()));
        without.setItems(communes);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.models") + " | " + getTranslation("app.title");
    }
}
