package vn.socialmap.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.socialmap.base.DatabaseOutage;
import vn.socialmap.base.web.RequestIds;

/**
 * What a user sees when something fails after a screen is shown (a click, a save): a
 * message in their language, never a stack trace. A database outage says the system is
 * temporarily unavailable and nothing was saved; anything else gives the request id to
 * quote, which is on the server's log lines of the failure.
 */
@Component
public class ErrorReporting implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(ErrorReporting.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(e -> e.getSession().setErrorHandler(this::report));
    }

    private void report(ErrorEvent event) {
        Throwable failure = event.getThrowable();
        boolean outage = DatabaseOutage.isCause(failure);
        if (outage) {
            // expected while the database restarts: one line, no stack
            log.warn("Database unavailable: {}", failure.getClass().getSimpleName());
        } else {
            log.error("Unexpected failure in the UI", failure);
        }
        UI ui = UI.getCurrent();
        if (ui == null) {
            return;
        }
        String text = outage ? ui.getTranslation("app.unavailable") : ui.getTranslation("app.error", RequestIds.current());
        Notification notification = Notification.show(text, 8000, Notification.Position.TOP_CENTER);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        notification.addClassName("sm-error-notification");
    }
}
