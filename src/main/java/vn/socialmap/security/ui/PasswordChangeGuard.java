package vn.socialmap.security.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

import vn.socialmap.security.AppUser;
import vn.socialmap.security.CurrentUser;

/** While a user must change their password (first login, after a reset), every view leads to that form. */
@Component
class PasswordChangeGuard implements VaadinServiceInitListener {

    private final CurrentUser currentUser;

    PasswordChangeGuard(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(enter -> {
            boolean mustChange = currentUser.get().map(AppUser::mustChangePassword).orElse(false);
            if (mustChange && enter.getNavigationTarget() != ChangePasswordView.class
                    && enter.getNavigationTarget() != LoginView.class) {
                enter.forwardTo(ChangePasswordView.class);
            }
        }));
    }
}
