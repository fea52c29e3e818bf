package vn.socialmap.targets;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import vn.socialmap.geography.AdminLevel;
import vn.socialmap.geography.AdminStructures;
import vn.socialmap.geography.ThematicLayer;
import vn.socialmap.targets.PlanModel.Level;

/**
 * Map layer: percent of each district's target achieved, per indicator of the latest plan with
 * district targets, on the units that plan names (its structure).
 */
@Component
class ProgressLayer implements ThematicLayer {

    private final ProgressService progress;
    private final AdminStructures structures;

    ProgressLayer(ProgressService progress, AdminStructures structures) {
        this.progress = progress;
        this.structures = structures;
    }

    @Override
    public String id() {
        return "progress";
    }

    @Override
    public String labelKey() {
        return "map.layer.progress";
    }

    @Override
    public List<String> variants() {
        return List.of("DOSSIERS", "POST_REHAB", "SUPPORT", "MODELS");
    }

    @Override
    public String variantLabelKey(String variant) {
        return "map.layer.progress." + variant;
    }

    /** Percent achieved: below 25, 50, 75, 100, and the target reached. */
    @Override
    public double[] fixedBreaks(String variant) {
        return new double[] {24, 49, 74, 99, Double.MAX_VALUE};
    }

    @Override
    public Values values(String variant, String provinceCode, AdminLevel level, LocalDate date, LocalDate unitsAsOf) {
        Map<String, Long> byUnit = new HashMap<>();
        if (level != AdminLevel.DISTRICT) {
            return new Values(byUnit, false, null);
        }
        String shown = structures.on(unitsAsOf).code();
        // the newest plan in force on the date that has district targets for this indicator
        List<PlanModel.Plan> candidates = new java.util.ArrayList<>(progress.plans().stream()
                .filter(p -> p.provinceCode().equals(provinceCode) && !date.isBefore(p.periodFrom())
                        && p.unitStructure().equals(shown)).toList());
        java.util.Collections.reverse(candidates);
        for (PlanModel.Plan plan : candidates) {
            progress.progress(plan.id(), date, Level.DISTRICT).stream()
                    .filter(r -> r.indicatorCode().equals(variant))
                    .forEach(r -> byUnit.put(r.unitCode(), r.percent() == null ? null : Math.round(r.percent())));
            if (!byUnit.isEmpty()) {
                break;
            }
        }
        boolean suppressed = byUnit.containsValue(null);
        return new Values(byUnit, suppressed, suppressed ? 5 : null);
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
