package vn.socialmap.facilities.ui;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import tools.jackson.databind.ObjectMapper;

import vn.socialmap.base.ValidationException;
import vn.socialmap.base.ui.Palette;
import vn.socialmap.base.ui.map.LeafletMap;
import vn.socialmap.facilities.Facility;
import vn.socialmap.facilities.FacilityForm;
import vn.socialmap.facilities.FacilityService;
import vn.socialmap.facilities.FacilityStatus;
import vn.socialmap.facilities.FacilityType;
import vn.socialmap.geography.AdminUnit;
import vn.socialmap.geography.AdminUnitFeatures;
import vn.socialmap.geography.AdminUnitService;

/**
 * Registers or changes a facility. The location is set by clicking the small map (which
 * shows the chosen commune) or by typing coordinates; the rules refuse a point outside
 * the commune and missing fields, and nothing is saved then.
 */
class FacilityDialog extends Dialog {

    private static final List<String> OPTIONAL_DETAILS = List.of("capacity", "patients", "endYear", "periodTo");

    private final Map<String, TextField> detailFields = new LinkedHashMap<>();
    private final Div details = new Div();
    private final MultiSelectComboBox<AdminUnit> served = new MultiSelectComboBox<>();

    FacilityDialog(FacilityService facilities, AdminUnitService units, AdminUnitFeatures features, ObjectMapper json,
                   Facility existing, Runnable onSaved) {
        setHeaderTitle(getTranslation(existing == null ? "facilities.new" : "facilities.edit"));
        Facility[] base = {existing};
        setWidth("56rem");
        Select<FacilityType> type = new Select<>();
        type.setLabel(getTranslation("facilities.type"));
        type.setItems(FacilityType.values());
        type.setItemLabelGenerator(t -> t == null ? "" : getTranslation("facility.type." + t.name()));
        TextField code = new TextField(getTranslation("facilities.code"));
        TextField name = new TextField(getTranslation("facilities.name"));
        TextField address = new TextField(getTranslation("facilities.address"));
        ComboBox<AdminUnit> commune = new ComboBox<>(getTranslation("persons.commune"));
        // an existing facility stays in its province; a new one may be anywhere the user may register
        List<AdminUnit> communes = facilities.registrableCommunes(existing == null ? null : existing.getProvinceCode());
        commune.setItems(communes);
        commune.setItemLabelGenerator(u -> u.getName() + " (" + u.getCode() + ")");
        NumberField longitude = new NumberField(getTranslation("facilities.longitude"));
        NumberField latitude = new NumberField(getTranslation("facilities.latitude"));
        Select<FacilityStatus> status = new Select<>();
        status.setLabel(getTranslation("facilities.status"));
        status.setItems(FacilityStatus.values());
        status.setItemLabelGenerator(s -> s == null ? "" : getTranslation("facility.status." + s.name()));
        status.setValue(FacilityStatus.ACTIVE);
        DatePicker since = vn.socialmap.base.ui.DatePickers.localized(new DatePicker(getTranslation("facilities.since"), units.today()));
        TextField phone = new TextField(getTranslation("facilities.phone"));
        TextField email = new TextField(getTranslation("facilities.email"));
        TextField contact = new TextField(getTranslation("facilities.contact"));
        served.setLabel(getTranslation("facilities.served"));
        served.setItemLabelGenerator(AdminUnit::getName);

        LeafletMap map = new LeafletMap(json);
        map.setHeight("240px");
        map.addClassName("sm-location-map");
        map.addMapClickListener(e -> {
            longitude.setValue(Math.round(e.getLongitude() * 1e6) / 1e6);
            latitude.setValue(Math.round(e.getLatitude() * 1e6) / 1e6);
        });
        commune.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                map.setLayer("commune", features.toFeatureCollection(List.of(e.getValue()), 0),
                        new LeafletMap.LayerOptions(Map.of("color", Palette.COMMUNE_LINE, "weight", 2, "fillOpacity", 0.1, "interactive", false),
                                null, List.of(), 400));
                map.fitBounds(e.getValue().getGeom().getEnvelopeInternal());
                // the communes a model serves: those of its province today
                served.setItems(units.byLevel(e.getValue().getProvinceCode(), vn.socialmap.geography.AdminLevel.COMMUNE));
            }
        });
        type.addValueChangeListener(e -> showDetails(e.getValue()));

        if (existing != null) {
            type.setValue(existing.getType());
            code.setValue(existing.getCode() == null ? "" : existing.getCode());
            name.setValue(existing.getName());
            address.setValue(existing.getAddress() == null ? "" : existing.getAddress());
            units.find(existing.getCommuneCode()).ifPresent(commune::setValue);
            longitude.setValue(existing.getLocation().getX());
            latitude.setValue(existing.getLocation().getY());
            status.setValue(existing.getStatus());
            since.setValue(existing.getStatusSince());
            phone.setValue(existing.getPhone() == null ? "" : existing.getPhone());
            email.setValue(existing.getEmail() == null ? "" : existing.getEmail());
            contact.setValue(existing.getContactPerson() == null ? "" : existing.getContactPerson());
            existing.getDetails().forEach((k, v) -> {
                if (detailFields.containsKey(k)) {
                    detailFields.get(k).setValue(String.valueOf(v));
                } else if ("servedCommunes".equals(k) && v instanceof List<?> list) {
                    served.setValue(list.stream().map(String::valueOf).map(units::find)
                            .flatMap(java.util.Optional::stream).collect(java.util.stream.Collectors.toSet()));
                }
            });
        }

        Span error = new Span();
        error.addClassName("sm-form-error");
        FormLayout form = new FormLayout(type, code, name, address, commune, status, since, longitude, latitude, phone, email, contact);
        add(form, details, map, error);

        Button save = new Button(getTranslation("users.save"), e -> {
            Map<String, Object> values = new HashMap<>();
            detailFields.forEach((k, f) -> {
                String v = f.getValue().strip();
                if (!v.isEmpty()) {
                    // whole numbers stay numbers in the record (capacity, years)
                    values.put(k, v.matches("-?\\d{1,9}") ? (Object) Long.parseLong(v) : v);
                }
            });
            if (type.getValue() == FacilityType.COMMUNITY_PROVIDER && !served.getValue().isEmpty()) {
                values.put("servedCommunes", served.getValue().stream().map(AdminUnit::getCode).sorted().toList());
            }
            FacilityForm values2 = new FacilityForm(type.getValue(), code.getValue(), name.getValue(), address.getValue(),
                    commune.getValue() == null ? null : commune.getValue().getCode(), longitude.getValue(), latitude.getValue(),
                    phone.getValue(), email.getValue(), contact.getValue(), status.getValue(), since.getValue(), values);
            try {
                if (base[0] == null) {
                    facilities.create(values2);
                } else {
                    facilities.update(base[0].getId(), values2, base[0].getVersion());
                }
                close();
                onSaved.run();
            } catch (ValidationException ex) {
                if ("facility.error.concurrent".equals(ex.messageKey())) {
                    // someone saved this facility meanwhile: say what they changed; a second save goes over it knowingly
                    Facility now = facilities.get(base[0].getId());
                    error.setText(getTranslation("record.changedMeanwhile", changes(base[0], now, units)));
                    base[0] = now;
                } else {
                    error.setText(ex.describe((k, a) -> getTranslation(k, a)));
                }
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("users.cancel"), e -> close()), save);
    }

    private void showDetails(FacilityType type) {
        details.removeAll();
        Map<String, String> kept = new HashMap<>();
        detailFields.forEach((k, f) -> kept.put(k, f.getValue()));
        detailFields.clear();
        if (type == null) {
            return;
        }
        FormLayout form = new FormLayout();
        for (String field : type.requiredDetails()) {
            if ("servedCommunes".equals(field)) {
                form.add(served);
                continue;
            }
            form.add(detailField(field, true, kept));
        }
        for (String field : OPTIONAL_DETAILS) {
            boolean applies = switch (field) {
                case "capacity", "patients" -> type == FacilityType.METHADONE_CLINIC || type == FacilityType.PUBLIC_REHAB
                        || type == FacilityType.PRIVATE_REHAB;
                case "endYear" -> type == FacilityType.POST_REHAB_MODEL;
                case "periodTo" -> type == FacilityType.HOTSPOT;
                default -> false;
            };
            if (applies && !type.requiredDetails().contains(field)) {
                form.add(detailField(field, false, kept));
            }
        }
        details.add(form);
    }

    private TextField detailField(String field, boolean required, Map<String, String> kept) {
        TextField f = new TextField(getTranslation("facilities.detail." + field));
        f.setRequiredIndicatorVisible(required);
        f.setValue(kept.getOrDefault(field, ""));
        if (field.startsWith("period")) {
            f.setPlaceholder("YYYY-MM-DD");
        }
        if ("modelKind".equals(field)) {
            f.setHelperText("VOLUNTEER, CLUB, COUNSELING");
        }
        if ("severity".equals(field)) {
            f.setHelperText("LOW, MEDIUM, HIGH");
        }
        detailFields.put(field, f);
        return f;
    }

    private String changes(Facility before, Facility after, AdminUnitService units) {
        java.util.function.Function<String, String> commune = code -> code == null ? null
                : units.find(code).map(AdminUnit::getName).orElse(code);
        return new vn.socialmap.base.ui.ChangedFields(this::getTranslation)
                .compare("facilities.code", before.getCode(), after.getCode())
                .compare("facilities.name", before.getName(), after.getName())
                .compare("facilities.address", before.getAddress(), after.getAddress())
                .compare("persons.commune", commune.apply(before.getCommuneCode()), commune.apply(after.getCommuneCode()))
                .compare("facilities.longitude", before.getLocation().getX(), after.getLocation().getX())
                .compare("facilities.latitude", before.getLocation().getY(), after.getLocation().getY())
                .compare("facilities.status", getTranslation("facility.status." + before.getStatus().name()),
                        getTranslation("facility.status." + after.getStatus().name()))
                .compare("facilities.since", before.getStatusSince(), after.getStatusSince())
                .compare("facilities.phone", before.getPhone(), after.getPhone())
                .compare("facilities.email", before.getEmail(), after.getEmail())
                .compare("facilities.contact", before.getContactPerson(), after.getContactPerson())
                .compare("facilities.details", before.getDetails(), after.getDetails())
                .text();
    }
}
