package vn.socialmap.base.ui.i18n;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import com.vaadin.flow.i18n.I18NProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * UI strings from {@code vaadin-i18n/translations_*.properties} (UTF-8). Vietnamese is
 * the default and the fallback; English is the second language.
 */
@Component
public class Translations implements I18NProvider {

    public static final Locale VIETNAMESE = Locale.of("vi");
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final List<Locale> LOCALES = List.of(VIETNAMESE, ENGLISH);
    static final String BUNDLE = "vaadin-i18n.translations";

    private static final Logger log = LoggerFactory.getLogger(Translations.class);
    private static final ResourceBundle.Control NO_JVM_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    @Override
    public List<Locale> getProvidedLocales() {
        return LOCALES;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        Locale effective = supported(locale);
        try {
            String pattern = ResourceBundle.getBundle(BUNDLE, effective, NO_JVM_FALLBACK).getString(key);
            return params.length == 0 ? pattern : new MessageFormat(pattern, effective).format(params);
        } catch (MissingResourceException e) {
            log.warn("Missing translation {} for {}", key, effective);
            return "!" + key + "!";
        }
    }

    public static Locale supported(Locale locale) {
        if (locale != null && ENGLISH.getLanguage().equals(locale.getLanguage())) {
            return ENGLISH;
        }
        return VIETNAMESE;
    }
}
