package vn.socialmap.security.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import vn.socialmap.base.ValidationException;
import vn.socialmap.base.text.VietnameseText;
import vn.socialmap.geography.AdminLevel;
import vn.socialmap.geography.AdminUnit;
import vn.socialmap.geography.AdminStructures;
import vn.socialmap.geography.AdminUnitService;
import vn.socialmap.security.AreaType;
import vn.socialmap.security.Role;
import vn.socialmap.security.UserAccount;
import vn.socialmap.security.UserAccountService;
import vn.socialmap.security.UserAccountService.UserForm;

/** Admin: create, edit, disable users, reset passwords. */
@Route("admin/users")
@Menu(order = 10, title = "nav.users")
@RolesAllowed("ADMIN")
public class UsersView extends VerticalLayout implements HasDynamicTitle {

    private final UserAccountService accounts;
    private final AdminUnitService units;
    private final AdminStructures structures;
    private final vn.socialmap.security.AreaNames areaNames;
    private final Grid<UserAccount> grid = new Grid<>();
    private final TextField filter = new TextField();

    public UsersView(UserAccountService accounts, AdminUnitService units, AdminStructures structures, java.time.Clock clock,
                     vn.socialmap.security.AreaNames areaNames) {
        this.areaNames = areaNames;
        this.accounts = accounts;
        this.units = units;
        this.structures = structures;
        setSizeFull();

        filter.setPlaceholder(getTranslation("users.filter"));
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.addValueChangeListener(e -> refresh());
        filter.setClearButtonVisible(true);
        filter.setWidth("20rem");
        Button add = new Button(getTranslation("users.new"), e -> openForm(null));
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        grid.addColumn(UserAccount::getUsername).setHeader(getTranslation("users.username")).setSortable(true).setAutoWidth(true);
        grid.addColumn(UserAccount::getDisplayName).setHeader(getTranslation("users.displayName")).setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(u -> getTranslation("role." + u.getRole().name())).setHeader(getTranslation("users.role")).setAutoWidth(true);
        grid.addColumn(this::areaText).setHeader(getTranslation("users.area")).setAutoWidth(true);
        grid.addColumn(u -> getTranslation(u.isEnabled() ? "users.status.active" : "users.status.disabled")
                + (u.getLockedUntil() != null && u.getLockedUntil().isAfter(clock.instant())
                ? " · " + getTranslation("users.status.locked") : "")
                + (u.isDemo() ? " · demo" : "")).setHeader(getTranslation("users.status")).setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader(getTranslation("users.actions")).setAutoWidth(true);
        grid.setSizeFull();

        add(new H2(getTranslation("users.title")), new HorizontalLayout(filter, add), grid);
        refresh();
    }

    private void refresh() {
        String q = VietnameseText.fold(filter.getValue());
        grid.setItems(accounts.findAll().stream()
                .filter(u -> q.isEmpty() || VietnameseText.fold(u.getUsername() + " " + u.getDisplayName()).contains(q))
                .toList());
    }

    private String areaText(UserAccount u) {
        return areaNames.name(u.scope(), getLocale());
    }

    private HorizontalLayout actions(UserAccount u) {
        Button edit = new Button(getTranslation("users.edit"), e -> openForm(u));
        Button toggle = new Button(getTranslation(u.isEnabled() ? "users.disable" : "users.enable"), e -> run(() -> {
            accounts.setEnabled(u.getUsername(), !u.isEnabled());
            return getTranslation(u.isEnabled() ? "users.disabled" : "users.enabled", u.getUsername());
        }));
        Button reset = new Button(getTranslation("users.reset"), e -> openReset(u));
        for (Button b : List.of(edit, toggle, reset)) {
            b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        }
        return new HorizontalLayout(edit, toggle, reset);
    }

    private void openForm(UserAccount existing) {
        Dialog dialog = new Dialog(getTranslation(existing == null ? "users.new" : "users.edit"));
        TextField username = new TextField(getTranslation("users.username"));
        TextField displayName = new TextField(getTranslation("users.displayName"));
        Select<Role> role = new Select<>();
        role.setLabel(getTranslation("users.role"));
        role.setItems(Role.values());
        role.setItemLabelGenerator(r -> getTranslation("role." + r.name()));
        ComboBox<String> area = new ComboBox<>(getTranslation("users.area"));
        Map<String, String> areaLabels = new LinkedHashMap<>();
        area.setItemLabelGenerator(code -> areaLabels.getOrDefault(code, code));
        PasswordField password = new PasswordField(getTranslation("users.initialPassword"));
        role.addValueChangeListener(e -> {
            areaLabels.clear();
            areaLabels.putAll(areaChoices(e.getValue()));
            area.setItems(new ArrayList<>(areaLabels.keySet()));
            area.setEnabled(e.getValue() != null && e.getValue().areaType() != null);
        });
        if (existing != null) {
            username.setValue(existing.getUsername());
            username.setReadOnly(true);
            displayName.setValue(existing.getDisplayName());
            role.setValue(existing.getRole());
            if (existing.getAreaCode() != null) {
                area.setValue(existing.getAreaCode());
            }
        }
        FormLayout form = new FormLayout(username, displayName, role, area);
        if (existing == null) {
            form.add(password);
        }
        Button save = new Button(getTranslation("users.save"), e -> {
            UserForm values = new UserForm(username.getValue(), displayName.getValue(), role.getValue(),
                    role.getValue() == null ? null : role.getValue().areaType(), area.getValue());
            try {
                if (existing == null) {
                    accounts.create(values, password.getValue());
                } else {
                    accounts.update(existing.getUsername(), values, existing.getVersion());
                }
                dialog.close();
                notify(getTranslation("users.saved", values.username()), true);
                refresh();
            } catch (ValidationException ex) {
                notify(ex.describe((k, a) -> getTranslation(k, a)), false);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(form);
        dialog.getFooter().add(new Button(getTranslation("users.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private Map<String, String> areaChoices(Role role) {
        Map<String, String> choices = new LinkedHashMap<>();
        if (role == null || role.areaType() == null) {
            return choices;
        }
        switch (role.areaType()) {
            case PROVINCE -> units.provinces().forEach(p -> choices.put(p.getCode(), p.getName()));
            // a district officer keeps a former district; a commune officer is one of today's communes
            case DISTRICT -> structures.lastWithDistricts().map(s -> structures.dayWithin(s, structures.today()))
                    .ifPresent(then -> units.provinces(then).forEach(p -> units.byLevel(p.getCode(), AdminLevel.DISTRICT, then)
                            .forEach(u -> choices.put(u.getCode(), u.getName() + " (" + u.getCode() + ")"))));
            case COMMUNE -> units.provinces().forEach(p -> units.byLevel(p.getCode(), AdminLevel.COMMUNE)
                    .forEach(u -> choices.put(u.getCode(), u.getName() + " (" + u.getCode() + ")")));
            case FACILITY -> {
                for (int n = 1; n <= 7; n++) {
                    choices.put(String.valueOf(n), getTranslation("users.area.facility", n));
                }
                // the police's facilities since 01/03/2025 (Hà Nội's 4, issue 19)
                for (int n = 1; n <= 4; n++) {
                    choices.put("PC04-" + n, getTranslation("users.area.facility.police", n));
                }
            }
        }
        return choices;
    }

    private void openReset(UserAccount u) {
        Dialog dialog = new Dialog(getTranslation("users.reset.title", u.getUsername()));
        PasswordField password = new PasswordField(getTranslation("users.temporaryPassword"));
        password.setHelperText(getTranslation("password.rules"));
        Button save = new Button(getTranslation("users.reset"), e -> {
            try {
                accounts.resetPassword(u.getUsername(), password.getValue());
                dialog.close();
                notify(getTranslation("users.reset.done", u.getUsername()), true);
                refresh();
            } catch (ValidationException ex) {
                password.setErrorMessage(ex.describe((k, a) -> getTranslation(k, a)));
                password.setInvalid(true);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(password);
        dialog.getFooter().add(new Button(getTranslation("users.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private void run(java.util.function.Supplier<String> action) {
        try {
            notify(action.get(), true);
            refresh();
        } catch (ValidationException ex) {
            notify(ex.describe((k, a) -> getTranslation(k, a)), false);
        }
    }

    private static void notify(String text, boolean ok) {
        Notification n = Notification.show(text, 4000, Notification.Position.TOP_CENTER);
        n.addThemeVariants(ok ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_ERROR);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("users.title") + " | " + getTranslation("app.title");
    }
}
