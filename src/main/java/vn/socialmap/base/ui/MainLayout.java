package vn.socialmap.base.ui;

import java.util.Locale;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import vn.socialmap.base.ui.i18n.LocaleSelection;
import vn.socialmap.base.ui.i18n.Translations;

/**
 * The shell: title, navigation built from the views' {@code @Menu} entries (Vaadin leaves
 * out the ones the user may not open; titles are translation keys), the signed-in user,
 * password change, logout and the language choice.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    public MainLayout(AuthenticationContext authentication) {
        H1 title = new H1(getTranslation("app.title"));
        title.addClassName("sm-app-title");

        HorizontalLayout navbar = new HorizontalLayout(new DrawerToggle(), title);
        navbar.setWidthFull();
        navbar.setAlignItems(FlexComponent.Alignment.CENTER);
        Span spacer = new Span();
        navbar.add(spacer);
        navbar.expand(spacer);
        authentication.getAuthenticatedUser(UserDetails.class).ifPresent(user -> navbar.add(userBox(user, authentication)));
        Select<Locale> language = languageChoice();
        language.addClassName("sm-navbar-language");
        navbar.add(language);
        navbar.addClassName("sm-navbar");
        addToNavbar(true, navbar);

        SideNav nav = new SideNav();
        // the screen reader's name of a group's expand button, in the user's language
        nav.setI18n(new SideNav.SideNavI18n().setToggle(getTranslation("nav.toggle")));
        MenuConfiguration.getMenuEntries().forEach(entry ->
                nav.addItem(new SideNavItem(getTranslation(entry.title()), entry.path())));
        // On a phone the navbar keeps only the title and the icons; who is signed in and the
        // language move to the drawer (the theme shows this footer only at phone width).
        VerticalLayout drawerFooter = new VerticalLayout();
        drawerFooter.addClassName("sm-drawer-footer");
        authentication.getAuthenticatedUser(UserDetails.class).ifPresent(user -> drawerFooter.add(currentUser(user, "sm-drawer-user")));
        drawerFooter.add(languageChoice());
        addToDrawer(nav, drawerFooter);
        setPrimarySection(Section.DRAWER);
        setDrawerOpened(false);
    }

    private Span currentUser(UserDetails user, String className) {
        String role = user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> getTranslation("role." + a.substring(5)))
                .findFirst().orElse("");
        Span who = new Span(user.getUsername() + " · " + role);
        who.addClassName(className);
        return who;
    }

    private HorizontalLayout userBox(UserDetails user, AuthenticationContext authentication) {
        Span who = currentUser(user, "sm-current-user");
        Button password = new Button(VaadinIcon.KEY.create(), e -> UI.getCurrent().navigate("password"));
        password.setAriaLabel(getTranslation("nav.password"));
        password.setTooltipText(getTranslation("nav.password"));
        Button logout = new Button(getTranslation("nav.logout"), VaadinIcon.SIGN_OUT.create(), e -> authentication.logout());
        logout.addClassName("sm-logout");
        logout.setAriaLabel(getTranslation("nav.logout"));
        for (Button b : new Button[] {password, logout}) {
            b.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        }
        HorizontalLayout box = new HorizontalLayout(who, password, logout);
        box.setAlignItems(FlexComponent.Alignment.CENTER);
        box.setSpacing(false);
        return box;
    }

    private Select<Locale> languageChoice() {
        Select<Locale> language = new Select<>();
        language.setItems(Translations.LOCALES);
        language.setItemLabelGenerator(l -> getTranslation("language." + l.getLanguage()));
        language.setValue(Translations.supported(getLocale()));
        language.setAriaLabel(getTranslation("language.choose"));
        language.addClassName("sm-language");
        language.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                LocaleSelection.choose(e.getValue());
                UI.getCurrent().getPage().reload();
            }
        });
        return language;
    }
}
