package vn.socialmap.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Geometry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.socialmap.base.geojson.GeoJson;
import vn.socialmap.geography.AdminLevel;
import vn.socialmap.geography.AdminUnit;

/**
 * Hotspot analysis of an indicator over the units of a province: Gi* or local Moran with
 * queen or distance-band weights, p-values with their Benjamini-Hochberg adjustment and
 * classes. Statistics use the true values; the values shown to roles without person access
 * are suppressed like every other table.
 */
@Service
@Transactional(readOnly = true)
public class HotspotService {

    /** Permutations for local Moran's pseudo p-values (999, as GeoDa and ArcGIS use). */
    static final int PERMUTATIONS = 999;
    static final long SEED = 20_221_231L;

    private final UnitValues unitValues;

    HotspotService(UnitValues unitValues) {
        this.unitValues = unitValues;
    }

    public enum Method implements vn.socialmap.base.web.ApiValue {
        GISTAR, LISA
    }

    /** Queen contiguity, or a distance band in metres between representative points. */
    public record Weights(boolean queen, double metres) {
        public static final Weights QUEEN = new Weights(true, 0);

        public static Weights distance(double metres) {
            return new Weights(false, metres);
        }

        /**
         * "queen" or "distance:METRES", 0 < METRES <= 200000, as the API and its documentation write them
         * (Spring reads request parameters of this type through it).
         */
        public static Weights valueOf(String text) {
            String t = text.strip().toLowerCase(java.util.Locale.ROOT);
            if (t.equals("queen")) {
                return QUEEN;
            }
            if (t.startsWith("distance:")) {
                try {
                    double metres = Double.parseDouble(t.substring("distance:".length()).strip());
                    if (metres > 0 && metres <= 200_000) {
                        return distance(metres);
                    }
                } catch (NumberFormatException e) {
                    // refused below
                }
            }
            throw new vn.socialmap.base.web.UnreadableValueException("queen or distance:METRES (0 < METRES <= 200000)", text);
        }
    }

    public record Request(String provinceCode, AdminLevel level, AnalyticsIndicator indicator, Method method, Weights weights,
                          LocalDate from, LocalDate to) {
    }

    /** One unit's result; {@code value} is null when suppressed. */
    public record UnitResult(AdminUnit unit, Long value, double z, double p, double pFdr, String hotspotClass, Double ii,
                             String quadrant) {
    }

    public List<UnitResult> analyse(Request r) {
        UnitValues.Units data = unitValues.load(r.provinceCode(), r.level(), r.indicator(), r.from(), r.to());
        int n = data.size();
        boolean self = r.method() == Method.GISTAR;
        SpatialWeights w = r.weights().queen()
                ? SpatialWeights.queen(data.units().stream().map(u -> (Geometry) u.getGeom()).toList(), self)
                : SpatialWeights.distanceBand(data.lon(), data.lat(), r.weights().metres(), self);
        double[] z;
        double[] p;
        HotspotStatistics.LocalMoran moran = null;
        if (r.method() == Method.GISTAR) {
            z = HotspotStatistics.giStar(data.values(), w);
            p = HotspotStatistics.twoSidedP(z);
        } else {
            moran = HotspotStatistics.localMoran(data.values(), w, PERMUTATIONS, SEED);
            z = moran.z();
            p = moran.pseudoP();
        }
        double[] pFdr = HotspotStatistics.benjaminiHochberg(p);
        Long[] shown = shownValues(data.values());
        List<UnitResult> results = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (moran == null) {
                results.add(new UnitResult(data.units().get(i), shown[i], z[i], p[i], pFdr[i], giClass(z[i], p[i]), null, null));
            } else {
                String quadrant = quadrant(moran.deviation()[i], moran.lag()[i]);
                String cls = p[i] <= 0.05 && quadrant != null ? quadrant : "none";
                results.add(new UnitResult(data.units().get(i), shown[i], z[i], p[i], pFdr[i], cls, moran.ii()[i], quadrant));
            }
        }
        return results;
    }

    public GeoJson.FeatureCollection features(List<UnitResult> results, boolean lisa) {
        List<GeoJson.Feature> features = new ArrayList<>(results.size());
        for (UnitResult r : results) {
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("code", r.unit().getCode());
            props.put("name", r.unit().getName());
            props.put("value", r.value());
            // beside the count, per 100,000 residents where the unit's population is known (hidden with its count)
            props.put("population", r.unit().getPopulation());
            props.put("per100k", r.unit().per100k(r.value()));
            props.put("z", finite(r.z()));
            props.put("p", finite(r.p()));
            props.put("pFdr", finite(r.pFdr()));
            props.put("class", r.hotspotClass());
            if (lisa) {
                props.put("ii", finite(r.ii()));
                props.put("quadrant", r.quadrant());
            }
            features.add(new GeoJson.Feature(r.unit().getCode(), GeoJson.geometry(r.unit().getGeom()), props));
        }
        return new GeoJson.FeatureCollection(features);
    }

    /** hot_99 / hot_95 / hot_90 / none / cold_90 / cold_95 / cold_99, from ArcGIS's confidence bins. */
    static String giClass(double z, double p) {
        int bin = HotspotStatistics.confidenceBin(z, p);
        if (bin == 0) {
            return "none";
        }
        int level = switch (Math.abs(bin)) {
            case 3 -> 99;
            case 2 -> 95;
            default -> 90;
        };
        return (bin > 0 ? "hot_" : "cold_") + level;
    }

    /** HH, LL, HL or LH: the unit's deviation from the mean and its neighbours' average deviation. */
    static String quadrant(double deviation, double lag) {
        if (deviation == 0 && lag == 0) {
            return null;
        }
        return (deviation >= 0 ? "H" : "L") + (lag >= 0 ? "H" : "L");
    }

    /** The values are those published to the caller already: shown as they are. */
    private static Long[] shownValues(double[] values) {
        Long[] shown = new Long[values.length];
        for (int i = 0; i < values.length; i++) {
            shown[i] = Math.round(values[i]);
        }
        return shown;
    }

    private static Double finite(Double v) {
        return v == null || v.isNaN() || v.isInfinite() ? null : v;
    }
}
