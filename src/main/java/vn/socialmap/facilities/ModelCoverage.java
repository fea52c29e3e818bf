package vn.socialmap.facilities;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.socialmap.geography.AdminLevel;
import vn.socialmap.geography.AdminUnit;
import vn.socialmap.geography.AdminUnitService;

/**
 * Post-rehab support models per commune, against Plan 78's target "every commune applies
 * at least one model". A model counts in a year when it is active and its start year is
 * not after it and its end year (if any) not before it.
 */
@Service
@Transactional(readOnly = true)
public class ModelCoverage {

    private final FacilityRepository facilities;
    private final AdminUnitService units;

    ModelCoverage(FacilityRepository facilities, AdminUnitService units) {
        this.facilities = facilities;
        this.units = units;
    }

    public record DistrictCoverage(String code, String name, int communes, int communesWithModel, int models) {
        public double share() {
            return communes == 0 ? 0 : (double) communesWithModel / communes;
        }
    }

    /** Active models per commune code of the province in the year (communes without one are absent). */
    public Map<String, Integer> modelsPerCommune(String provinceCode, int year) {
        Map<String, Integer> counts = new HashMap<>();
        for (Facility f : facilities.findByProvinceCodeOrderByTypeAscNameAsc(provinceCode)) {
            if (f.getType() == FacilityType.POST_REHAB_MODEL && runsIn(f, year)) {
                counts.merge(f.getCommuneCode(), 1, Integer::sum);
            }
        }
        return counts;
    }

    public List<DistrictCoverage> byDistrict(String provinceCode, int year) {
        Map<String, Integer> perCommune = modelsPerCommune(provinceCode, year);
        List<DistrictCoverage> rows = new ArrayList<>();
        for (AdminUnit district : units.byLevel(provinceCode, AdminLevel.DISTRICT)) {
            List<AdminUnit> communes = units.children(district.getCode());
            if (communes.isEmpty()) {
                continue;
            }
            int with = 0;
            int models = 0;
            for (AdminUnit c : communes) {
                int n = perCommune.getOrDefault(c.getCode(), 0);
                models += n;
                with += n > 0 ? 1 : 0;
            }
            rows.add(new DistrictCoverage(district.getCode(), district.getName(), communes.size(), with, models));
        }
        return rows;
    }

    /** Communes of the province (or district) with no active model in the year. */
    public List<AdminUnit> communesWithout(String provinceCode, String districtCode, int year) {
        Map<String, Integer> perCommune = modelsPerCommune(provinceCode, year);
        List<AdminUnit> communes = districtCode == null ? units.byLevel(provinceCode, AdminLevel.COMMUNE)
                : units.children(districtCode);
        return communes.stream().filter(c -> !perCommune.containsKey(c.getCode())).toList();
    }

    static boolean runsIn(Facility f, int year) {
        if (f.getStatus() != FacilityStatus.ACTIVE) {
            return false;
        }
        Map<String, Object> d = f.getDetails();
        int start = Integer.parseInt(d.get("startYear").toString());
        Object end = d.get("endYear");
        return start <= year && (end == null || Integer.parseInt(end.toString()) >= year);
    }
}
