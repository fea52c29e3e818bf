package vn.socialmap.analytics;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.apache.commons.math3.distribution.NormalDistribution;

/** The local statistics of hotspot analysis, as plain functions of values and weights. */
public final class HotspotStatistics {

    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    private HotspotStatistics() {
    }

    /**
     * Getis-Ord Gi* z-scores (Ord and Getis 1995) with binary weights that include the unit
     * itself: z_i = (sum_j w_ij x_j - xbar W_i) / (s sqrt((n S1_i - W_i^2) / (n - 1))), with s
     * the standard deviation over all n units (divisor n). This is spdep's {@code localG}.
     * A unit where the denominator vanishes (all values equal) gets z = 0.
     */
    public static double[] giStar(double[] x, SpatialWeights w) {
        int n = x.length;
        double mean = Arrays.stream(x).sum() / n;
        double s2 = Arrays.stream(x).map(v -> (v - mean) * (v - mean)).sum() / n;
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            double lag = 0;
            for (int j : w.neighbours()[i]) {
                lag += x[j];
            }
            double wi = w.weightSum(i);
            double variance = s2 * (n * wi - wi * wi) / (n - 1);
            z[i] = variance > 0 ? (lag - wi * mean) / Math.sqrt(variance) : 0;
        }
        return z;
    }

    /** Two-sided p-values of standard normal z-scores. */
    public static double[] twoSidedP(double[] z) {
        return Arrays.stream(z).map(v -> 2 * NORMAL.cumulativeProbability(-Math.abs(v))).toArray();
    }

    /**
     * Benjamini-Hochberg adjusted p-values: p_(k) n / k made monotone from the largest p
     * down, capped at 1 (R's {@code p.adjust(p, "BH")}).
     */
    public static double[] benjaminiHochberg(double[] p) {
        int n = p.length;
        Integer[] order = IntStream.range(0, n).boxed().sorted(Comparator.comparingDouble(i -> -p[i])).toArray(Integer[]::new);
        double[] adjusted = new double[n];
        double running = 1;
        for (int r = 0; r < n; r++) {
            int i = order[r];
            int rank = n - r; // rank of p[i] in increasing order
            running = Math.min(running, p[i] * n / rank);
            adjusted[i] = Math.min(1, running);
        }
        return adjusted;
    }

    /** Hotspot classes as ArcGIS's Gi_Bin: +-3 at 99%, +-2 at 95%, +-1 at 90% confidence, 0 otherwise. */
    public static int confidenceBin(double z, double p) {
        int level = p <= 0.01 ? 3 : p <= 0.05 ? 2 : p <= 0.10 ? 1 : 0;
        return z > 0 ? level : -level;
    }

    /** Local Moran's I per unit with its quadrant and conditional-permutation pseudo p-value. */
    /**
     * @param z  (I_i - mean) / sd of the unit's permutation distribution (NaN without permutations)
     */
    public record LocalMoran(double[] ii, double[] lag, double[] deviation, double[] pseudoP, double[] z) {
    }

    /**
     * Local Moran's I_i = (z_i / m2) sum_j w_ij z_j with z = x - xbar, m2 = sum z^2 / n and
     * row-standardised weights (spdep's {@code localmoran} on style "W"); units without
     * neighbours get 0. Pseudo p-values: for each unit its value is held and its neighbours
     * drawn at random from the other units {@code permutations} times (seeded, so the same
     * call gives the same answer); p = (extreme + 1) / (permutations + 1), folded on the
     * side of the observed value, as GeoDa reports.
     */
    public static LocalMoran localMoran(double[] x, SpatialWeights w, int permutations, long seed) {
        int n = x.length;
        double average = Arrays.stream(x).sum() / n;
        double[] z = Arrays.stream(x).map(v -> v - average).toArray();
        double m2 = Arrays.stream(z).map(v -> v * v).sum() / n;
        double[] ii = new double[n];
        double[] lag = new double[n];
        double[] p = new double[n];
        double[] zi = new double[n];
        SplittableRandom random = new SplittableRandom(seed);
        int[] pool = new int[n - 1];
        for (int i = 0; i < n; i++) {
            int[] nb = w.neighbours()[i];
            int k = nb.length;
            if (k == 0 || m2 == 0) {
                p[i] = 1;
                continue;
            }
            double sum = 0;
            for (int j : nb) {
                sum += z[j];
            }
            lag[i] = sum / k;
            ii[i] = z[i] / m2 * lag[i];
            if (permutations <= 0) {
                p[i] = Double.NaN;
                zi[i] = Double.NaN;
                continue;
            }
            for (int j = 0, q = 0; j < n; j++) {
                if (j != i) {
                    pool[q++] = j;
                }
            }
            int above = 0;
            int below = 0;
            double sumPermuted = 0;
            double sumSquares = 0;
            for (int r = 0; r < permutations; r++) {
                double s = 0;
                // partial Fisher-Yates: the first k of the pool become a random sample without replacement
                for (int d = 0; d < k; d++) {
                    int e = d + random.nextInt(n - 1 - d);
                    int t = pool[d];
                    pool[d] = pool[e];
                    pool[e] = t;
                    s += z[pool[d]];
                }
                double permuted = z[i] / m2 * (s / k);
                sumPermuted += permuted;
                sumSquares += permuted * permuted;
                if (permuted >= ii[i]) {
                    above++;
                }
                if (permuted <= ii[i]) {
                    below++;
                }
            }
            p[i] = (Math.min(above, below) + 1.0) / (permutations + 1.0);
            double mean = sumPermuted / permutations;
            double sd = Math.sqrt(Math.max(0, sumSquares / permutations - mean * mean));
            zi[i] = sd > 0 ? (ii[i] - mean) / sd : 0;
        }
        return new LocalMoran(ii, lag, z, p, zi);
    }
}
