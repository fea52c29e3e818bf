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
 * district targets, on the units that plan names (its structure). The variants are the codes of the
 * indicators that any plan sets district targets for, named by the plan's own words.
 */
@Component
class ProgressLayer implements ThematicLayer {

    private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");

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
        return List.copyOf(progress.indicatorsWithDistrictTargets().keySet());
    }

    @Override
    public String variantLabelKey(String variant) {
        return "map.layer.progress.indicator";
    }

    @Override
    public List<Object> variantLabelArguments(String variant) {
        return List.of(progress.indicatorsWithDistrictTargets().getOrDefault(variant, variant));
    }

    /** Percent achieved: below 25, 50, 75, 100, and the target reached. */
    @Override
    public double[] fixedBreaks(String variant) {
        return new double[] {24, 49, 74, 99, Double.MAX_VALUE};
    }

    @Override
    public String valueSuffix(String variant) {
        return "%";
    }

    @Override
    public String hiddenLabelKey(String variant) {
        return "map.layer.progress.hidden";
    }

    @Override
    public Values values(String variant, String provinceCode, AdminLevel level, LocalDate date, LocalDate unitsAsOf) {
        Map<String, Long> byUnit = new HashMap<>();
        if (level != AdminLevel.DISTRICT) {
            return new Values(byUnit, false, null);
        }
        planFor(variant, provinceCode, date, unitsAsOf).ifPresent(plan -> progress.progress(plan.id(), date, Level.DISTRICT)
                .stream().filter(r -> r.indicatorCode().equals(variant))
                .forEach(r -> byUnit.put(r.unitCode(), r.percent() == null ? null : Math.round(r.percent()))));
        boolean suppressed = byUnit.containsValue(null);
        return new Values(byUnit, suppressed, suppressed ? progress.minCount() : null);
    }

    /** Which plan the percentages are of, and up to which day: a percent means nothing without them. */
    @Override
    public Caption caption(String variant, String provinceCode, LocalDate date) {
        return planFor(variant, provinceCode, date, date).map(plan -> new Caption("map.layer.progress.caption",
                List.<Object>of(plan.number(), period(plan), DAY.format(date)))).orElse(null);
    }

    /** Percentages are of district targets, of a plan in force on the date that names the units shown. */
    @Override
    public Caption nothingToShow(String variant, String provinceCode, AdminLevel level, LocalDate date) {
        if (level == AdminLevel.DISTRICT && planFor(variant, provinceCode, date, date).isPresent()) {
            return null;
        }
        return new Caption("map.layer.progress.noPlan", List.of(DAY.format(date)));
    }

    /** "2022" for a plan of one year, "2022–2025" for a longer one. */
    private static String period(PlanModel.Plan plan) {
        int from = plan.periodFrom().getYear();
        int to = plan.periodTo().getYear();
        return from == to ? String.valueOf(from) : from + "–" + to;
    }

    /** The newest plan in force on the date with district targets for this indicator, on the units shown. */
    private java.util.Optional<PlanModel.Plan> planFor(String variant, String provinceCode, LocalDate date, LocalDate unitsAsOf) {
        String shown = structures.on(unitsAsOf).code();
        List<PlanModel.Plan> candidates = new java.util.ArrayList<>(progress.plans().stream()
                .filter(p -> p.provinceCode().equals(provinceCode) && p.inForceOn(date)
                        && p.unitStructure().equals(shown)).toList());
        java.util.Collections.reverse(candidates);
        return candidates.stream().filter(plan -> progress.progress(plan.id(), date, Level.DISTRICT).stream()
                .anyMatch(r -> r.indicatorCode().equals(variant))).findFirst();
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
