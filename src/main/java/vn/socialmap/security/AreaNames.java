package vn.socialmap.security;

import java.util.Locale;

import org.springframework.stereotype.Component;

import vn.socialmap.audit.AuditAreaNames;
import vn.socialmap.base.ui.i18n.Translations;
import vn.socialmap.geography.AdminStructures;
import vn.socialmap.geography.AdminUnit;
import vn.socialmap.geography.AdminUnitService;

/** A user's area in words: "Phường Ba Đình", "Quận Cầu Giấy (cũ)", "Cơ sở cai nghiện số 1". */
@Component
public class AreaNames implements AuditAreaNames {

    private final AdminUnitService units;
    private final AdminStructures structures;
    private final Translations translations;

    AreaNames(AdminUnitService units, AdminStructures structures, Translations translations) {
        this.units = units;
        this.structures = structures;
        this.translations = translations;
    }

    public String name(AccessScope scope, Locale locale) {
        if (scope.areaType() == null) {
            return translations.getTranslation("users.area.system", locale);
        }
        if (scope.areaType() == AreaType.FACILITY) {
            FacilityArea area = new FacilityArea(scope.areaCode());
            return translations.getTranslation(area.labelKey(), locale, area.number());
        }
        if (scope.areaType() == AreaType.PROVINCE) {
            return units.find(scope.areaCode()).map(AdminUnit::getName).orElse(scope.areaCode());
        }
        // a former district or commune is named as it was, and marked as former
        boolean former = !structures.current().code().equals(scope.areaStructure());
        return units.find(scope.areaUnit()).map(AdminUnit::getName)
                .map(name -> former ? translations.getTranslation("users.area.former", locale, name) : name)
                .orElse(scope.areaCode());
    }

    @Override
    public String name(String areaLabel, Locale locale) {
        if (areaLabel == null || areaLabel.isBlank()) {
            return "";
        }
        try {
            return name(AccessScope.ofLabel(areaLabel), locale);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return areaLabel;
        }
    }
}
