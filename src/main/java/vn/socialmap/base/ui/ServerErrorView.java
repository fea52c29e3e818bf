package vn.socialmap.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.socialmap.base.DatabaseOutage;
import vn.socialmap.base.web.RequestIds;

/**
 * Shown instead of a screen that failed to open: "temporarily unavailable" while the
 * database is away (the page works again once it is back), otherwise an apology with the
 * request id. Never a stack trace.
 */
@ParentLayout(MainLayout.class)
@PermitAll
public class ServerErrorView extends Div implements HasErrorParameter<Exception> {

    private static final Logger log = LoggerFactory.getLogger(ServerErrorView.class);

    private static boolean deniedBy(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.springframework.security.access.AccessDeniedException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        if (deniedBy(parameter.getCaughtException())) {
            // a service refused the role (a leader opening a list of people): the same page as a refused route
            NoAccessView.show(this);
            return HttpServletResponse.SC_FORBIDDEN;
        }
        boolean outage = DatabaseOutage.isCause(parameter.getCaughtException());
        if (outage) {
            log.warn("Database unavailable opening {}", event.getLocation().getPath());
        } else {
            log.error("Failure opening {}", event.getLocation().getPath(), parameter.getCaughtException());
        }
        removeAll();
        addClassName("sm-server-error");
        add(new H2(getTranslation(outage ? "app.unavailable.title" : "app.error.title")),
                new Paragraph(outage ? getTranslation("app.unavailable") : getTranslation("app.error", RequestIds.current())));
        return outage ? HttpServletResponse.SC_SERVICE_UNAVAILABLE : HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
