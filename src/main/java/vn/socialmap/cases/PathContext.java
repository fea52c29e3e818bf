package vn.socialmap.cases;

import org.springframework.stereotype.Component;

import vn.socialmap.facilities.AdmissionAges;

/**
 * What the path rules need to know beyond the path itself when an officer records an event: the ages each
 * facility admits. History already stored is read as recorded (a rule added later does not hide a record).
 */
@Component
class PathContext {

    private final AdmissionAges admissionAges;

    PathContext(AdmissionAges admissionAges) {
        this.admissionAges = admissionAges;
    }

    PathRules.FacilityAges facilityAges() {
        return code -> admissionAges.of(code).map(r -> new PathRules.AgeRange(r.from(), r.below())).orElse(null);
    }
}
