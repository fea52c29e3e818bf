package vn.socialmap.security.ui;

import java.time.format.DateTimeFormatter;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import vn.socialmap.security.AccessGrant;
import vn.socialmap.security.BreakGlassService;
import vn.socialmap.security.UserAccount;
import vn.socialmap.security.UserAccountService;

/** Admin: every break-the-glass access, with its reason and whether it is still active. */
@Route("admin/access-grants")
@Menu(order = 11, title = "nav.grants")
@RolesAllowed("ADMIN")
public class AccessGrantsView extends VerticalLayout implements HasDynamicTitle {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(vn.socialmap.base.VietnamTime.ZONE);

    public AccessGrantsView(BreakGlassService breakGlass, UserAccountService accounts) {
        setSizeFull();
        var usernames = accounts.findAll().stream()
                .collect(java.util.stream.Collectors.toMap(UserAccount::getId, UserAccount::getUsername));
        Grid<AccessGrant> grid = new Grid<>();
        grid.addColumn(g -> TIME.format(g.getGrantedAt())).setHeader(getTranslation("grants.granted")).setAutoWidth(true);
        grid.addColumn(g -> usernames.getOrDefault(g.getUserId(), "#" + g.getUserId())).setHeader(getTranslation("grants.user")).setAutoWidth(true);
        grid.addColumn(g -> g.getSubjectType() + " " + g.getSubjectId()).setHeader(getTranslation("grants.record")).setAutoWidth(true);
        grid.addColumn(AccessGrant::getReason).setHeader(getTranslation("grants.reason")).setFlexGrow(1);
        grid.addColumn(g -> TIME.format(g.getExpiresAt())).setHeader(getTranslation("grants.expires")).setAutoWidth(true);
        grid.addColumn(g -> getTranslation(g.isActiveAt(breakGlass.now()) ? "grants.active" : "grants.expired"))
                .setHeader(getTranslation("grants.status")).setAutoWidth(true);
        grid.setItems(breakGlass.recent());
        grid.setSizeFull();
        add(new H2(getTranslation("grants.title")), grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("grants.title") + " | " + getTranslation("app.title");
    }
}
