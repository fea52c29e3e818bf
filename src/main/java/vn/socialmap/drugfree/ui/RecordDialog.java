package vn.socialmap.drugfree.ui;

import java.util.Arrays;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import vn.socialmap.base.ValidationException;
import vn.socialmap.base.ui.DatePickers;
import vn.socialmap.drugfree.CommuneAssessment;
import vn.socialmap.drugfree.DrugFreeCommunes;
import vn.socialmap.drugfree.DrugFreeSettings;
import vn.socialmap.drugfree.DrugFreeStatus;

/**
 * Records a status decision or evidence for one commune and year: the statuses offered are the
 * ones the user may record there; the service checks everything again.
 */
class RecordDialog extends Dialog {

    private final Span error = new Span();

    /** A decision. */
    static RecordDialog decision(DrugFreeCommunes communes, CommuneAssessment commune, Runnable saved) {
        RecordDialog d = new RecordDialog();
        d.setHeaderTitle(d.getTranslation("drugfree.record") + ": " + commune.name());
        Select<DrugFreeStatus> status = new Select<>();
        status.setLabel(d.getTranslation("drugfree.record.status"));
        status.setItems(Arrays.stream(DrugFreeStatus.values()).filter(s -> s != DrugFreeStatus.NOT_ASSESSED)
                .filter(s -> communes.mayRecord(commune.code(), s)).toList());
        status.setItemLabelGenerator(s -> s == null ? "" : d.getTranslation("drugfree.status." + s.name()));
        TextField decidedBy = new TextField(d.getTranslation("drugfree.record.decidedBy"));
        decidedBy.setValue(communes.settings().authority());
        DatePicker decidedOn = DatePickers.localized(new DatePicker(d.getTranslation("drugfree.record.decidedOn")));
        TextField reference = new TextField(d.getTranslation("drugfree.record.reference"));
        d.add(new FormLayout(status, decidedBy, decidedOn, reference), d.error);
        d.buttons(() -> communes.decide(commune.code(), new DrugFreeCommunes.AssessmentForm(commune.year(), status.getValue(),
                decidedBy.getValue(), decidedOn.getValue(), reference.getValue())), "drugfree.record.saved", saved);
        return d;
    }

    /** Evidence for a criterion the registry cannot compute. */
    static RecordDialog evidence(DrugFreeCommunes communes, CommuneAssessment commune, Runnable saved) {
        RecordDialog d = new RecordDialog();
        d.setHeaderTitle(d.getTranslation("drugfree.evidence") + ": " + commune.name());
        List<DrugFreeSettings.Criterion> entered = communes.settings().criteria().stream().filter(c -> !c.fromRegistry()).toList();
        Select<DrugFreeSettings.Criterion> criterion = new Select<>();
        criterion.setLabel(d.getTranslation("drugfree.evidence.criterion"));
        criterion.setItems(entered);
        criterion.setItemLabelGenerator(c -> c == null ? "" : d.getTranslation("drugfree.criterion." + c.id()));
        IntegerField value = new IntegerField(d.getTranslation("drugfree.evidence.value"));
        value.setMin(0);
        value.setValue(0);
        TextArea evidence = new TextArea(d.getTranslation("drugfree.evidence.text"));
        TextField document = new TextField(d.getTranslation("drugfree.evidence.document"));
        d.add(new FormLayout(criterion, value, evidence, document), d.error);
        d.buttons(() -> communes.enterEvidence(commune.code(), criterion.getValue() == null ? "" : criterion.getValue().id(),
                new DrugFreeCommunes.EvidenceForm(commune.year(), value.getValue() == null ? null : value.getValue().longValue(),
                        evidence.getValue(), document.getValue())), "drugfree.evidence.saved", saved);
        return d;
    }

    private void buttons(Runnable save, String savedKey, Runnable saved) {
        error.addClassName("sm-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        Button ok = new Button(getTranslation("drugfree.record.save"), e -> {
            try {
                save.run();
                Notification.show(getTranslation(savedKey)).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                close();
                saved.run();
            } catch (ValidationException ex) {
                error.setText(getTranslation(ex.messageKey(), ex.arguments()));
            }
        });
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("drugfree.record.cancel"), e -> close()), ok);
    }
}
