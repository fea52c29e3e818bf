package vn.socialmap.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The noise of the cell-key method for counts (a "p-table", as the R package ptable makes
 * them after Giessing 2016): for each true count {@code n} from {@code smallBelow} up, a
 * distribution of the published value over {@code n - maxNoise .. n + maxNoise} that is
 * unbiased (its mean is {@code n}), has the given variance where the support allows it, never
 * publishes a value from 1 to {@code smallBelow - 1}, and has the largest entropy under
 * those constraints. Zero has no records and no noise. Counts above
 * {@code smallBelow + maxNoise} all share one distribution of the noise.
 *
 * <p>The small counts 1 to {@code smallBelow - 1} all share one distribution: the two whole
 * numbers around the middle of their range (2 or 3 for 1 to 4), half the time each. What is
 * published says nothing about which small count it was (an unbiased row for each would tell
 * 1 from 4 too often, docs/disclosure.md), and a published value below {@code smallBelow}
 * other than 0 is always such a small count. Their cells are unbiased on average over the
 * range only, and off by at most {@code smallBelow / 2}.
 *
 * <p>The published value is looked up with the cell key, a number in [0, 1) made from the
 * records of the cell: the same records always give the same value.
 */
public final class PerturbationTable {

    private final int maxNoise;
    private final double variance;
    private final int smallBelow;
    /** For n = 0 .. last: the published values and their cumulative probabilities. */
    private final int[][] values;
    private final double[][] cumulative;

    public PerturbationTable(int maxNoise, double variance, int smallBelow) {
        if (maxNoise < smallBelow - 1 || smallBelow < 1 || variance <= 0) {
            throw new IllegalArgumentException("The noise must reach past the hidden values (maxNoise >= smallBelow - 1)");
        }
        this.maxNoise = maxNoise;
        this.variance = variance;
        this.smallBelow = smallBelow;
        int last = smallBelow + maxNoise;
        values = new int[last + 1][];
        cumulative = new double[last + 1][];
        values[0] = new int[] {0};
        cumulative[0] = new double[] {1};
        for (int n = 1; n < smallBelow; n++) {
            smallRow(n);
        }
        for (int n = smallBelow; n <= last; n++) {
            row(n);
        }
    }

    public int maxNoise() {
        return maxNoise;
    }

    public double variance() {
        return variance;
    }

    public int smallBelow() {
        return smallBelow;
    }

    /** The published value of a cell of {@code count} records whose cell key is {@code key} (in [0, 1)). */
    public long perturb(long count, double key) {
        if (count < 0) {
            throw new IllegalArgumentException("Negative count");
        }
        if (count == 0) {
            return 0;
        }
        int n = (int) Math.min(count, values.length - 1);
        int[] v = values[n];
        double[] c = cumulative[n];
        int i = Arrays.binarySearch(c, key);
        i = i >= 0 ? Math.min(i + 1, v.length - 1) : Math.min(-i - 1, v.length - 1);
        return count - n + v[i];
    }

    /** The probability that a cell of {@code count} records is published as {@code shown}. */
    public double probability(long count, long shown) {
        if (count == 0) {
            return shown == 0 ? 1 : 0;
        }
        int n = (int) Math.min(count, values.length - 1);
        long target = shown - (count - n);
        double previous = 0;
        for (int i = 0; i < values[n].length; i++) {
            if (values[n][i] == target) {
                return cumulative[n][i] - previous;
            }
            previous = cumulative[n][i];
        }
        return 0;
    }

    /** The one distribution of the small counts: the two whole numbers around their middle, half the time each. */
    private void smallRow(int n) {
        int low = smallBelow / 2;
        int high = (smallBelow + 1) / 2 == low ? low + 1 : (smallBelow + 1) / 2;
        store(n, List.of(low, high), new double[] {0.5, 0.5});
    }

    private void row(int n) {
        List<Integer> support = new ArrayList<>();
        for (int j = Math.max(0, n - maxNoise); j <= n + maxNoise; j++) {
            if (j == 0 || j >= smallBelow) {
                support.add(j);
            }
        }
        double[] t = support.stream().mapToDouble(j -> j - n).toArray();
        double[] p = withVariance(t);
        if (p == null) {
            p = meanOnly(t);
        }
        store(n, support, p);
    }

    private void store(int n, List<Integer> support, double[] p) {
        int[] v = support.stream().mapToInt(Integer::intValue).toArray();
        double[] c = new double[p.length];
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            sum += p[i];
            c[i] = sum;
        }
        c[c.length - 1] = 1;
        values[n] = v;
        cumulative[n] = c;
    }

    /** p(t) ∝ exp(a t + b t²) with mean 0 and the variance asked for (Newton's method), or null if out of reach. */
    private double[] withVariance(double[] t) {
        if (t.length < 3) {
            return null;
        }
        double a = 0;
        double b = 0;
        for (int iteration = 0; iteration < 200; iteration++) {
            double[] p = exponential(t, a, b);
            double m1 = moment(p, t, 1);
            double m2 = moment(p, t, 2);
            double m3 = moment(p, t, 3);
            double m4 = moment(p, t, 4);
            double f1 = m1;
            double f2 = m2 - variance;
            if (Math.abs(f1) < 1e-12 && Math.abs(f2) < 1e-12) {
                return p;
            }
            double j11 = m2 - m1 * m1;
            double j12 = m3 - m1 * m2;
            double j22 = m4 - m2 * m2;
            double det = j11 * j22 - j12 * j12;
            if (Math.abs(det) < 1e-15) {
                return null;
            }
            a -= (j22 * f1 - j12 * f2) / det;
            b -= (-j12 * f1 + j11 * f2) / det;
            if (!Double.isFinite(a) || !Double.isFinite(b) || Math.abs(a) > 60 || Math.abs(b) > 60) {
                return null;
            }
        }
        return null;
    }

    /** p(t) ∝ exp(a t) with mean 0: the most spread distribution when the variance cannot be chosen. */
    private static double[] meanOnly(double[] t) {
        double low = -60;
        double high = 60;
        for (int iteration = 0; iteration < 200; iteration++) {
            double mid = (low + high) / 2;
            if (moment(exponential(t, mid, 0), t, 1) > 0) {
                high = mid;
            } else {
                low = mid;
            }
        }
        return exponential(t, (low + high) / 2, 0);
    }

    private static double[] exponential(double[] t, double a, double b) {
        double max = Double.NEGATIVE_INFINITY;
        for (double x : t) {
            max = Math.max(max, a * x + b * x * x);
        }
        double[] p = new double[t.length];
        double sum = 0;
        for (int i = 0; i < t.length; i++) {
            p[i] = Math.exp(a * t[i] + b * t[i] * t[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < t.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    private static double moment(double[] p, double[] t, int k) {
        double m = 0;
        for (int i = 0; i < p.length; i++) {
            m += p[i] * Math.pow(t[i], k);
        }
        return m;
    }
}
