package vn.socialmap.targets;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.socialmap.base.NotFoundException;
import vn.socialmap.base.cache.AnswerCaches;
import vn.socialmap.base.cache.RecentAnswers;
import vn.socialmap.cases.CaseIndicators;
import vn.socialmap.cases.PathStatus;
import vn.socialmap.disclosure.Disclosure;
import vn.socialmap.disclosure.Protection;
import vn.socialmap.facilities.FacilityService;
import vn.socialmap.facilities.FacilityType;
import vn.socialmap.facilities.ModelCoverage;
import vn.socialmap.geography.AdminUnit;
import vn.socialmap.geography.AdminUnitService;
import vn.socialmap.security.CurrentUser;
import vn.socialmap.targets.PlanModel.Indicator;
import vn.socialmap.targets.PlanModel.Level;
import vn.socialmap.targets.PlanModel.Plan;
import vn.socialmap.targets.PlanModel.Target;

/**
 * Progress of a plan on an as-of date: each target's actual computed from the registries
 * (events in the period up to that date, people holding a status on it, or active
 * models), the percent achieved, and whether it is ahead of, on or behind the share of
 * the period that has elapsed (5 points either way count as on track). Figures about people
 * are published as {@link PublishedActuals} says: official city figures at month ends exact,
 * everything else about others' records by the cell-key method.
 */
@Service
@Transactional(readOnly = true)
public class ProgressService {

    static final double ON_TRACK_MARGIN = 5.0;
    private final PlanRepository plans;
    private final CaseIndicators indicators;
    private final ModelCoverage models;
    private final FacilityService facilities;
    private final AdminUnitService units;
    private final CurrentUser currentUser;
    private final Disclosure disclosure;
    private final PublishedActuals published;
    private final RecentAnswers<List<Row>> cache;
    private final RecentAnswers<List<MonthActual>> trends;
    private final List<IndicatorSource> sources;
    private final java.time.Clock clock;

    ProgressService(PlanRepository plans, CaseIndicators indicators, ModelCoverage models, FacilityService facilities,
                    AdminUnitService units, CurrentUser currentUser, Disclosure disclosure,
                    PublishedActuals published, AnswerCaches caches, List<IndicatorSource> sources, java.time.Clock clock) {
        this.clock = clock;
        this.sources = List.copyOf(sources);
        this.disclosure = disclosure;
        this.published = published;
        this.cache = caches.create(128);
        this.trends = caches.create(128);
        this.plans = plans;
        this.indicators = indicators;
        this.models = models;
        this.facilities = facilities;
        this.units = units;
        this.currentUser = currentUser;
    }

    public enum Status {
        AHEAD, ON_TRACK, BEHIND
    }

    /**
     * One row of progress; {@code actual} and {@code percent} are null when suppressed,
     * {@code target} is null for a commune (plans set no commune targets).
     */
    public record Row(String unitCode, String unitName, String indicatorCode, String indicatorName, Double target,
                      Long actual, Double percent, Status status, Double share) {

        /** A row of a count; {@code share} null. */
        public Row(String unitCode, String unitName, String indicatorCode, String indicatorName, Double target,
                   Long actual, Double percent, Status status) {
            this(unitCode, unitName, indicatorCode, indicatorName, target, actual, percent, status, null);
        }

        /**
         * Whether the target is a share of people ("over 80% of managed people reached"): {@code target} and
         * {@code share} are then percents, read against each other, and {@code actual} is the share rounded.
         */
        public boolean isShare() {
            return share != null;
        }
    }

    /** The smallest count shown to roles without person access. */
    public int minCount() {
        return disclosure.smallBelow();
    }

    /** The districts of a plan's province among the units it names (none for a plan of today's structure), for drilling down. */
    public List<AdminUnit> districts(long planId) {
        Plan plan = plan(planId);
        return units.byLevel(plan.provinceCode(), vn.socialmap.geography.AdminLevel.DISTRICT, unitsDay(plan));
    }

    /** A day on which the units a plan names are in force: its first. */
    private static LocalDate unitsDay(Plan plan) {
        return plan.periodFrom();
    }

    public List<Plan> plans() {
        return plans.plans();
    }

    /** The indicators some plan sets district targets for (what the map can show per district): code → the plan's name for it. */
    public Map<String, String> indicatorsWithDistrictTargets() {
        return plans.indicatorsWithDistrictTargets();
    }

    /**
     * The plans of the caller's province (all of them for a national account): an officer
     * picks among their city's plans, not the country's.
     */
    public List<Plan> plansOfTheCallersProvince() {
        var scope = currentUser.scope();
        if (scope.areaType() == null) {
            return plans.plans();
        }
        String province = switch (scope.areaType()) {
            case PROVINCE -> scope.areaCode();
            case DISTRICT, COMMUNE -> units.find(scope.areaUnit()).map(AdminUnit::getProvinceCode).orElse(null);
            case FACILITY -> facilities.provinceOf(scope.areaCode()).orElse(null);
        };
        return plans.plans().stream().filter(p -> p.provinceCode().equals(province)).toList();
    }

    public Plan plan(long id) {
        return plans.plan(id).orElseThrow(() -> new NotFoundException("No plan " + id));
    }

    public List<Row> progress(long planId, LocalDate asOf, Level level) {
        if (indicators.registryWrittenInThisTransaction()) {
            return computeProgress(planId, asOf, level);
        }
        // dashboards ask the same question often: kept until the registry, a facility or the targets change
        // (or a minute, for changes made on another node)
        String key = planId + "|" + asOf + "|" + level + "|" + currentUser.scope().role() + "|" + currentUser.scope().label() + "|"
                + indicators.registryVersion() + "|" + facilities.version() + "|" + plans.targetsVersion() + "|" + sourcesVersion();
        return cache.get(key, () -> List.copyOf(computeProgress(planId, asOf, level)));
    }

    private List<Row> computeProgress(long planId, LocalDate asOf, Level level) {
        Plan plan = plan(planId);
        LocalDate end = asOf.isAfter(plan.periodTo()) ? plan.periodTo() : asOf;
        double elapsed = elapsedPercent(plan, asOf);
        Map<Long, Indicator> byId = new LinkedHashMap<>();
        plans.indicators(planId).forEach(i -> byId.put(i.id(), i));
        List<Target> targets = plans.targets(planId).stream().filter(t -> t.level() == level)
                .sorted(java.util.Comparator.comparing((Target t) -> byId.get(t.indicatorId()).position()).thenComparing(Target::unitCode))
                .toList();
        List<Row> rows = new ArrayList<>();
        for (Target t : targets) {
            Indicator indicator = byId.get(t.indicatorId());
            if (isShare(indicator)) {
                double share = end.isBefore(plan.periodFrom()) ? 0 : publishedShare(plan, indicator, t, plan.periodFrom(), end);
                rows.add(shareRow(plan, indicator, t, share, elapsed));
                continue;
            }
            long actual = end.isBefore(plan.periodFrom()) ? 0 : publishedActual(plan, indicator, t, plan.periodFrom(), end);
            rows.add(row(plan, indicator, t, actual, elapsed));
        }
        return rows;
    }

    /**
     * A target's actual between two dates as published to the caller: exact for those who see
     * every person, for figures not about people, and for official city figures; otherwise by the
     * cell-key method. A figure of a period within the plan (a report's month) is exact only when
     * the cumulative figures at both of its ends are.
     */
    private long publishedActual(Plan plan, Indicator indicator, Target t, LocalDate from, LocalDate end) {
        var scope = currentUser.scope();
        Protection protection = disclosure.protection(scope);
        if (!protection.applies() || !PublishedActuals.aboutPeople(indicator)) {
            return actual(plan, indicator, t, from, end);
        }
        PublishedActuals.Exact exact = this::actual;
        int smallest = protection.smallBelow();
        boolean cumulative = !from.isAfter(plan.periodFrom());
        boolean exactToo = published.officiallyExact(plan, indicator, t, end, exact, smallest)
                && (cumulative || published.officiallyExact(plan, indicator, t, from.minusDays(1), exact, smallest));
        return exactToo ? actual(plan, indicator, t, from, end) : published.protectedActual(plan, indicator, t, from, end,
                protection, scope);
    }

    /** A share of people reached: read as a percent against the target's percent. */
    static boolean isShare(Indicator indicator) {
        return indicator.definition().kind() == IndicatorKind.SHARE;
    }

    /**
     * A share target's actual as published to the caller: exact where the rounded figure
     * is ({@link #publishedActual}), otherwise from counts published by the cell-key method.
     */
    private double publishedShare(Plan plan, Indicator indicator, Target t, LocalDate from, LocalDate end) {
        var scope = currentUser.scope();
        Protection protection = disclosure.protection(scope);
        boolean exact = !protection.applies() || published.officiallyExact(plan, indicator, t, end, this::actual,
                protection.smallBelow()) && !from.isAfter(plan.periodFrom());
        return exact ? exactShare(plan, t, from, end) : published.protectedShare(plan, t, from, end, protection, scope);
    }

    private double exactShare(Plan plan, Target t, LocalDate from, LocalDate end) {
        String district = t.level() == Level.DISTRICT ? t.unitCode() : null;
        return indicators.reachedServicesPercent(plan.provinceCode(), from, end, district, plan.unitStructure());
    }

    /**
     * A share read as a share: the percent of people reached against the target's percent, ahead or behind by the
     * same margin as the other targets; no percent of the target (a share of a share says nothing).
     */
    private Row shareRow(Plan plan, Indicator indicator, Target t, double share, double elapsed) {
        double shown = Math.round(share * 10) / 10.0; // to a tenth of a percent, as it is read
        return new Row(t.unitCode(), unitName(plan, t), indicator.code(), indicator.name(), t.value(), Math.round(share), null,
                judge(indicator, shown, t.value(), expectedPercent(indicator, elapsed)), shown);
    }

    /**
     * The day a plan is read as of when it is chosen: today while its period runs (or has not begun), its last day
     * once the period is over, so a 2023 plan is not judged on a day of 2022 nor past its end.
     */
    public LocalDate asOfFor(Plan plan) {
        LocalDate today = LocalDate.now(clock.withZone(vn.socialmap.base.VietnamTime.ZONE));
        return today.isAfter(plan.periodTo()) ? plan.periodTo() : today;
    }

    /** Whether the caller receives protected figures about people rather than exact ones. */
    boolean protectedForCaller() {
        return disclosure.protection(currentUser.scope()).applies();
    }

    /** A plan's city figure on a date as published to the caller (the national page's province rows). */
    long publishedCity(Plan plan, Indicator indicator, Target city, LocalDate asOf) {
        LocalDate end = asOf.isAfter(plan.periodTo()) ? plan.periodTo() : asOf;
        return end.isBefore(plan.periodFrom()) ? 0 : publishedActual(plan, indicator, city, plan.periodFrom(), end);
    }

    private Row row(Plan plan, Indicator indicator, Target t, Long actual, double elapsed) {
        return new Row(t.unitCode(), unitName(plan, t), indicator.code(), indicator.name(), t.value(), actual,
                percent(actual, t.value()), judge(indicator, actual, t.value(), expectedPercent(indicator, elapsed)));
    }

    long sourcesVersion() {
        return sources.stream().mapToLong(IndicatorSource::version).sum();
    }

    /** The module computing an indicator kind this one does not know, or null. */
    private IndicatorSource source(IndicatorKind kind) {
        return sources.stream().filter(s -> s.kinds().contains(kind)).findFirst().orElse(null);
    }

    /** An indicator kind another module computes ({@link IndicatorSource}), for one province. */
    long sourcedActual(IndicatorKind kind, String provinceCode, LocalDate from, LocalDate end) {
        IndicatorSource source = source(kind);
        if (source == null) {
            throw new IllegalStateException("Unknown indicator kind " + kind);
        }
        return source.actual(kind, provinceCode, from, end);
    }

    static Double percent(Long actual, double target) {
        return actual == null || target == 0 ? null : Math.round(1000.0 * actual / target) / 10.0;
    }

    /** Where an indicator should be at this point: counts of events grow with the period, the others are due all along. */
    static double expectedPercent(Indicator indicator, double elapsed) {
        return indicator.definition().kind().growsWithPeriod() ? elapsed : 100.0;
    }

    /**
     * The one rule judging a figure against its target, for a unit of a plan and for the nation's sum alike: a share
     * of people against the share set, in points (a share of a share says nothing); any other figure, a percent
     * indicator included, as the percent of its target reached against where it should be by now
     * ({@code expected}, from {@link #expectedPercent}). Null for a figure not published.
     */
    static Status judge(Indicator indicator, Number actual, double target, double expected) {
        if (actual == null) {
            return null;
        }
        return isShare(indicator) ? status(actual.doubleValue(), target) : status(percent(actual.longValue(), target), expected);
    }

    static Status status(Double percent, double expected) {
        return percent == null ? null : percent >= expected + ON_TRACK_MARGIN ? Status.AHEAD
                : percent >= expected - ON_TRACK_MARGIN ? Status.ON_TRACK : Status.BEHIND;
    }

    /**
     * A district's communes on an as-of date: the actual of every indicator that can be
     * counted per commune (events by where the people live, people holding a status, the
     * share reached by services), without targets. Suppressed like district rows.
     */
    public List<Row> communes(long planId, LocalDate asOf, String districtCode) {
        Plan plan = plan(planId);
        AdminUnit district = units.find(districtCode, unitsDay(plan))
                .filter(u -> u.getLevel() == vn.socialmap.geography.AdminLevel.DISTRICT && u.getCode().equals(districtCode)
                        && plan.provinceCode().equals(u.getParentCode()))
                .orElseThrow(() -> new NotFoundException("No district " + districtCode + " in the plan's province"));
        LocalDate end = asOf.isAfter(plan.periodTo()) ? plan.periodTo() : asOf;
        boolean started = !end.isBefore(plan.periodFrom());
        List<AdminUnit> communes = units.children(district);
        List<Row> rows = new ArrayList<>();
        var scope = currentUser.scope();
        Protection protection = disclosure.protection(scope);
        var areaOf = protection.needsOwnArea() ? scope : null;
        for (Indicator indicator : plans.indicators(planId)) {
            var d = indicator.definition();
            if (d.kind() == IndicatorKind.SHARE && protection.applies()) {
                continue; // a commune's share of a handful of people would say what each of them did
            }
            Map<String, ? extends Number> byCommune = switch (d.kind()) {
                case EVENTS -> !started ? Map.of() : published(indicators.countCellsByCommune(PublishedActuals.eventCount(plan, d,
                        plan.periodFrom(), end, districtCode, List.of()), areaOf), protection);
                case HOLDING -> published(indicators.holdingCellsByCommune(plan.provinceCode(), PathStatus.valueOf(d.status()),
                        end, plan.unitStructure(), areaOf), protection);
                case SHARE -> !started ? Map.of() : indicators.reachedServicesPercentByCommune(plan.provinceCode(),
                        plan.periodFrom(), end, districtCode, plan.unitStructure());
                default -> null;
            };
            if (byCommune == null) {
                continue;
            }
            for (AdminUnit c : communes) {
                Number n = byCommune.get(c.getCode());
                long actual = n == null ? 0 : Math.round(n.doubleValue());
                rows.add(new Row(c.getCode(), c.getName(), indicator.code(), indicator.name(), null, actual, null, null));
            }
        }
        return rows;
    }

    /** Per commune, the counts as published to the caller. */
    private static Map<String, Long> published(CaseIndicators.Cells cells, Protection protection) {
        Map<String, Long> shown = new LinkedHashMap<>();
        cells.all().forEach((code, all) -> shown.put(code, protection.shown(all,
                cells.inArea().getOrDefault(code, vn.socialmap.disclosure.Cell.EMPTY))));
        return shown;
    }

    /** Facility rows of the facilities located in one district. */
    public List<Row> facilitiesIn(long planId, LocalDate asOf, String districtCode) {
        Plan plan = plan(planId);
        Map<Long, double[]> points = new LinkedHashMap<>();
        Map<Long, String> codes = new LinkedHashMap<>();
        facilities.find(new FacilityService.Query(plan.provinceCode(), List.of(FacilityType.PUBLIC_REHAB), null, null, null))
                .forEach(f -> {
                    points.put(f.getId(), new double[] {f.getLocation().getX(), f.getLocation().getY()});
                    codes.put(f.getId(), f.getCode());
                });
        // the district of the plan's units holding each facility
        var inDistrict = new java.util.HashSet<String>();
        units.communesAt(plan.unitStructure(), plan.provinceCode(), points).forEach((id, commune) ->
                units.find(commune, unitsDay(plan)).filter(c -> districtCode.equals(c.getParentCode()))
                        .ifPresent(c -> inDistrict.add(codes.get(id))));
        return progress(planId, asOf, Level.FACILITY).stream().filter(r -> inDistrict.contains(r.unitCode())).toList();
    }

    /** A row of a periodic report: what was done in the reporting period, and since the plan began. */
    public record ReportRow(Row cumulative, Long inPeriod) {
    }

    /**
     * Rows for a report of the period {@code from}..{@code to} (a month, quarter, half-year
     * or year): the cumulative progress at {@code to} and the actual within the period.
     */
    public List<ReportRow> report(long planId, LocalDate from, LocalDate to, Level level) {
        Plan plan = plan(planId);
        List<Row> cumulative = progress(planId, to, level);
        Map<String, Indicator> byCode = new LinkedHashMap<>();
        plans.indicators(planId).forEach(i -> byCode.put(i.code(), i));
        LocalDate start = from.isBefore(plan.periodFrom()) ? plan.periodFrom() : from;
        LocalDate end = to.isAfter(plan.periodTo()) ? plan.periodTo() : to;
        List<ReportRow> rows = new ArrayList<>();
        for (Row r : cumulative) {
            Indicator indicator = byCode.get(r.indicatorCode());
            Long inPeriod = null;
            if (r.actual() != null && !end.isBefore(start)) {
                inPeriod = publishedActual(plan, indicator, new Target(indicator.id(), level, r.unitCode(), r.target()), start, end);
            }
            rows.add(new ReportRow(r, inPeriod));
        }
        return rows;
    }

    /** One month of a city trend. */
    public record MonthActual(LocalDate month, long actual) {
    }

    /**
     * The city's actual of one indicator month by month, from the plan's start to the
     * as-of date: for counts of events what happened within each month, for the others
     * (people holding a status, shares, models) the value at the month's end.
     */
    public List<MonthActual> cityTrend(long planId, String indicatorCode, LocalDate asOf) {
        if (indicators.registryWrittenInThisTransaction()) {
            return computeTrend(planId, indicatorCode, asOf);
        }
        String key = planId + "|" + indicatorCode + "|" + asOf + "|" + currentUser.scope().role() + "|" + currentUser.scope().label()
                + "|" + indicators.registryVersion() + "|" + facilities.version()
                + "|" + plans.targetsVersion() + "|" + sourcesVersion();
        return trends.get(key, () -> List.copyOf(computeTrend(planId, indicatorCode, asOf)));
    }

    private List<MonthActual> computeTrend(long planId, String indicatorCode, LocalDate asOf) {
        Plan plan = plan(planId);
        Indicator indicator = plans.indicators(planId).stream().filter(i -> i.code().equals(indicatorCode)).findFirst()
                .orElseThrow(() -> new NotFoundException("No indicator " + indicatorCode + " in plan " + planId));
        Target city = new Target(indicator.id(), Level.CITY, plan.provinceCode(), 0);
        boolean events = indicator.definition().kind() == IndicatorKind.EVENTS;
        List<MonthActual> months = new ArrayList<>();
        for (LocalDate m = plan.periodFrom().withDayOfMonth(1); !m.isAfter(asOf) && !m.isAfter(plan.periodTo()); m = m.plusMonths(1)) {
            LocalDate first = m.isBefore(plan.periodFrom()) ? plan.periodFrom() : m;
            LocalDate last = m.plusMonths(1).minusDays(1);
            last = last.isAfter(asOf) ? asOf : last.isAfter(plan.periodTo()) ? plan.periodTo() : last;
            months.add(new MonthActual(m, events ? publishedActual(plan, indicator, city, first, last)
                    : publishedActual(plan, indicator, city, plan.periodFrom(), last)));
        }
        return months;
    }

    static double elapsedPercent(Plan plan, LocalDate asOf) {
        long total = ChronoUnit.DAYS.between(plan.periodFrom(), plan.periodTo()) + 1;
        long done = ChronoUnit.DAYS.between(plan.periodFrom(), asOf) + 1;
        return 100.0 * Math.max(0, Math.min(total, done)) / total;
    }

    private long actual(Plan plan, Indicator indicator, Target t, LocalDate end) {
        return actual(plan, indicator, t, plan.periodFrom(), end);
    }

    /** What happened between two dates (both included); stock indicators read the state on {@code end}. */
    private long actual(Plan plan, Indicator indicator, Target t, LocalDate from, LocalDate end) {
        var d = indicator.definition();
        String district = t.level() == Level.DISTRICT ? t.unitCode() : null;
        return switch (d.kind()) {
            case EVENTS -> indicators.count(PublishedActuals.eventCount(plan, d, from, end, district,
                    t.level() == Level.FACILITY ? List.of(t.unitCode()) : List.of()));
            case HOLDING -> indicators.holding(plan.provinceCode(), PathStatus.valueOf(d.status()), end, district,
                    plan.unitStructure());
            // a share indicator's actual is the percent itself, rounded to a whole number
            case SHARE -> Math.round(indicators.reachedServicesPercent(plan.provinceCode(), from, end, district,
                    plan.unitStructure()));
            case MODEL_COMMUNES -> models.byDistrict(plan.provinceCode(), end, unitsDay(plan)).stream()
                    .filter(r -> district == null || r.code().equals(district))
                    .mapToLong(ModelCoverage.DistrictCoverage::communesWithModel).sum();
            case MODELS -> models.byDistrict(plan.provinceCode(), end, unitsDay(plan)).stream()
                    .filter(r -> district == null || r.code().equals(district))
                    .mapToLong(ModelCoverage.DistrictCoverage::models).sum();
            default -> sourcedActual(d.kind(), plan.provinceCode(), from, end);
        };
    }

    private String unitName(Plan plan, Target t) {
        if (t.level() == Level.FACILITY) {
            return facilities.find(new FacilityService.Query(plan.provinceCode(), List.of(FacilityType.PUBLIC_REHAB), null, null,
                            null)).stream()
                    .filter(f -> t.unitCode().equals(f.getCode())).map(f -> f.getName()).findFirst()
                    .orElse(t.unitCode());
        }
        return units.find(t.unitCode(), unitsDay(plan)).map(AdminUnit::getName).orElse(t.unitCode());
    }
}
