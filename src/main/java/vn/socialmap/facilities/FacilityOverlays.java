package vn.socialmap.facilities;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.server.VaadinSession;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import vn.socialmap.base.geojson.GeoJson;
import vn.socialmap.base.ui.i18n.Translations;
import vn.socialmap.geography.MapOverlays;

/** One map layer per facility type; hotspots only for roles that may see persons. */
@Component
class FacilityOverlays implements MapOverlays {

    private final FacilityService facilities;
    private final I18NProvider translations;

    FacilityOverlays(FacilityService facilities, I18NProvider translations) {
        this.facilities = facilities;
        this.translations = translations;
    }

    @Override
    public List<Group> groups() {
        List<Group> groups = new ArrayList<>();
        for (FacilityType type : FacilityType.values()) {
            if (type != FacilityType.HOTSPOT || facilities.seesHotspots()) {
                groups.add(new Group(type.name(), "facility.type." + type.name(), type.color()));
            }
        }
        return groups;
    }

    @Override
    public GeoJson.FeatureCollection features(String groupId, String provinceCode, LocalDate date) {
        FacilityType type = FacilityType.valueOf(groupId);
        List<GeoJson.Feature> features = new ArrayList<>();
        for (Facility f : facilities.find(new FacilityService.Query(provinceCode, List.of(type), null, null, null))) {
            if (!facilities.existsOn(f, date)) {
                continue;
            }
            GeoJson.Feature base = FacilityController.feature(f);
            Map<String, Object> p = new LinkedHashMap<>(base.properties());
            String popup = popup(f);
            p.put("_tooltip", f.getName());
            p.put("_popup", popup);
            features.add(new GeoJson.Feature(base.id(), base.geometry(), p));
        }
        return new GeoJson.FeatureCollection(features);
    }

    private String popup(Facility f) {
        var locale = VaadinSession.getCurrent() == null ? Translations.VIETNAMESE : VaadinSession.getCurrent().getLocale();
        StringBuilder html = new StringBuilder("<strong>").append(HtmlUtils.htmlEscape(f.getName())).append("</strong><br>")
                .append(HtmlUtils.htmlEscape(translations.getTranslation("facility.type." + f.getType().name(), locale)));
        if (f.getAddress() != null) {
            html.append("<br>").append(HtmlUtils.htmlEscape(translations.getTranslation("map.popup.address", locale, f.getAddress())));
        }
        html.append("<br>").append(HtmlUtils.htmlEscape(translations.getTranslation("map.popup.status", locale,
                translations.getTranslation("facility.status." + f.getStatus().name(), locale))));
        f.getDetails().forEach((k, v) -> html.append("<br>").append(HtmlUtils.htmlEscape(k + ": " + v)));
        html.append("<br><a href=\"facilities?id=").append(f.getId()).append("\">")
                .append(HtmlUtils.htmlEscape(translations.getTranslation("map.popup.open", locale))).append("</a>");
        return html.toString();
    }
}
