package vn.socialmap.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Shown when the user's role may not open a screen: in the user's language, with the way back, never
 * Vaadin's "Could not navigate" text or a bare HTTP error.
 */
@ParentLayout(MainLayout.class)
@PermitAll
public class NoAccessView extends Div implements HasErrorParameter<AccessDeniedException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        show(this);
        return HttpServletResponse.SC_FORBIDDEN;
    }

    static void show(Div view) {
        view.removeAll();
        view.addClassName("sm-no-access");
        com.vaadin.flow.component.html.Anchor home = new com.vaadin.flow.component.html.Anchor(".", view.getTranslation("app.noaccess.home"));
        view.add(new H2(view.getTranslation("app.noaccess.title")), new Paragraph(view.getTranslation("app.noaccess")), home);
    }
}
