package vn.socialmap.drugfree.ui;

import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

import vn.socialmap.base.text.VietnameseText;
import vn.socialmap.drugfree.CommuneAssessment;
import vn.socialmap.drugfree.CriterionResult;
import vn.socialmap.drugfree.Decision;
import vn.socialmap.drugfree.DrugFreeCommunes;
import vn.socialmap.drugfree.DrugFreeProgress;
import vn.socialmap.drugfree.DrugFreeStatus;

/**
 * Today's communes of Hanoi with their drug-free status for a year, their criteria (values as
 * the disclosure rules publish them, evidence entered) and the progress against the plan in
 * force; the decisions of a commune, oldest first. Every role that sees aggregates opens it.
 */
@Route("drug-free-communes")
@Menu(order = 6, title = "nav.drugfree")
@PermitAll
public class DrugFreeView extends VerticalLayout implements HasDynamicTitle {

    private static final String PROVINCE = "01";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final DrugFreeCommunes communes;
    private final DrugFreeProgress progress;
    private final Select<Integer> year = new Select<>();
    private final TextField search = new TextField();
    private final Span progressLine = new Span();
    private final Grid<CommuneAssessment> grid = new Grid<>();
    private final VerticalLayout details = new VerticalLayout();
    private List<CommuneAssessment> all = List.of();

    public DrugFreeView(DrugFreeCommunes communes, DrugFreeProgress progress) {
        this.communes = communes;
        this.progress = progress;
        setSizeFull();
        year.setLabel(getTranslation("drugfree.year"));
        year.setItems(communes.years());
        year.setValue(communes.assessmentDay(communes.years().getLast()).getYear());
        year.addValueChangeListener(e -> refresh());
        search.setLabel(getTranslation("drugfree.search"));
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> filter());
        search.setClearButtonVisible(true);
        progressLine.addClassName("sm-drugfree-progress");

        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.addColumn(CommuneAssessment::code).setHeader(getTranslation("drugfree.code")).setAutoWidth(true);
        grid.addColumn(CommuneAssessment::name).setHeader(getTranslation("drugfree.commune")).setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(a -> getTranslation("drugfree.status." + a.status().name())
                        + (a.carriedOver() ? " (" + getTranslation("drugfree.carriedOver", a.decision().year()) + ")" : ""))
                .setHeader(getTranslation("drugfree.statusColumn")).setAutoWidth(true);
        grid.addColumn(a -> getTranslation(a.criteriaMet() == null ? "drugfree.criteriaMet.unknown"
                : a.criteriaMet() ? "drugfree.criteriaMet.true" : "drugfree.criteriaMet.false"))
                .setHeader(getTranslation("drugfree.criteriaMet")).setAutoWidth(true);
        grid.addColumn(a -> decisionText(a.decision())).setHeader(getTranslation("drugfree.decision")).setFlexGrow(1);
        grid.addClassName("sm-drugfree-grid");
        grid.asSingleSelect().addValueChangeListener(e -> showDetails(e.getValue()));

        details.setPadding(false);
        details.addClassName("sm-drugfree-details");
        HorizontalLayout filters = new HorizontalLayout(year, search);
        add(new H2(getTranslation("drugfree.title")), new Paragraph(getTranslation("drugfree.assumedNotice")), filters,
                progressLine, grid, details);
        setFlexGrow(1, grid);
        refresh();
    }

    private void refresh() {
        int y = year.getValue();
        all = communes.communes(PROVINCE, y);
        DrugFreeProgress.Summary s = progress.summary(PROVINCE, y);
        progressLine.setText(s.plans().stream().filter(p -> p.unit().equals("COMMUNES")).findFirst()
                .map(p -> getTranslation("drugfree.progress.count", s.recognised(), Math.round(p.target()), p.number()))
                .or(() -> s.plans().stream().findFirst().map(p -> getTranslation("drugfree.progress.share", s.recognised(),
                        s.communes(), s.share(), Math.round(p.target()), p.number())))
                .orElse(getTranslation("drugfree.progress.none", s.recognised(), s.communes())));
        filter();
        details.removeAll();
    }

    /** Search ignores diacritics and case: "xuan phuong" finds "Phường Xuân Phương". */
    private void filter() {
        String q = VietnameseText.fold(search.getValue() == null ? "" : search.getValue().strip());
        grid.setItems(q.isEmpty() ? all : all.stream()
                .filter(a -> VietnameseText.fold(a.name()).contains(q) || a.code().contains(q)).toList());
    }

    private static void show(Div place, RecordForm form) {
        place.removeAll();
        place.add(form);
    }

    /** After a save: the list read again, the commune shown again with a note of what was saved. */
    private void saved(CommuneAssessment a, String savedKey) {
        refresh();
        all.stream().filter(c -> c.code().equals(a.code())).findFirst().ifPresent(c -> {
            showDetails(c);
            Span note = new Span(getTranslation(savedKey));
            note.addClassName("sm-drugfree-saved");
            details.addComponentAtIndex(1, note);
        });
    }

    private String decisionText(Decision d) {
        if (d == null) {
            return "";
        }
        return getTranslation("drugfree.decision.text", d.decidedBy(), DAY.format(d.decidedOn()),
                d.reference() == null ? "" : " (" + d.reference() + ")");
    }

    private void showDetails(CommuneAssessment a) {
        details.removeAll();
        if (a == null) {
            return;
        }
        details.add(new H4(a.name()));
        if (communes.mayRecord()) {
            Div form = new Div();
            Button decide = new Button(getTranslation("drugfree.record"),
                    e -> show(form, RecordForm.decision(communes, a, () -> saved(a, "drugfree.record.saved"))));
            Button evidence = new Button(getTranslation("drugfree.evidence"),
                    e -> show(form, RecordForm.evidence(communes, a, () -> saved(a, "drugfree.evidence.saved"))));
            decide.addClassName("sm-drugfree-record");
            evidence.addClassName("sm-drugfree-evidence");
            // only where the user may record something for this commune (a commune officer: their own)
            decide.setVisible(Arrays.stream(DrugFreeStatus.values())
                    .anyMatch(s -> s != DrugFreeStatus.NOT_ASSESSED && communes.mayRecord(a.code(), s)));
            evidence.setVisible(communes.mayRecord(a.code(), DrugFreeStatus.PROPOSED));
            details.add(new HorizontalLayout(decide, evidence), form);
        }
        for (CriterionResult c : a.criteria()) {
            Div row = new Div();
            row.addClassName("sm-drugfree-criterion");
            String met = getTranslation(c.met() == null ? "drugfree.criteriaMet.unknown"
                    : c.met() ? "drugfree.criteriaMet.true" : "drugfree.criteriaMet.false");
            String value = c.kind().name().equals("EVIDENCE") && c.met() == null ? getTranslation("drugfree.criterion.notEntered")
                    : c.value() == null ? getTranslation("drugfree.criterion.hidden")
                    : getTranslation("drugfree.criterion.value", c.value(), c.max());
            StringBuilder text = new StringBuilder(getTranslation("drugfree.criterion." + c.id())).append(": ").append(met)
                    .append(". ").append(value);
            if (c.evidence() != null) {
                text.append(". ").append(getTranslation("drugfree.criterion.evidence", c.evidence(),
                        c.document() == null ? "" : c.document(), c.enteredBy()));
            }
            if (c.assumed()) {
                text.append(". ").append(getTranslation("drugfree.criterion.assumed"));
            }
            row.setText(text.toString());
            details.add(row);
        }
        details.add(new H4(getTranslation("drugfree.history")));
        for (Decision d : communes.history(a.code())) {
            details.add(new Div(getTranslation("drugfree.history.entry", d.year(),
                    getTranslation("drugfree.status." + d.status().name()), d.decidedBy(), DAY.format(d.decidedOn()),
                    d.recordedBy())));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.drugfree") + " | " + getTranslation("app.title");
    }
}
