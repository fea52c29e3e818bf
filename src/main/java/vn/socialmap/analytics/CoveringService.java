package vn.socialmap.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.socialmap.analytics.Accessibility.Demand;
import vn.socialmap.analytics.Accessibility.Supply;
import vn.socialmap.geography.AdminLevel;
import vn.socialmap.geography.AdminUnit;

/**
 * Where to open k new post-rehab models: demand is a commune's caseload at its
 * representative point, candidates are the communes' representative points (less the
 * excluded ones), existing active models are open already and the demand within their
 * radius counts as covered. The model is solved exactly (see {@link CoveringLocation}).
 */
@Service
@Transactional(readOnly = true)
public class CoveringService {

    /** Time the solver may take before it answers with its best solution and proven gap. */
    static final double TIME_LIMIT_SECONDS = 20;

    private final UnitValues unitValues;
    private final AccessibilityService accessibility;

    CoveringService(UnitValues unitValues, AccessibilityService accessibility) {
        this.unitValues = unitValues;
        this.accessibility = accessibility;
    }

    public record Candidate(String code, double lon, double lat) {
    }

    /**
     * The share of the area's demand a weight is, in percent: the one base of every "% served".
     * The base is the demand of every commune of the area on the date, whether or not an existing
     * model reaches it. The demand left to the new sites would not do: existing models reach
     * farther with a larger radius, so each radius would have a base of its own and runs could
     * not be compared.
     */
    public static double percentOfArea(long weight, long areaWeight) {
        return areaWeight == 0 ? 0 : 100.0 * weight / areaWeight;
    }

    /**
     * A run of the model. {@code totalWeight} is the demand left to the new sites (outside the
     * existing models' reach), {@code areaWeight} the demand of the whole area, the base of the
     * shares ({@link #percentOfArea}).
     */
    public record Result(int k, double radiusMeters, String demandIndicator, LocalDate date,
                         List<AccessibilityService.DemandPoint> demand, List<Candidate> candidates, List<String> chosen,
                         long coveredWeight, long totalWeight, long coveredByExisting, long areaWeight, int existingModels,
                         boolean optimal, double gap, List<Supply> existing) {

        /** The share of the area's demand the new sites serve, in percent. */
        public double coveredPercent() {
            return percentOfArea(coveredWeight, areaWeight);
        }

        /** The share of the area's demand served once the new sites open (existing models' reach included), in percent. */
        public double servedPercent() {
            return percentOfArea(coveredByExisting + coveredWeight, areaWeight);
        }
    }

    /** The candidate sites of a province: every commune's representative point, communes in force on the date. */
    public List<Candidate> candidates(String provinceCode, LocalDate date) {
        UnitValues.Units units = unitValues.points(provinceCode, AdminLevel.COMMUNE, date);
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            candidates.add(new Candidate(units.units().get(i).getCode(), units.lon()[i], units.lat()[i]));
        }
        return candidates;
    }

    public Result solve(String provinceCode, int k, double radiusMeters, AnalyticsIndicator indicator, LocalDate date,
                        Collection<String> excluded) {
        UnitValues.Units units = unitValues.load(provinceCode, AdminLevel.COMMUNE, indicator, UnitValues.defaultFrom(date), date);
        List<Supply> existing = accessibility.supply(provinceCode, ServiceKind.POST_REHAB);
        Set<String> skip = new HashSet<>(excluded);
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            AdminUnit u = units.units().get(i);
            if (!skip.contains(u.getCode())) {
                candidates.add(new Candidate(u.getCode(), units.lon()[i], units.lat()[i]));
            }
        }
        int n = units.size();
        List<Demand> demand = new ArrayList<>(n);
        long[] weights = new long[n];
        int[][] covers = new int[n][];
        long coveredByExisting = 0;
        for (int i = 0; i < n; i++) {
            double lon = units.lon()[i];
            double lat = units.lat()[i];
            long w = Math.round(units.values()[i]);
            boolean covered = existing.stream()
                    .anyMatch(s -> SpatialWeights.greatCircleMetres(lon, lat, s.lon(), s.lat()) <= radiusMeters);
            if (covered) {
                coveredByExisting += w;
                w = 0;
            }
            weights[i] = w;
            demand.add(new Demand(units.units().get(i).getCode(), lon, lat, w));
            List<Integer> reach = new ArrayList<>();
            for (int j = 0; j < candidates.size(); j++) {
                Candidate c = candidates.get(j);
                if (SpatialWeights.greatCircleMetres(lon, lat, c.lon(), c.lat()) <= radiusMeters) {
                    reach.add(j);
                }
            }
            covers[i] = reach.stream().mapToInt(Integer::intValue).toArray();
        }
        var solution = CoveringLocation.solve(new CoveringLocation.Problem(weights, covers, candidates.size(), k), TIME_LIMIT_SECONDS);
        long total = java.util.Arrays.stream(weights).sum();
        return new Result(k, radiusMeters, indicator.code(), date, accessibility.publishedDemand(demand), candidates,
                solution.chosen().stream().map(j -> candidates.get(j).code()).toList(), solution.coveredWeight(), total,
                coveredByExisting, total + coveredByExisting, existing.size(), solution.optimal(), solution.gap(), existing);
    }
}
