package vn.socialmap.cases.ui;

import java.util.function.LongConsumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import vn.socialmap.base.ValidationException;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

import vn.socialmap.cases.Person;
import vn.socialmap.cases.PersonForm;
import vn.socialmap.base.ui.ChangedFields;
import vn.socialmap.cases.PersonService;
import vn.socialmap.cases.Sex;
import vn.socialmap.geography.AdminUnit;
import vn.socialmap.geography.AdminUnitService;

/**
 * Records a new person or edits one; refuses bad input with the rule's message and saves
 * nothing. A possible duplicate (same name and birth date in the district) is reported.
 */
class PersonDialog extends Dialog {

    PersonDialog(PersonService persons, AdminUnitService units, LongConsumer onCreated) {
        this(persons, units, null, onCreated);
    }

    PersonDialog(PersonService persons, AdminUnitService units, Person existing, LongConsumer onSaved) {
        setHeaderTitle(getTranslation(existing == null ? "persons.new" : "persons.edit"));
        TextField name = new TextField(getTranslation("persons.name"));
        DatePicker birth = vn.socialmap.base.ui.DatePickers.localized(new DatePicker(getTranslation("persons.birth")));
        Select<Sex> sex = new Select<>();
        sex.setLabel(getTranslation("persons.sex"));
        sex.setItems(Sex.values());
        sex.setItemLabelGenerator(s -> s == null ? "" : getTranslation("sex." + s.name()));
        TextField nationalId = new TextField(getTranslation("persons.nationalId"));
        nationalId.setMaxLength(12);
        var communes = PersonListView.communesInScope(units, persons.currentScope());
        ComboBox<AdminUnit> current = new ComboBox<>(getTranslation("persons.currentCommune"), communes);
        current.setItemLabelGenerator(AdminUnit::getName);
        if (communes.size() == 1) {
            current.setValue(communes.getFirst());
        }
        TextField currentAddress = new TextField(getTranslation("persons.currentAddress"));
        ComboBox<AdminUnit> permanent = new ComboBox<>(getTranslation("persons.permanentCommune"));
        permanent.setItems(PersonListView.communesInScope(units, persons.provinceScope()));
        permanent.setItemLabelGenerator(u -> u.getName() + " (" + u.getCode() + ")");
        current.addValueChangeListener(e -> {
            if (permanent.isEmpty()) {
                permanent.setValue(e.getValue());
            }
        });
        TextField permanentAddress = new TextField(getTranslation("persons.permanentAddress"));
        NumberField longitude = new NumberField(getTranslation("persons.longitude"));
        NumberField latitude = new NumberField(getTranslation("persons.latitude"));
        TextField occupation = new TextField(getTranslation("persons.occupation"));
        TextArea notes = new TextArea(getTranslation("persons.notes"));
        Span error = new Span();
        error.addClassName("sm-form-error");

        if (existing != null) {
            name.setValue(existing.getFullName());
            birth.setValue(existing.getBirthDate());
            sex.setValue(existing.getSex());
            nationalId.setValue(existing.getNationalId() == null ? "" : existing.getNationalId());
            units.find(existing.getCurrentCommuneCode()).ifPresent(u -> {
                if (!communes.contains(u)) {
                    current.setItems(java.util.stream.Stream.concat(communes.stream(), java.util.stream.Stream.of(u)).toList());
                }
                current.setValue(u);
            });
            units.find(existing.getPermanentCommuneCode()).ifPresent(permanent::setValue);
            currentAddress.setValue(existing.getCurrentAddress() == null ? "" : existing.getCurrentAddress());
            permanentAddress.setValue(existing.getPermanentAddress() == null ? "" : existing.getPermanentAddress());
            if (existing.getCurrentPoint() != null) {
                longitude.setValue(existing.getCurrentPoint().getX());
                latitude.setValue(existing.getCurrentPoint().getY());
            }
            occupation.setValue(existing.getOccupation() == null ? "" : existing.getOccupation());
            notes.setValue(existing.getNotes() == null ? "" : existing.getNotes());
        }
        Person[] base = {existing};
        FormLayout form = new FormLayout(name, birth, sex, nationalId, current, currentAddress, permanent,
                permanentAddress, longitude, latitude, occupation, notes);
        add(form, error);
        Button save = new Button(getTranslation("persons.save"), e -> {
            try {
                PersonForm values = new PersonForm(name.getValue(), birth.getValue(), sex.getValue(), nationalId.getValue(),
                        permanent.getValue() == null ? null : permanent.getValue().getCode(), permanentAddress.getValue(),
                        current.getValue() == null ? null : current.getValue().getCode(), currentAddress.getValue(),
                        longitude.getValue(), latitude.getValue(), occupation.getValue(), notes.getValue());
                if (base[0] != null) {
                    persons.update(base[0].getId(), values, base[0].getVersion());
                    close();
                    onSaved.accept(base[0].getId());
                    return;
                }
                PersonService.Created created = persons.create(values);
                close();
                if (!created.possibleDuplicates().isEmpty()) {
                    Notification.show(getTranslation("persons.duplicate.warning", created.possibleDuplicates().stream()
                                    .map(String::valueOf).collect(java.util.stream.Collectors.joining(", "))),
                            8000, Notification.Position.TOP_CENTER).addThemeVariants(NotificationVariant.LUMO_WARNING);
                }
                onSaved.accept(created.person().getId());
            } catch (ValidationException ex) {
                if ("person.error.concurrent".equals(ex.messageKey())) {
                    // someone saved this record meanwhile: say what they changed; a second save goes over it knowingly
                    Person now = persons.get(base[0].getId()).person();
                    error.setText(getTranslation("record.changedMeanwhile", changes(base[0], now, units)));
                    base[0] = now;
                } else {
                    error.setText(ex.describe((k, a) -> getTranslation(k, a)));
                }
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("users.cancel"), e -> close()), save);
        setWidth("48rem");
    }

    private String changes(Person before, Person after, AdminUnitService units) {
        java.util.function.Function<String, String> commune = code -> code == null ? null
                : units.find(code).map(AdminUnit::getName).orElse(code);
        return new ChangedFields(this::getTranslation)
                .compare("persons.name", before.getFullName(), after.getFullName())
                .compare("persons.birth", before.getBirthDate(), after.getBirthDate())
                .compare("persons.sex", before.getSex() == null ? null : getTranslation("sex." + before.getSex().name()),
                        after.getSex() == null ? null : getTranslation("sex." + after.getSex().name()))
                .compare("persons.nationalId", before.getNationalId(), after.getNationalId())
                .compare("persons.currentCommune", commune.apply(before.getCurrentCommuneCode()),
                        commune.apply(after.getCurrentCommuneCode()))
                .compare("persons.currentAddress", before.getCurrentAddress(), after.getCurrentAddress())
                .compare("persons.permanentCommune", commune.apply(before.getPermanentCommuneCode()),
                        commune.apply(after.getPermanentCommuneCode()))
                .compare("persons.permanentAddress", before.getPermanentAddress(), after.getPermanentAddress())
                .compare("persons.occupation", before.getOccupation(), after.getOccupation())
                .compare("persons.notes", before.getNotes(), after.getNotes())
                .text();
    }
}
