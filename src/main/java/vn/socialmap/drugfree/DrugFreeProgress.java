package vn.socialmap.drugfree;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;

import vn.socialmap.targets.PlanModel;
import vn.socialmap.targets.ProgressService;

/**
 * Progress against the drug-free targets of the plans in force (Plans 290/KH-UBND, 08/KH-UBND,
 * 187/KH-UBND for Hanoi): the plans' own progress (targets module), and the plain figures it rests on.
 */
@Service
public class DrugFreeProgress {

    private final DrugFreeCommunes communes;
    private final ProgressService progress;

    DrugFreeProgress(DrugFreeCommunes communes, ProgressService progress) {
        this.communes = communes;
        this.progress = progress;
    }

    /** One plan's drug-free target on the assessment day. */
    public record PlanTarget(long planId, String number, String indicator, String unit, double target, Long actual,
                             Double percent) {
    }

    /**
     * @param communes   today's communes of the province
     * @param recognised communes recognised for the year on the assessment day
     * @param share      their percent of the communes, one decimal
     * @param plans      the targets of the plans in force on the assessment day
     */
    public record Summary(int communes, long recognised, double share, List<PlanTarget> plans) {
    }

    public Summary summary(String province, int year) {
        return summary(province, year, communes.assessmentDay(year));
    }

    /** The summary on a day of the year (the map's date). */
    public Summary summary(String province, int year, LocalDate day) {
        int all = communes.communeCount(province);
        long recognised = communes.recognised(province, day);
        double share = all == 0 ? 0 : Math.round(1000.0 * recognised / all) / 10.0;
        List<PlanTarget> plans = new ArrayList<>();
        for (PlanModel.Plan plan : progress.plans()) {
            if (!plan.provinceCode().equals(province) || day.isBefore(plan.periodFrom()) || day.isAfter(plan.periodTo())) {
                continue;
            }
            progress.progress(plan.id(), day, PlanModel.Level.CITY).stream()
                    .filter(r -> r.indicatorCode().equals(DrugFreeIndicators.COUNT) || r.indicatorCode().equals(DrugFreeIndicators.SHARE))
                    .forEach(r -> plans.add(new PlanTarget(plan.id(), plan.number(), r.indicatorName(),
                            r.indicatorCode().equals(DrugFreeIndicators.SHARE) ? "PERCENT" : "COMMUNES",
                            r.target() == null ? 0 : r.target(), r.actual(), r.percent())));
        }
        return new Summary(all, recognised, share, plans);
    }
}
