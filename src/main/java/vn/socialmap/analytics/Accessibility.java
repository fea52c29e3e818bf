package vn.socialmap.analytics;

import java.util.List;

/**
 * Distance to the nearest service and the enhanced two-step floating catchment area
 * (E2SFCA, Luo and Qi 2009) with a Gaussian decay that falls to 0 at the catchment size
 * d0. Distances are great-circle metres; {@link Distances} is the seam where road travel
 * times can replace them later.
 */
public final class Accessibility {

    private Accessibility() {
    }

    /** A service with its capacity (places, or 1 where a service has no capacity). */
    public record Supply(String id, double lon, double lat, double capacity) {
    }

    /** A demand location (a commune's representative point) with its weight. */
    public record Demand(String code, double lon, double lat, double weight) {
    }

    /** Travel cost between demand k and supply j, in metres. */
    @FunctionalInterface
    public interface Distances {
        double metres(Demand demand, Supply supply);

        Distances GREAT_CIRCLE = (d, s) -> SpatialWeights.greatCircleMetres(d.lon(), d.lat(), s.lon(), s.lat());
    }

    /** W(d) = (exp(-d^2 / (2 d0^2)) - exp(-1/2)) / (1 - exp(-1/2)) for d <= d0, 0 beyond. */
    public static double gaussianDecay(double d, double d0) {
        if (d > d0) {
            return 0;
        }
        double e = Math.exp(-0.5);
        return (Math.exp(-0.5 * (d / d0) * (d / d0)) - e) / (1 - e);
    }

    /** Metres from each demand location to its nearest service; infinite when there is none. */
    public static double[] nearest(List<Demand> demand, List<Supply> supply, Distances distances) {
        double[] nearest = new double[demand.size()];
        if (distances == Distances.GREAT_CIRCLE) {
            double[][] s = unitVectors(supply.stream().map(x -> new double[] {x.lon(), x.lat()}).toList());
            for (int i = 0; i < demand.size(); i++) {
                double[] d = unitVector(demand.get(i).lon(), demand.get(i).lat());
                double best = Double.POSITIVE_INFINITY;
                for (double[] v : s) {
                    best = Math.min(best, chordSquared(d, v));
                }
                nearest[i] = Double.isInfinite(best) ? best : metres(best);
            }
            return nearest;
        }
        for (int i = 0; i < demand.size(); i++) {
            double best = Double.POSITIVE_INFINITY;
            for (Supply s : supply) {
                best = Math.min(best, distances.metres(demand.get(i), s));
            }
            nearest[i] = best;
        }
        return nearest;
    }

    /**
     * A_i = sum_j R_j W(d_ij) with R_j = S_j / sum_k P_k W(d_kj): services whose catchment
     * holds no demand contribute nothing. Two passes over the pairs, so memory stays linear;
     * for great-circle distances pairs beyond d0 are skipped on a chord-length comparison
     * before any trigonometry.
     */
    public static double[] e2sfca(List<Demand> demand, List<Supply> supply, double d0, Distances distances) {
        int n = demand.size();
        int m = supply.size();
        boolean sphere = distances == Distances.GREAT_CIRCLE;
        double[][] dv = sphere ? unitVectors(demand.stream().map(x -> new double[] {x.lon(), x.lat()}).toList()) : null;
        double[][] sv = sphere ? unitVectors(supply.stream().map(x -> new double[] {x.lon(), x.lat()}).toList()) : null;
        double maxChord = 2 * Math.sin(Math.min(Math.PI, d0 / SpatialWeights.EARTH_RADIUS_METRES) / 2);
        double maxChordSquared = maxChord * maxChord * (1 + 1e-12);
        double[] load = new double[m];
        for (int i = 0; i < n; i++) {
            double p = demand.get(i).weight();
            if (p == 0) {
                continue;
            }
            for (int j = 0; j < m; j++) {
                double w = weight(demand, supply, distances, d0, dv, sv, maxChordSquared, i, j);
                if (w > 0) {
                    load[j] += p * w;
                }
            }
        }
        double[] ratio = new double[m];
        for (int j = 0; j < m; j++) {
            ratio[j] = load[j] > 0 ? supply.get(j).capacity() / load[j] : 0;
        }
        double[] score = new double[n];
        for (int i = 0; i < n; i++) {
            double a = 0;
            for (int j = 0; j < m; j++) {
                if (ratio[j] > 0) {
                    double w = weight(demand, supply, distances, d0, dv, sv, maxChordSquared, i, j);
                    a += ratio[j] * w;
                }
            }
            score[i] = a;
        }
        return score;
    }

    private static double weight(List<Demand> demand, List<Supply> supply, Distances distances, double d0, double[][] dv,
                                 double[][] sv, double maxChordSquared, int i, int j) {
        if (dv == null) {
            return gaussianDecay(distances.metres(demand.get(i), supply.get(j)), d0);
        }
        double c2 = chordSquared(dv[i], sv[j]);
        return c2 > maxChordSquared ? 0 : gaussianDecay(metres(c2), d0);
    }

    /** Points on the unit sphere: the chord between two of them gives their great-circle distance. */
    static double[][] unitVectors(List<double[]> lonLat) {
        double[][] v = new double[lonLat.size()][];
        for (int i = 0; i < v.length; i++) {
            v[i] = unitVector(lonLat.get(i)[0], lonLat.get(i)[1]);
        }
        return v;
    }

    static double[] unitVector(double lon, double lat) {
        double phi = Math.toRadians(lat);
        double lambda = Math.toRadians(lon);
        return new double[] {Math.cos(phi) * Math.cos(lambda), Math.cos(phi) * Math.sin(lambda), Math.sin(phi)};
    }

    static double chordSquared(double[] a, double[] b) {
        double dx = a[0] - b[0];
        double dy = a[1] - b[1];
        double dz = a[2] - b[2];
        return dx * dx + dy * dy + dz * dz;
    }

    /** Great-circle metres from a squared chord on the unit sphere (the same distance as the haversine). */
    static double metres(double chordSquared) {
        return 2 * SpatialWeights.EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(chordSquared) / 2));
    }
}
