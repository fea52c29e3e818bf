package vn.socialmap.cases;

import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.socialmap.base.text.VietnameseText;
import vn.socialmap.courts.RegionalCourt;
import vn.socialmap.courts.RegionalCourts;
import vn.socialmap.facilities.AdmissionAges;
import vn.socialmap.facilities.RehabRegistry;
import vn.socialmap.geography.AdminUnit;
import vn.socialmap.geography.AdminUnitService;

/**
 * What the path rules need to know beyond the path itself when an officer records an event: the ages each
 * facility admits, and the regional court whose area covers a commune. History already stored is read as
 * recorded (a rule added later does not hide a record).
 */
@Component
class PathContext {

    private final AdmissionAges admissionAges;
    private final RegionalCourts courts;
    private final AdminUnitService units;
    private final vn.socialmap.facilities.FacilityNames facilityNames;
    private final RehabRegistry rehab;

    PathContext(AdmissionAges admissionAges, RegionalCourts courts, AdminUnitService units,
                vn.socialmap.facilities.FacilityNames facilityNames, RehabRegistry rehab) {
        this.facilityNames = facilityNames;
        this.rehab = rehab;
        this.admissionAges = admissionAges;
        this.courts = courts;
        this.units = units;
    }

    PathRules.FacilityAges facilityAges() {
        return code -> admissionAges.of(code).map(r -> new PathRules.AgeRange(r.from(), r.below())).orElse(null);
    }

    /** The rehab facilities registered in the province, as the path rules ask after them. */
    PathRules.RehabFacilities rehabFacilities(String provinceCode) {
        return (code, date) -> rehab.find(provinceCode, code, date)
                .map(f -> new PathRules.RehabFacility(f.publicFacility(), f.open()));
    }

    /** The rehab facilities of the province there on a date, for the event form to choose from. */
    java.util.List<RehabRegistry.Entry> openRehabFacilities(String provinceCode, java.time.LocalDate date) {
        return rehab.openOn(provinceCode, date);
    }

    String facilityName(String code) {
        return facilityNames.nameOf(code);
    }

    /** The name of the regional court covering the commune on the date, where the courts table knows it. */
    Optional<String> courtName(String communeCode, java.time.LocalDate date) {
        return courts.courtFor(communeCode, date).map(RegionalCourt::name);
    }

    /**
     * A court decision from 1 July 2025 comes from the regional People's Court whose area covers the person's
     * commune (Resolution 81/2025/UBTVQH15; Law 120/2025 Articles 35, 36), where the courts table knows it: the
     * decision names that court, by its name or code, diacritics and case aside.
     */
    void checkCourt(PathRules.Event decision, String communeCode) {
        if (decision.type() != EventType.COURT_DECISION || decision.date() == null) {
            return;
        }
        Optional<RegionalCourt> court = courts.courtFor(communeCode, decision.date());
        if (court.isEmpty()) {
            return;
        }
        String named = VietnameseText.fold(String.valueOf(decision.details().get("court")).strip());
        RegionalCourt due = court.get();
        if (!named.equals(VietnameseText.fold(due.name())) && !named.equals(VietnameseText.fold(due.code()))) {
            String commune = units.find(communeCode).map(AdminUnit::getName).orElse(communeCode);
            throw new PathRules.Violation(decision, "decision.court", due.name(), commune);
        }
    }
}
