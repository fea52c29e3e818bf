package vn.socialmap.base.ui.i18n;

import java.util.Locale;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.http.Cookie;
import org.springframework.stereotype.Component;

/**
 * Keeps the user's language in a cookie. Vietnamese unless English was chosen, whatever
 * the browser asks for: the users are Vietnamese officials on shared office machines.
 */
@Component
public class LocaleSelection implements VaadinServiceInitListener {

    static final String COOKIE = "socialmap-lang";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(e -> e.getSession().setLocale(fromRequest(e.getRequest())));
        event.getSource().addUIInitListener(e -> e.getUI().setLocale(e.getUI().getSession().getLocale()));
    }

    static Locale fromRequest(VaadinRequest request) {
        if (request != null && request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (COOKIE.equals(cookie.getName())) {
                    return Translations.supported(Locale.forLanguageTag(cookie.getValue()));
                }
            }
        }
        return Translations.VIETNAMESE;
    }

    /** Switches the session's language and remembers it for a year. */
    public static void choose(Locale locale) {
        Locale chosen = Translations.supported(locale);
        VaadinSession.getCurrent().setLocale(chosen);
        VaadinResponse response = VaadinService.getCurrentResponse();
        if (response != null) {
            Cookie cookie = new Cookie(COOKIE, chosen.toLanguageTag());
            cookie.setPath("/");
            cookie.setMaxAge(365 * 24 * 3600);
            cookie.setHttpOnly(true);
            response.addCookie(cookie);
        }
    }
}
