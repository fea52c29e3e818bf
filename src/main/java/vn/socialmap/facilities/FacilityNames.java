package vn.socialmap.facilities;

import org.springframework.stereotype.Component;

/** A facility's name for a code written on a record: the registered facility's, or the text as written. */
@Component
public class FacilityNames {

    private final FacilityRepository facilities;

    FacilityNames(FacilityRepository facilities) {
        this.facilities = facilities;
    }

    public String nameOf(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        return facilities.findFirstByCode(code.strip()).map(Facility::getName).orElse(code);
    }
}
