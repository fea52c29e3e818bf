package vn.socialmap.drugfree.ui;

import java.util.Arrays;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;

import vn.socialmap.base.ValidationException;
import vn.socialmap.base.ui.DatePickers;
import vn.socialmap.drugfree.CommuneAssessment;
import vn.socialmap.drugfree.DrugFreeCommunes;
import vn.socialmap.drugfree.DrugFreeSettings;
import vn.socialmap.drugfree.DrugFreeStatus;

/**
 * Records a status decision or evidence for one commune and year, inline under the commune's
 * details: the statuses offered are the ones the user may record there, and the service checks
 * everything again. Inline rather than in a dialog: the committed production bundle has no
 * dialog or form layout for this route, and this module may not rebuild it.
 */
class RecordForm extends VerticalLayout {

    private final Span error = new Span();

    private RecordForm(String title) {
        setPadding(false);
        addClassName("sm-drugfree-form");
        error.addClassNames("sm-error", "sm-form-error");
        add(new H4(title));
    }

    /** A decision. */
    static RecordForm decision(DrugFreeCommunes communes, CommuneAssessment commune, Runnable saved) {
        RecordForm f = new RecordForm("");
        f.getComponentAt(0).getElement().setText(f.getTranslation("drugfree.record") + ": " + commune.name());
        Select<DrugFreeStatus> status = new Select<>();
        status.setLabel(f.getTranslation("drugfree.record.status"));
        status.setItems(Arrays.stream(DrugFreeStatus.values()).filter(s -> s != DrugFreeStatus.NOT_ASSESSED)
                .filter(s -> communes.mayRecord(commune.code(), s)).toList());
        status.setItemLabelGenerator(s -> s == null ? "" : f.getTranslation("drugfree.status." + s.name()));
        TextField decidedBy = new TextField(f.getTranslation("drugfree.record.decidedBy"));
        decidedBy.setValue(communes.settings().authority());
        decidedBy.setWidth("28em");
        DatePicker decidedOn = DatePickers.localized(new DatePicker(f.getTranslation("drugfree.record.decidedOn")));
        TextField reference = new TextField(f.getTranslation("drugfree.record.reference"));
        f.add(new HorizontalLayout(status, decidedBy, decidedOn, reference));
        f.buttons(() -> communes.decide(commune.code(), new DrugFreeCommunes.AssessmentForm(commune.year(), status.getValue(),
                decidedBy.getValue(), decidedOn.getValue(), reference.getValue())), saved);
        return f;
    }

    /** Evidence for a criterion the registry cannot compute. */
    static RecordForm evidence(DrugFreeCommunes communes, CommuneAssessment commune, Runnable saved) {
        RecordForm f = new RecordForm("");
        f.getComponentAt(0).getElement().setText(f.getTranslation("drugfree.evidence") + ": " + commune.name());
        List<DrugFreeSettings.Criterion> entered = communes.settings().criteria().stream().filter(c -> !c.fromRegistry()).toList();
        Select<DrugFreeSettings.Criterion> criterion = new Select<>();
        criterion.setLabel(f.getTranslation("drugfree.evidence.criterion"));
        criterion.setItems(entered);
        criterion.setItemLabelGenerator(c -> c == null ? "" : f.getTranslation("drugfree.criterion." + c.id()));
        criterion.setWidth("24em");
        IntegerField value = new IntegerField(f.getTranslation("drugfree.evidence.value"));
        value.setMin(0);
        value.setValue(0);
        TextField evidence = new TextField(f.getTranslation("drugfree.evidence.text"));
        evidence.setWidth("28em");
        evidence.addClassName("sm-drugfree-evidence-text");
        TextField document = new TextField(f.getTranslation("drugfree.evidence.document"));
        f.add(new HorizontalLayout(criterion, value, evidence, document));
        f.buttons(() -> communes.enterEvidence(commune.code(), criterion.getValue() == null ? "" : criterion.getValue().id(),
                new DrugFreeCommunes.EvidenceForm(commune.year(), value.getValue() == null ? null : value.getValue().longValue(),
                        evidence.getValue(), document.getValue())), saved);
        return f;
    }

    private void buttons(Runnable save, Runnable saved) {
        Button ok = new Button(getTranslation("drugfree.record.save"), e -> {
            try {
                save.run();
                saved.run();
            } catch (ValidationException ex) {
                error.setText(getTranslation(ex.messageKey(), ex.arguments()));
            }
        });
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        ok.addClassName("sm-drugfree-save");
        Button cancel = new Button(getTranslation("drugfree.record.cancel"), e -> removeFromParent());
        add(error, new HorizontalLayout(ok, cancel));
    }
}
