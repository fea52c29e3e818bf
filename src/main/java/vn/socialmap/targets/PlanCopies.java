package vn.socialmap.targets;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.socialmap.base.NotFoundException;
import vn.socialmap.targets.PlanModel.Indicator;
import vn.socialmap.targets.PlanModel.Level;
import vn.socialmap.targets.PlanModel.Plan;
import vn.socialmap.targets.PlanModel.Target;

/**
 * A province's plan made from another's, its targets scaled: how the synthetic national
 * dataset gives every generated province the Hanoi plans sized to its population, so that
 * the national report sums plans that look like real ones.
 */
@Service
@Transactional
public class PlanCopies {

    private final PlanRepository plans;

    PlanCopies(PlanRepository plans) {
        this.plans = plans;
    }

    /** A province's plans. */
    @Transactional(readOnly = true)
    public List<Plan> plansOf(String provinceCode) {
        return plans.plans().stream().filter(p -> p.provinceCode().equals(provinceCode)).toList();
    }

    /**
     * Copies plan {@code templateId} to {@code provinceCode}: same number, title and period,
     * the indicators except those of the kinds left out, city targets times {@code scale}
     * (percent targets unchanged) and, for the indicators the template sets per district,
     * the copied city target split over the province's districts by {@code districtShares}
     * (weights summing to anything positive). Facility targets are not copied: facilities
     * belong to one province.
     *
     * @return the new plan's id
     */
    public long copyScaled(long templateId, String provinceCode, String issuer, double scale, Map<String, Double> districtShares,
                           Set<IndicatorKind> kindsLeftOut) {
        Plan template = plans.plan(templateId).orElseThrow(() -> new NotFoundException("No plan " + templateId));
        long plan = plans.insertPlan(provinceCode, template.number(), issuer, template.issuedOn(), template.title(),
                template.periodFrom(), template.periodTo());
        List<Target> targets = plans.targets(templateId);
        double weights = districtShares.values().stream().mapToDouble(Double::doubleValue).sum();
        for (Indicator i : plans.indicators(templateId)) {
            if (kindsLeftOut.contains(i.definition().kind())) {
                continue;
            }
            long indicator = plans.insertIndicator(provinceCode, plan, i.code(), i.name(), i.unit(), i.definition(), i.position());
            boolean percent = i.unit() == PlanModel.Unit.PERCENT;
            List<Target> own = targets.stream().filter(t -> t.indicatorId() == i.id()).toList();
            for (Target t : own) {
                if (t.level() != Level.CITY) {
                    continue;
                }
                double city = percent ? t.value() : Math.max(1, Math.round(t.value() * scale));
                plans.insertTarget(provinceCode, indicator, Level.CITY, provinceCode, city);
                if (!percent && weights > 0 && own.stream().anyMatch(d -> d.level() == Level.DISTRICT)) {
                    districtShares.forEach((district, w) ->
                            plans.insertTarget(provinceCode, indicator, Level.DISTRICT, district, Math.round(city * w / weights)));
                }
            }
        }
        return plan;
    }
}
