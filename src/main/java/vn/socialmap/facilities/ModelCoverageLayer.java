package vn.socialmap.facilities;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import vn.socialmap.geography.AdminLevel;
import vn.socialmap.geography.AdminUnitService;
import vn.socialmap.geography.ThematicLayer;

/** Map layer: active post-rehab models per commune (none, 1, 2+) or per district. Not person data. */
@Component
class ModelCoverageLayer implements ThematicLayer {

    private final ModelCoverage coverage;
    private final AdminUnitService units;

    ModelCoverageLayer(ModelCoverage coverage, AdminUnitService units) {
        this.coverage = coverage;
        this.units = units;
    }

    @Override
    public String id() {
        return "models";
    }

    @Override
    public String labelKey() {
        return "map.layer.models";
    }

    @Override
    public List<String> variants() {
        return List.of("COUNT");
    }

    @Override
    public String variantLabelKey(String variant) {
        return "map.layer.models";
    }

    @Override
    public double[] fixedBreaks(String variant) {
        return new double[] {1, Double.MAX_VALUE};
    }

    @Override
    public Values values(String variant, String provinceCode, AdminLevel level, LocalDate date, LocalDate unitsAsOf) {
        // the models running in the year of the date, placed by their location in the units shown
        Map<String, Integer> perCommune = coverage.modelsPerCommune(provinceCode, date, unitsAsOf);
        Map<String, Long> byUnit = new HashMap<>();
        units.byLevel(provinceCode, level, unitsAsOf).forEach(u -> byUnit.put(u.getCode(), 0L));
        perCommune.forEach((commune, n) -> {
            String key = level == AdminLevel.COMMUNE ? commune
                    : units.find(commune, unitsAsOf).map(c -> c.getParentCode()).orElse(commune);
            byUnit.merge(key, (long) n, Long::sum);
        });
        return new Values(byUnit, false, null);
    }

    @Override
    public boolean pointsAvailable() {
        return false;
    }

    @Override
    public List<double[]> points(String variant, String provinceCode, LocalDate date) {
        return List.of();
    }
}
