package vn.socialmap.facilities;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.socialmap.geography.AdminLevel;
import vn.socialmap.geography.AdminStructures;
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
    private final AdminStructures structures;

    ModelCoverage(FacilityRepository facilities, AdminUnitService units, AdminStructures structures) {
        this.facilities = facilities;
        this.units = units;
        this.structures = structures;
    }

    public record DistrictCoverage(String code, String name, int communes, int communesWithModel, int models) {
        public double share() {
            return communes == 0 ? 0 : (double) communesWithModel / communes;
        }
    }

    /**
     * Active models in the year of {@code on}, per commune of the structure in force on that
     * date (the commune holding each model's location); communes without one are absent.
     */
    public Map<String, Integer> modelsPerCommune(String provinceCode, LocalDate on) {
        return modelsPerCommune(provinceCode, on, on);
    }

    /** The models running in the year of {@code on}, per commune in force on {@code unitsAsOf}. */
    public Map<String, Integer> modelsPerCommune(String provinceCode, LocalDate on, LocalDate unitsAsOf) {
        Map<Long, double[]> points = new HashMap<>();
        for (Facility f : facilities.findByProvinceCodeOrderByTypeAscNameAsc(provinceCode)) {
            if (f.getType() == FacilityType.POST_REHAB_MODEL && runsIn(f, on.getYear())) {
                points.put(f.getId(), new double[] {f.getLocation().getX(), f.getLocation().getY()});
            }
        }
        Map<String, Integer> counts = new HashMap<>();
        units.communesAt(structures.on(unitsAsOf).code(), provinceCode, points).values()
                .forEach(commune -> counts.merge(commune, 1, Integer::sum));
        return counts;
    }

    /** Per district of the structure in force on {@code on} (none after 1 July 2025), models in that year. */
    public List<DistrictCoverage> byDistrict(String provinceCode, LocalDate on) {
        return byDistrict(provinceCode, on, on);
    }

    /** Models in the year of {@code on}, per district in force on {@code unitsAsOf} (a plan's units). */
    public List<DistrictCoverage> byDistrict(String provinceCode, LocalDate on, LocalDate unitsAsOf) {
        Map<String, Integer> perCommune = modelsPerCommune(provinceCode, on, unitsAsOf);
        List<DistrictCoverage> rows = new ArrayList<>();
        for (AdminUnit district : units.byLevel(provinceCode, AdminLevel.DISTRICT, unitsAsOf)) {
            List<AdminUnit> communes = units.children(district);
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

    /** Communes in force on {@code on} of the province (or district) with no active model in that year. */
    public List<AdminUnit> communesWithout(String provinceCode, String districtCode, LocalDate on) {
        Map<String, Integer> perCommune = modelsPerCommune(provinceCode, on);
        List<AdminUnit> communes = districtCode == null ? units.byLevel(provinceCode, AdminLevel.COMMUNE, on)
                : units.children(districtCode, on);
        return communes.stream().filter(c -> !perCommune.containsKey(c.getCode())).toList();
    }

    /** Whether a model's years (start, and end if any) include the year, whatever its status now. */
    static boolean scheduledIn(Facility f, int year) {
        Map<String, Object> d = f.getDetails();
        int start = Integer.parseInt(d.get("startYear").toString());
        Object end = d.get("endYear");
        return start <= year && (end == null || Integer.parseInt(end.toString()) >= year);
    }

    static boolean runsIn(Facility f, int year) {
        return f.getStatus() == FacilityStatus.ACTIVE && scheduledIn(f, year);
    }
}
