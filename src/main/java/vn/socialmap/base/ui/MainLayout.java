package vn.socialmap.base.ui;

import java.util.Locale;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;

import vn.socialmap.base.ui.i18n.LocaleSelection;
import vn.socialmap.base.ui.i18n.Translations;

/** The shell: title, navigation drawer, language choice. */
@Layout
public class MainLayout extends AppLayout {

    public MainLayout() {
        H1 title = new H1(getTranslation("app.title"));
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");

        Select<Locale> language = new Select<>();
        language.setItems(Translations.LOCALES);
        language.setItemLabelGenerator(l -> getTranslation("language." + l.getLanguage()));
        language.setValue(Translations.supported(getLocale()));
        language.setAriaLabel(getTranslation("language.choose"));
        language.setWidth("9rem");
        language.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                LocaleSelection.choose(e.getValue());
                UI.getCurrent().getPage().reload();
            }
        });

        HorizontalLayout navbar = new HorizontalLayout(new DrawerToggle(), title, new Span(), language);
        navbar.setWidthFull();
        navbar.setAlignItems(FlexComponent.Alignment.CENTER);
        navbar.expand(navbar.getComponentAt(2));
        navbar.getStyle().set("padding-right", "var(--lumo-space-m)");
        addToNavbar(true, navbar);

        SideNav nav = new SideNav();
        nav.addItem(new SideNavItem(getTranslation("nav.map"), "", VaadinIcon.MAP_MARKER.create()));
        addToDrawer(nav);
        setPrimarySection(Section.DRAWER);
        setDrawerOpened(false);
    }
}
