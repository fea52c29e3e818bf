package vn.socialmap.cases.ui;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import vn.socialmap.base.NotFoundException;
import vn.socialmap.base.ValidationException;
import vn.socialmap.cases.CaseEvent;
import vn.socialmap.cases.EventForm;
import vn.socialmap.cases.EventType;
import vn.socialmap.cases.PathRules;
import vn.socialmap.cases.Placement;
import vn.socialmap.cases.PlacementMethod;
import vn.socialmap.cases.UnitOnDate;
import vn.socialmap.cases.Person;
import vn.socialmap.cases.PersonService;
import vn.socialmap.geography.AdminUnit;
import vn.socialmap.geography.AdminUnitService;
import vn.socialmap.geography.UnitRef;

/**
 * A person: identity, status today, the path as a timeline, and the events that may be
 * recorded next. Outside the caller's area it looks missing; officers may open it by
 * stating a reason (break the glass).
 */
@Route("persons/:id")
@RolesAllowed({"ADMIN", "PROVINCIAL_POLICE", "DISTRICT_OFFICER", "COMMUNE_OFFICER", "FACILITY_OFFICER"})
public class PersonView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final PersonService persons;
    private final AdminUnitService units;
    private final vn.socialmap.security.UserAccountService accounts;
    private long id;
    private String title = "";

    public PersonView(PersonService persons, AdminUnitService units, vn.socialmap.security.UserAccountService accounts) {
        this.accounts = accounts;
        this.persons = persons;
        this.units = units;
        setMaxWidth("72rem");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            id = Long.parseLong(event.getRouteParameters().get("id").orElse(""));
        } catch (NumberFormatException e) {
            id = -1;
        }
        show(null);
    }

    private void show(String reason) {
        removeAll();
        PersonService.PersonDetail detail;
        try {
            detail = reason == null ? persons.get(id) : persons.getWithReason(id, reason);
        } catch (NotFoundException e) {
            notFound();
            return;
        }
        Person p = detail.person();
        // the tab title and the browser's history show no name
        title = getTranslation("person.pageTitle", String.valueOf(p.getId()));
        add(new H2(p.getFullName()));
        add(statusBadges(detail));
        duties(detail);
        // a record opened by breaking the glass is for reading only
        boolean changes = persons.canRecord() && persons.mayChange(id);
        if (changes) {
            HorizontalLayout actions = new HorizontalLayout();
            Button edit = new Button(getTranslation("persons.edit"), e -> new PersonDialog(persons, units, p, saved -> show(null)).open());
            actions.add(edit);
            if (persons.isAdmin()) {
                TextField duplicate = new TextField();
                duplicate.setPlaceholder(getTranslation("person.merge.placeholder"));
                Button merge = new Button(getTranslation("person.merge"), e -> {
                    try {
                        persons.merge(id, Long.parseLong(duplicate.getValue().strip()));
                        Notification.show(getTranslation("person.merge.done"), 4000, Notification.Position.TOP_CENTER)
                                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                        show(null);
                    } catch (NumberFormatException | NotFoundException ex) {
                        duplicate.setErrorMessage(getTranslation("person.merge.unknown"));
                        duplicate.setInvalid(true);
                    } catch (ValidationException ex) {
                        duplicate.setErrorMessage(ex.describe((k, a) -> getTranslation(k, a)));
                        duplicate.setInvalid(true);
                    }
                });
                actions.add(duplicate, merge);
            }
            add(actions);
        }
        add(identity(p));
        add(placements(detail));
        add(new H3(getTranslation("person.timeline")));
        add(timeline(detail));
        if (changes) {
            add(new H3(getTranslation("person.addEvent")));
            add(eventForm(detail));
        }
        add(outsideAccess());
    }

    /** Who opened this record from outside its area, and why: for the record's own officers. */
    private Component outsideAccess() {
        List<vn.socialmap.security.BreakGlassService.GrantSeen> grants = persons.outsideAccess(id);
        VerticalLayout box = new VerticalLayout();
        box.setPadding(false);
        box.addClassName("sm-outside-access");
        if (grants.isEmpty()) {
            return box;
        }
        box.add(new H3(getTranslation("person.outsideAccess")));
        Grid<vn.socialmap.security.BreakGlassService.GrantSeen> grid = new Grid<>();
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        java.time.format.DateTimeFormatter when = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
                .withZone(vn.socialmap.base.VietnamTime.ZONE);
        grid.addColumn(g -> when.format(g.grantedAt())).setHeader(getTranslation("person.outsideAccess.when")).setAutoWidth(true);
        grid.addColumn(vn.socialmap.security.BreakGlassService.GrantSeen::username)
                .setHeader(getTranslation("person.outsideAccess.who")).setAutoWidth(true);
        grid.addColumn(vn.socialmap.security.BreakGlassService.GrantSeen::reason)
                .setHeader(getTranslation("person.outsideAccess.reason")).setFlexGrow(1);
        grid.setItems(grants);
        grid.setAllRowsVisible(true);
        box.add(grid);
        return box;
    }

    private void notFound() {
        title = getTranslation("person.notFound");
        add(new H2(getTranslation("person.notFound")));
        Paragraph text = new Paragraph(getTranslation("person.notFound.text"));
        text.addClassName("sm-not-found");
        add(text);
        // an address whose number is no record number (/persons/abc) has nothing to open
        if (id > 0 && persons.mayBreakTheGlass()) {
            TextArea reason = new TextArea(getTranslation("person.breakGlass.reason"));
            reason.setWidthFull();
            reason.setHelperText(getTranslation("person.breakGlass.help"));
            Button open = new Button(getTranslation("person.breakGlass.open"), e -> {
                try {
                    show(reason.getValue());
                } catch (ValidationException ex) {
                    reason.setErrorMessage(ex.describe((k, a) -> getTranslation(k, a)));
                    reason.setInvalid(true);
                }
            });
            open.addThemeVariants(ButtonVariant.LUMO_ERROR);
            add(reason, open);
        }
    }

    /** What is due on this path (Law 120/2025), shown where the officer reads the person. */
    private void duties(PersonService.PersonDetail detail) {
        for (var due : persons.due(detail)) {
            Span line = new Span(getTranslation("due." + due.kind()) + " — " + getTranslation("person.due.by") + " "
                    + PersonListView.DATE.format(due.by()));
            line.getElement().getThemeList().add(due.by().isBefore(persons.today()) ? "badge error" : "badge contrast");
            add(line);
        }
    }

    private Component statusBadges(PersonService.PersonDetail detail) {
        HorizontalLayout badges = new HorizontalLayout();
        badges.addClassName("sm-status-today");
        for (var status : detail.statusToday()) {
            Span badge = new Span(getTranslation("status." + status.name()));
            badge.getElement().getThemeList().add("badge");
            badge.addClassName("sm-status-badge");
            badges.add(badge);
        }
        if (detail.statusToday().isEmpty()) {
            // a record closed (taken off the list) holds no status: say so rather than show nothing
            Span closed = new Span(getTranslation("persons.status.none"));
            closed.getElement().getThemeList().add("badge contrast");
            closed.addClassName("sm-status-badge");
            badges.add(closed);
        }
        return badges;
    }

    private Component identity(Person p) {
        FormLayout info = new FormLayout();
        info.addFormItem(new Span(PersonListView.DATE.format(p.getBirthDate())), getTranslation("persons.birth"));
        info.addFormItem(new Span(getTranslation("sex." + p.getSex().name())), getTranslation("persons.sex"));
        info.addFormItem(new Span(p.getNationalId() == null ? "—" : p.getNationalId()), getTranslation("persons.nationalId"));
        info.addFormItem(new Span(place(p.getCurrentAddress(), p.getCurrentCommuneCode())), getTranslation("persons.currentAddress"));
        info.addFormItem(new Span(place(p.getPermanentAddress(), p.getPermanentCommuneCode())), getTranslation("persons.permanentAddress"));
        info.addFormItem(new Span(p.getOccupation() == null ? "—" : p.getOccupation()), getTranslation("persons.occupation"));
        if (p.getNotes() != null) {
            info.addFormItem(new Span(p.getNotes()), getTranslation("persons.notes"));
        }
        return info;
    }

    /**
     * Where the residence lies in each structure (the unit the person's figures of those years
     * belong to), and, when today's placement is provisional, the choice among the candidates.
     */
    private Component placements(PersonService.PersonDetail detail) {
        VerticalLayout box = new VerticalLayout();
        box.setPadding(false);
        box.setSpacing(false);
        box.addClassName("sm-placements");
        box.add(new H3(getTranslation("person.placements")));
        Grid<Placement> grid = new Grid<>();
        grid.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_COMPACT);
        grid.addColumn(pl -> getTranslation("structure.short." + pl.structure())).setHeader(getTranslation("person.placement.structure"))
                .setAutoWidth(true);
        grid.addColumn(pl -> unitName(pl.structure(), pl.communeCode())
                        + (pl.districtCode() == null ? "" : ", " + unitName(pl.structure(), pl.districtCode())))
                .setHeader(getTranslation("person.placement.unit")).setFlexGrow(1);
        grid.addColumn(pl -> getTranslation("placement." + pl.method().name())).setHeader(getTranslation("person.placement.method"))
                .setAutoWidth(true);
        grid.setItems(detail.placements().values().stream()
                .sorted(java.util.Comparator.comparing(Placement::structure)).toList());
        grid.setAllRowsVisible(true);
        box.add(grid);
        detail.placements().values().stream().filter(pl -> pl.method() == PlacementMethod.PROVISIONAL
                        && pl.structure().equals(detail.person().getCurrentStructure()))
                .findFirst().ifPresent(pl -> box.add(confirmation(pl)));
        return box;
    }

    /** A provisional placement in today's structure: the candidates to confirm or move to. */
    private Component confirmation(Placement provisional) {
        Div notice = new Div(new Span(getTranslation("person.placement.provisional", unitName(provisional.structure(),
                provisional.communeCode()))));
        notice.addClassName("sm-area-notice");
        VerticalLayout box = new VerticalLayout(notice);
        box.setPadding(false);
        box.addClassName("sm-placement-confirm");
        if (!persons.canRecord()) {
            return box;
        }
        Select<String> choice = new Select<>();
        choice.setLabel(getTranslation("person.placement.choose"));
        choice.setItems(provisional.candidates());
        choice.setItemLabelGenerator(code -> code == null ? "" : unitName(provisional.structure(), code));
        choice.setValue(provisional.communeCode());
        Span error = new Span();
        error.addClassName("sm-form-error");
        Button confirm = new Button(getTranslation("person.placement.confirm"), e -> {
            try {
                persons.confirmPlacement(id, choice.getValue());
                Notification.show(getTranslation("person.placement.done"), 3000, Notification.Position.TOP_CENTER)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                show(null);
            } catch (ValidationException ex) {
                error.setText(ex.describe((k, a) -> getTranslation(k, a)));
            } catch (org.springframework.security.access.AccessDeniedException ex) {
                error.setText(getTranslation("person.placement.notYours"));
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout row = new HorizontalLayout(choice, confirm);
        row.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
        box.add(row, error);
        return box;
    }

    private String unitName(String structure, String code) {
        return code == null ? "—" : units.find(new UnitRef(structure, code)).map(AdminUnit::getName).orElse(code);
    }

    private String place(String address, String communeCode) {
        // Vietnamese addresses run from the smallest unit to the province.
        String commune = units.find(communeCode).map(u -> units.path(u).reversed().stream().map(AdminUnit::getName)
                .collect(Collectors.joining(", "))).orElse(communeCode);
        return address == null ? commune : address + ", " + commune;
    }

    private Grid<CaseEvent> timeline(PersonService.PersonDetail detail) {
        Set<Long> superseded = detail.events().stream().map(CaseEvent::getSupersedesId)
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        Grid<CaseEvent> grid = new Grid<>();
        grid.addClassName("sm-timeline");
        grid.addColumn(e -> PersonListView.DATE.format(e.getEventDate())).setHeader(getTranslation("person.event.date")).setAutoWidth(true);
        grid.addColumn(e -> getTranslation("event." + e.getType().name())
                        + (superseded.contains(e.getId()) ? " (" + getTranslation("person.event.superseded") + ")" : ""))
                .setHeader(getTranslation("person.event.type")).setWidth("11rem").setFlexGrow(1);
        grid.addColumn(e -> persons.facilityName(e.getFacilityCode())).setHeader(getTranslation("person.event.facility"))
                .setWidth("10rem").setFlexGrow(1);
        // where the person lived then, in the units in force that day: the unit the event counts in
        grid.addColumn(e -> {
            UnitOnDate then = persons.unitOn(detail, e.getEventDate());
            return then == null ? "" : then.communeName() + (then.districtName() == null ? "" : ", " + then.districtName());
        }).setHeader(getTranslation("person.event.unit")).setWidth("10rem").setFlexGrow(1);
        grid.addColumn(e -> e.getDetails().entrySet().stream().map(d -> getTranslation("detail." + d.getKey()) + ": "
                        + (("toCommune".equals(d.getKey()) || "fromCommune".equals(d.getKey())) ? units.find(String.valueOf(d.getValue())).map(u -> u.getName()).orElse("")
                                : PathRules.choices(d.getKey()) == null ? shownValue(d.getValue()) : getTranslation("value." + d.getValue())))
                .collect(Collectors.joining("; "))).setHeader(getTranslation("person.event.details")).setWidth("12rem").setFlexGrow(2);
        // who recorded it by name, as the officers know each other; the account stays in the audit log
        Map<String, String> recorders = new HashMap<>();
        grid.addColumn(e -> recorders.computeIfAbsent(e.getRecordedBy(), u -> accounts.find(u)
                        .map(vn.socialmap.security.UserAccount::getDisplayName).orElse(u)))
                .setHeader(getTranslation("person.event.recordedBy")).setWidth("8rem").setFlexGrow(1);
        // a correction names the event it corrects as the officer saw it: its kind and date, not a row number
        Map<Long, CaseEvent> byId = detail.events().stream().collect(Collectors.toMap(CaseEvent::getId, e -> e));
        grid.addColumn(e -> e.getSupersedesId() == null || !byId.containsKey(e.getSupersedesId()) ? ""
                        : eventLabel(byId.get(e.getSupersedesId())))
                .setHeader(getTranslation("person.event.corrects")).setWidth("10rem").setFlexGrow(1)
                .setVisible(!superseded.isEmpty());
        // long details wrap inside their column instead of pushing the last columns out of sight
        grid.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setItems(detail.events());
        grid.setAllRowsVisible(true);
        return grid;
    }

    private String eventLabel(CaseEvent e) {
        return getTranslation("event." + e.getType().name()) + " " + PersonListView.DATE.format(e.getEventDate());
    }

    private Component eventForm(PersonService.PersonDetail detail) {
        VerticalLayout box = new VerticalLayout();
        box.setPadding(false);
        DatePicker date = vn.socialmap.base.ui.DatePickers.localized(new DatePicker(getTranslation("person.event.date"), persons.today()));
        Select<EventType> type = new Select<>();
        type.setLabel(getTranslation("person.event.type"));
        type.setItemLabelGenerator(t -> t == null ? "" : getTranslation("event." + t.name()));
        Select<CaseEvent> corrects = new Select<>();
        corrects.setLabel(getTranslation("person.event.corrects"));
        corrects.setItems(detail.events());
        corrects.setItemLabelGenerator(e -> e == null ? "" : eventLabel(e));
        corrects.setEmptySelectionAllowed(true);
        corrects.setEmptySelectionCaption(getTranslation("person.event.new"));
        TextField facility = new TextField(getTranslation("person.event.facility"));
        facility.setVisible(false);
        // an admission or transfer names a registered rehab facility there on the day, chosen by name
        Select<String> rehabFacility = new Select<>();
        rehabFacility.setLabel(getTranslation("person.event.facility"));
        rehabFacility.addClassName("sm-rehab-facility");
        rehabFacility.setVisible(false);
        Map<String, String> rehabNames = new LinkedHashMap<>();
        rehabFacility.setItemLabelGenerator(c -> c == null ? "" : rehabNames.getOrDefault(c, c));
        Span none = new Span();
        none.addClassName("sm-event-none");
        none.setVisible(false);
        Div detailFields = new Div();
        Map<String, com.vaadin.flow.component.HasValue<?, String>> details = new LinkedHashMap<>();
        // dates among the details (a planned end, a day to appear) are picked as dates and stored ISO
        Map<String, DatePicker> dateDetails = new LinkedHashMap<>();
        Span error = new Span();
        error.addClassName("sm-form-error");

        Runnable refreshFacilities = () -> {
            boolean registered = type.getValue() != null && PathRules.ENTERS_FACILITY.contains(type.getValue());
            rehabFacility.setVisible(registered);
            if (!registered || date.getValue() == null) {
                return;
            }
            String kept = rehabFacility.getValue();
            rehabNames.clear();
            // by number within their operator's list: "số 2" before "số 10"
            persons.rehabFacilities(detail, date.getValue()).stream()
                    .sorted(java.util.Comparator.comparing((vn.socialmap.facilities.RehabRegistry.Entry f)
                                    -> f.code().replaceAll("\\d+$", ""))
                            .thenComparingLong(f -> f.code().matches(".*\\d+$") ? Long.parseLong(f.code().replaceAll("^.*?(\\d+)$", "$1")) : 0))
                    .forEach(f -> rehabNames.put(f.code(), f.name()));
            rehabFacility.setItems(List.copyOf(rehabNames.keySet()));
            rehabFacility.setValue(kept != null && rehabNames.containsKey(kept) ? kept : null);
        };
        Button save = new Button(getTranslation("person.event.save"));
        Runnable refreshTypes = () -> {
            PathRules.Next next = date.getValue() == null ? new PathRules.Next(List.of(), null)
                    : persons.nextEvents(detail, date.getValue());
            List<EventType> items = new java.util.ArrayList<>(next.possible());
            if (corrects.getValue() != null) {
                items.add(EventType.VOID);
            }
            type.setItems(items);
            // an empty menu says why: a date in the future, before the person's listing, ...
            none.setText(items.isEmpty() && next.reason() != null
                    ? getTranslation("person.event.none", getTranslation(next.reason().messageKey(), next.reason().arguments())) : "");
            none.setVisible(items.isEmpty() && next.reason() != null);
            type.setEnabled(!items.isEmpty());
            // nothing can be recorded on the date: the reason shows, and there is nothing to save
            save.setEnabled(!items.isEmpty());
            refreshFacilities.run();
        };
        type.addValueChangeListener(e -> {
            detailFields.removeAll();
            details.clear();
            dateDetails.clear();
            refreshFacilities.run();
            if (e.getValue() == null) {
                facility.setVisible(false);
                return;
            }
            facility.setVisible(e.getValue().requiresFacility() && !PathRules.ENTERS_FACILITY.contains(e.getValue()));
            for (String field : e.getValue().requiredDetails()) {
                Set<String> choices = PathRules.choices(field);
                if ("toCommune".equals(field)) {
                    // a move within the city: one of today's communes, by name
                    Select<String> select = new Select<>();
                    select.setLabel(getTranslation("detail." + field));
                    Map<String, String> names = new LinkedHashMap<>();
                    units.byLevel(detail.person().getProvinceCode(), vn.socialmap.geography.AdminLevel.COMMUNE).stream()
                            .filter(u -> !u.getCode().equals(detail.person().getCurrentCommuneCode()))
                            .sorted(java.util.Comparator.comparing(u -> vn.socialmap.base.text.VietnameseText.fold(u.getName())))
                            .forEach(u -> names.put(u.getCode(), u.getName()));
                    select.setItems(names.keySet());
                    select.setItemLabelGenerator(c -> c == null ? "" : names.get(c));
                    details.put(field, select);
                    detailFields.add(select);
                } else if (choices != null) {
                    Select<String> select = new Select<>();
                    select.setLabel(getTranslation("detail." + field));
                    select.setItems(choices.stream().sorted().toList());
                    select.setItemLabelGenerator(v -> getTranslation("value." + v));
                    details.put(field, select);
                    detailFields.add(select);
                } else if ("plannedEnd".equals(field) || "appearOn".equals(field)) {
                    DatePicker day = vn.socialmap.base.ui.DatePickers.localized(new DatePicker(getTranslation("detail." + field)));
                    dateDetails.put(field, day);
                    detailFields.add(day);
                } else {
                    TextField text = new TextField(getTranslation("detail." + field));
                    if ("court".equals(field) && date.getValue() != null) {
                        // the regional court of the person's commune, where the courts table knows it
                        persons.courtFor(detail, date.getValue()).ifPresent(text::setValue);
                    }
                    details.put(field, text);
                    detailFields.add(text);
                }
            }
        });
        date.addValueChangeListener(e -> refreshTypes.run());
        corrects.addValueChangeListener(e -> refreshTypes.run());
        refreshTypes.run();

        save.addClickListener(e -> {
            Map<String, Object> values = new HashMap<>();
            details.forEach((k, field) -> {
                if (field.getValue() != null && !field.getValue().isBlank()) {
                    values.put(k, field.getValue().strip());
                }
            });
            dateDetails.forEach((k, day) -> {
                if (day.getValue() != null) {
                    values.put(k, day.getValue().toString());
                }
            });
            try {
                String facilityCode = rehabFacility.isVisible() ? rehabFacility.getValue()
                        : facility.isVisible() ? facility.getValue() : null;
                persons.addEvent(id, new EventForm(type.getValue(), date.getValue(), facilityCode, values,
                        corrects.getValue() == null ? null : corrects.getValue().getId()));
                Notification.show(getTranslation("person.event.saved"), 3000, Notification.Position.TOP_CENTER)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                show(null);
            } catch (ValidationException ex) {
                error.setText(ex.describe((k, a) -> getTranslation(k, a)));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout first = new HorizontalLayout(date, corrects, type, facility, rehabFacility);
        first.addClassName("sm-event-fields");
        box.add(first, none, detailFields, save, error);
        return box;
    }

    @Override
    public String getPageTitle() {
        return title + " | " + getTranslation("app.title");
    }

    /** A detail as officers write it: a date (stored ISO, e.g. a planned end) as dd/MM/yyyy. */
    private static Object shownValue(Object value) {
        if (value instanceof String text && text.matches("\\d{4}-\\d{2}-\\d{2}")) {
            try {
                return java.time.LocalDate.parse(text).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
            } catch (java.time.format.DateTimeParseException e) {
                return value;
            }
        }
        return value;
    }
}
