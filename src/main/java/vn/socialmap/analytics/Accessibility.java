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
     * holds no demand contribute nothing. Distances are computed once (demand x supply).
     */
    public static double[] e2sfca(List<Demand> demand, List<Supply> supply, double d0, Distances distances) {
        int n = demand.size();
        int m = supply.size();
        double[][] w = new double[n][m];
        double[] load = new double[m];
        for (int i = 0; i < n; i++) {
            Demand d = demand.get(i);
            for (int j = 0; j < m; j++) {
                Supply s = supply.get(j);
                double wij = gaussianDecay(distances.metres(d, s), d0);
                w[i][j] = wij;
                load[j] += d.weight() * wij;
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
                a += ratio[j] * w[i][j];
            }
            score[i] = a;
        }
        return score;
    }
}
