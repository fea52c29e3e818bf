package vn.socialmap.targets;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.socialmap.base.cache.AnswerCaches;
import vn.socialmap.base.cache.RecentAnswers;
import vn.socialmap.cases.CaseIndicators;
import vn.socialmap.cases.EventType;
import vn.socialmap.cases.PathStatus;
import vn.socialmap.facilities.FacilityService;
import vn.socialmap.facilities.ModelCoverage;
import vn.socialmap.geography.AdminUnitService;
import vn.socialmap.security.CurrentUser;
import vn.socialmap.targets.PlanModel.Indicator;
import vn.socialmap.geography.AdminLevel;
import vn.socialmap.targets.PlanModel.Plan;
import vn.socialmap.targets.PlanModel.Target;
import vn.socialmap.targets.ProgressService.Row;
import vn.socialmap.targets.ProgressService.Status;

/**
 * The nation's progress on a date: every province's plans in force on that date (the
 * latest issued, where two of a province's plans share an indicator), their city targets
 * and actuals per province, and per indicator code the sum over provinces. Counts add up;
 * a percent indicator's national actual is the share over all the provinces' people on
 * record and its target their targets weighted by those people. An indicator expected to
 * grow with each plan's elapsed period (events, drug-free communes) is expected nationally
 * at the provinces' elapsed shares weighted by their targets; the sum and each province are
 * judged by the one rule, {@link ProgressService#judge}.
 *
 * <p>Actuals are computed with one query per indicator definition for all provinces, not
 * one per province, and kept until the registry, a facility or a target changes.
 */
@Service
@Transactional(readOnly = true)
public class NationalProgress {

    private final PlanRepository plans;
    private final CaseIndicators indicators;
    private final ModelCoverage models;
    private final FacilityService facilities;
    private final AdminUnitService units;
    private final CurrentUser currentUser;
    private final ProgressService progress;
    private final RecentAnswers<Report> cache;

    NationalProgress(PlanRepository plans, CaseIndicators indicators, ModelCoverage models, FacilityService facilities,
                     AdminUnitService units, CurrentUser currentUser, ProgressService progress, AnswerCaches caches) {
        this.cache = caches.create(32);
        this.plans = plans;
        this.indicators = indicators;
        this.models = models;
        this.facilities = facilities;
        this.units = units;
        this.currentUser = currentUser;
        this.progress = progress;
    }

    /**
     * One indicator summed over the provinces whose plans in force set it; {@code ahead},
     * {@code onTrack} and {@code behind} count provinces (those suppressed count in none).
     */
    public record IndicatorTotal(String indicatorCode, String indicatorName, PlanModel.Unit unit, int provinces, double target,
                                 Long actual, Double percent, Double expectedPercent, Status status, int ahead, int onTrack,
                                 int behind) {
    }

    /** One province's city target of one indicator, with the plan it comes from. */
    public record ProvinceProgress(String provinceCode, String provinceName, long planId, String planNumber,
                                   String indicatorCode, double target, Long actual, Double percent, Status status) {
    }

    public record Report(LocalDate asOf, int plans, List<IndicatorTotal> indicators, List<ProvinceProgress> provinces) {
    }

    /** Today if a plan is in force today, otherwise the last day a plan was in force before it (a default date). */
    public LocalDate latestDateCovered(LocalDate today) {
        return plans.plans().stream().filter(p -> !p.periodFrom().isAfter(today))
                .map(p -> p.periodTo().isAfter(today) ? today : p.periodTo()).max(LocalDate::compareTo).orElse(today);
    }

    public Report on(LocalDate asOf) {
        if (indicators.registryWrittenInThisTransaction()) {
            return compute(asOf);
        }
        String key = asOf + "|" + currentUser.scope().role() + "|" + currentUser.scope().label() + "|" + indicators.registryVersion() + "|"
                + facilities.version() + "|" + plans.targetsVersion() + "|" + progress.sourcesVersion();
        return cache.get(key, () -> compute(asOf));
    }

    /** A city target to compute: the plan, its indicator and the target value. */
    private record Cell(Plan plan, Indicator indicator, Target city) {
        double target() {
            return city.value();
        }
    }

    private Report compute(LocalDate asOf) {
        List<Plan> inForce = plans.plans().stream()
                .filter(p -> p.inForceOn(asOf))
                .sorted(Comparator.comparing(Plan::issuedOn).thenComparing(Plan::id).reversed())
                .toList();
        // every plan's indicators and city targets in two queries, not two per plan
        List<Long> ids = inForce.stream().map(Plan::id).toList();
        Map<Long, Indicator> indicatorsById = new LinkedHashMap<>();
        plans.indicators(ids).forEach(i -> indicatorsById.put(i.id(), i));
        Map<Long, List<Target>> targetsByPlan = new LinkedHashMap<>();
        for (Target t : plans.cityTargets(ids)) {
            targetsByPlan.computeIfAbsent(indicatorsById.get(t.indicatorId()).planId(), k -> new ArrayList<>()).add(t);
        }
        Map<String, Cell> cells = new LinkedHashMap<>(); // province|indicator code -> the latest plan's target
        for (Plan plan : inForce) {
            for (Target t : targetsByPlan.getOrDefault(plan.id(), List.of())) {
                Indicator indicator = indicatorsById.get(t.indicatorId());
                cells.putIfAbsent(plan.provinceCode() + "|" + indicator.code(), new Cell(plan, indicator, t));
            }
        }
        Map<Cell, Long> actuals = new LinkedHashMap<>();
        Map<String, CaseIndicators.Reach> reach = new TreeMap<>();
        actuals(List.copyOf(cells.values()), asOf, actuals, reach);

        List<Cell> ordered = cells.values().stream()
                .sorted(Comparator.comparing((Cell c) -> c.indicator().position()).thenComparing(c -> c.indicator().code())
                        .thenComparing(c -> c.plan().provinceCode()))
                .toList();
        List<Row> rows = new ArrayList<>();
        boolean protect = progress.protectedForCaller();
        for (Cell c : ordered) {
            // a province's figure is its plan's city figure as published to the caller (docs/disclosure.md)
            long actual = protect ? progress.publishedCity(c.plan(), c.indicator(), c.city(), asOf) : actuals.getOrDefault(c, 0L);
            double elapsed = ProgressService.elapsedPercent(c.plan(), asOf);
            Double percent = ProgressService.percent(actual, c.target());
            rows.add(new Row(c.plan().provinceCode(), null, c.indicator().code(), c.indicator().name(), c.target(), actual, percent,
                    ProgressService.judge(c.indicator(), actual, c.target(), ProgressService.expectedPercent(c.indicator(), elapsed))));
        }
        List<Row> shown = rows;

        Map<String, String> names = new TreeMap<>(); // names only: no province shapes loaded
        units.labels(null, AdminLevel.PROVINCE, units.today()).forEach(p -> names.put(p.code(), p.name()));
        units.labels(null, AdminLevel.PROVINCE, asOf).forEach(p -> names.put(p.code(), p.name()));
        List<ProvinceProgress> provinces = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            Cell c = ordered.get(i);
            Row r = shown.get(i);
            provinces.add(new ProvinceProgress(c.plan().provinceCode(), names.getOrDefault(c.plan().provinceCode(), r.unitCode()),
                    c.plan().id(), c.plan().number(), c.indicator().code(), c.target(), r.actual(), r.percent(), r.status()));
        }
        return new Report(asOf, (int) cells.values().stream().map(c -> c.plan().id()).distinct().count(),
                totals(ordered, rows, shown, reach, asOf), provinces);
    }

    private List<IndicatorTotal> totals(List<Cell> ordered, List<Row> rows, List<Row> shown,
                                        Map<String, CaseIndicators.Reach> reach, LocalDate asOf) {
        Map<String, List<Integer>> byCode = new LinkedHashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            byCode.computeIfAbsent(ordered.get(i).indicator().code(), k -> new ArrayList<>()).add(i);
        }
        List<IndicatorTotal> totals = new ArrayList<>();
        byCode.forEach((code, indices) -> {
            Indicator first = ordered.get(indices.getFirst()).indicator();
            double target = 0;
            double targets = 0; // the sum, which weighs each province's expectation
            long actual = 0;
            double expectedWeighted = 0;
            int[] statuses = new int[Status.values().length];
            boolean percentUnit = first.unit() == PlanModel.Unit.PERCENT;
            // a share of people on record adds up over the people; other percents (drug-free communes) are averaged
            boolean shareOfPeople = percentUnit && first.definition().kind() == IndicatorKind.SHARE;
            long onRecord = 0;
            long reached = 0;
            double weightedTarget = 0;
            for (int i : indices) {
                Cell c = ordered.get(i);
                target += c.target();
                targets += c.target();
                actual += rows.get(i).actual();
                expectedWeighted += c.target() * ProgressService.expectedPercent(c.indicator(),
                        ProgressService.elapsedPercent(c.plan(), asOf));
                if (shown.get(i).status() != null) {
                    statuses[shown.get(i).status().ordinal()]++;
                }
                if (shareOfPeople) {
                    CaseIndicators.Reach r = reach.getOrDefault(c.plan().provinceCode(), new CaseIndicators.Reach(0, 0));
                    onRecord += r.onRecord();
                    reached += r.reached();
                    weightedTarget += c.target() * r.onRecord();
                }
            }
            if (percentUnit && !shareOfPeople) {
                target = target / indices.size();
                actual = Math.round((double) actual / indices.size());
            } else if (percentUnit) {
                target = onRecord == 0 ? target / indices.size() : Math.round(10.0 * weightedTarget / onRecord) / 10.0;
                actual = onRecord == 0 ? 0 : Math.round(100.0 * reached / onRecord);
            }
            // where the provinces should be by now, weighted by their targets: a percent indicator that grows with the
            // period (drug-free communes) is expected to grow over the nation as it does in each province
            double expected = targets == 0 ? 100.0 : Math.round(10.0 * expectedWeighted / targets) / 10.0;
            Double percent = ProgressService.percent(actual, target);
            totals.add(new IndicatorTotal(code, first.name(), first.unit(), indices.size(), target, actual, percent, expected,
                    ProgressService.judge(first, actual, target, expected), statuses[Status.AHEAD.ordinal()],
                    statuses[Status.ON_TRACK.ordinal()], statuses[Status.BEHIND.ordinal()]));
        });
        return totals;
    }

    /** Fills {@code actuals} for every cell with as few queries as the definitions allow. */
    private void actuals(List<Cell> cells, LocalDate asOf, Map<Cell, Long> actuals, Map<String, CaseIndicators.Reach> reach) {
        // one query per definition, unless a province has two plans in force with the same definition: then one more
        List<Map.Entry<PlanModel.Definition, Map<String, Cell>>> batches = new ArrayList<>();
        for (Cell c : cells) {
            Map<String, Cell> batch = batches.stream()
                    .filter(b -> b.getKey().equals(c.indicator().definition()) && !b.getValue().containsKey(c.plan().provinceCode()))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            if (batch == null) {
                batch = new TreeMap<>();
                batches.add(Map.entry(c.indicator().definition(), batch));
            }
            batch.put(c.plan().provinceCode(), c);
        }
        for (var entry : batches) {
            PlanModel.Definition d = entry.getKey();
            Map<String, LocalDate> from = new TreeMap<>();
            entry.getValue().forEach((province, c) -> from.put(province, c.plan().periodFrom()));
            Map<String, ? extends Number> byProvince = switch (d.kind()) {
                case EVENTS -> {
                    EnumSet<EventType> types = EnumSet.noneOf(EventType.class);
                    d.eventTypes().forEach(e -> types.add(EventType.valueOf(e)));
                    yield indicators.countByProvince(from, asOf, types, d.atFacility(), d.supportKinds());
                }
                case HOLDING -> indicators.holdingByProvince(from.keySet(), PathStatus.valueOf(d.status()), asOf);
                case SHARE -> {
                    Map<String, CaseIndicators.Reach> r = indicators.reachedServicesByProvince(from, asOf);
                    reach.putAll(r);
                    Map<String, Long> percents = new TreeMap<>();
                    r.forEach((province, x) -> percents.put(province, Math.round(x.percent())));
                    yield percents;
                }
                case MODEL_COMMUNES, MODELS -> {
                    Map<String, Long> counts = new TreeMap<>();
                    for (String province : from.keySet()) {
                        Map<String, Integer> perCommune = models.modelsPerCommune(province, asOf);
                        counts.put(province, d.kind() == IndicatorKind.MODELS
                                ? perCommune.values().stream().mapToLong(Integer::longValue).sum() : perCommune.size());
                    }
                    yield counts;
                }
                default -> {
                    // kinds other modules compute (IndicatorSource), province by province
                    Map<String, Long> counts = new TreeMap<>();
                    from.forEach((province, start) -> counts.put(province, progress.sourcedActual(d.kind(), province, start,
                            asOf)));
                    yield counts;
                }
            };
            entry.getValue().forEach((province, c) -> {
                Number n = byProvince.get(province);
                actuals.put(c, n == null ? 0L : n.longValue());
            });
        }
    }

}
