package vn.socialmap.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

import vn.socialmap.base.ValidationException;
import vn.socialmap.security.CurrentUser;
import vn.socialmap.security.SessionUsers;
import vn.socialmap.security.UserAccountService;

/** Change one's own password; where users are sent while they must change it. */
@Route("password")
@PermitAll
public class ChangePasswordView extends VerticalLayout implements HasDynamicTitle {

    public ChangePasswordView(UserAccountService accounts, CurrentUser currentUser, SessionUsers sessionUsers) {
        setMaxWidth("28rem");
        H2 title = new H2(getTranslation("password.title"));
        add(title);
        if (currentUser.get().map(u -> u.mustChangePassword()).orElse(false)) {
            Paragraph must = new Paragraph(getTranslation("password.must"));
            must.addClassName("sm-must-change");
            add(must);
        }
        PasswordField current = new PasswordField(getTranslation("password.current"));
        PasswordField next = new PasswordField(getTranslation("password.new"));
        next.setHelperText(getTranslation("password.rules"));
        PasswordField repeat = new PasswordField(getTranslation("password.repeat"));
        for (PasswordField f : new PasswordField[] {current, next, repeat}) {
            f.setWidthFull();
        }
        Button save = new Button(getTranslation("password.save"), e -> {
            current.setInvalid(false);
            next.setInvalid(false);
            repeat.setInvalid(false);
            if (!next.getValue().equals(repeat.getValue())) {
                repeat.setErrorMessage(getTranslation("password.error.repeat"));
                repeat.setInvalid(true);
                return;
            }
            try {
                String username = currentUser.require().getUsername();
                accounts.changeOwnPassword(username, current.getValue(), next.getValue());
                sessionUsers.refresh(username);
                Notification.show(getTranslation("password.saved"), 4000, Notification.Position.TOP_CENTER)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                getUI().ifPresent(ui -> ui.navigate(""));
            } catch (ValidationException ex) {
                PasswordField field = "currentPassword".equals(ex.field()) ? current : next;
                field.setErrorMessage(ex.describe((k, a) -> getTranslation(k, a)));
                field.setInvalid(true);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(current, next, repeat, save);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("password.title") + " | " + getTranslation("app.title");
    }
}
