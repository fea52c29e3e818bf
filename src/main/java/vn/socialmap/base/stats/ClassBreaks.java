package vn.socialmap.base.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Class breaks for choropleth maps: quantile, equal interval and natural breaks (Jenks,
 * by Fisher's exact dynamic programme minimising the within-class sum of squares).
 * Breaks are the upper bounds of the classes, the last one the maximum; a value v falls
 * in the first class whose bound is at least v.
 */
public final class ClassBreaks {

    public enum Method {
        QUANTILE, EQUAL_INTERVAL, NATURAL_BREAKS
    }

    private ClassBreaks() {
    }

    public static double[] of(Method method, double[] values, int classes) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        if (sorted.length == 0) {
            return new double[0];
        }
        int k = Math.max(1, Math.min(classes, distinct(sorted)));
        return switch (method) {
            case QUANTILE -> quantile(sorted, k);
            case EQUAL_INTERVAL -> equalInterval(sorted, k);
            case NATURAL_BREAKS -> naturalBreaks(sorted, k);
        };
    }

    /** Index of the class of {@code value}. */
    public static int classOf(double[] breaks, double value) {
        for (int i = 0; i < breaks.length; i++) {
            if (value <= breaks[i]) {
                return i;
            }
        }
        return breaks.length - 1;
    }

    static double[] quantile(double[] sorted, int k) {
        List<Double> breaks = new ArrayList<>();
        for (int i = 1; i <= k; i++) {
            double b = sorted[(int) Math.ceil(i * sorted.length / (double) k) - 1];
            if (breaks.isEmpty() || b > breaks.getLast()) {
                breaks.add(b);
            }
        }
        return breaks.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static double[] equalInterval(double[] sorted, int k) {
        double min = sorted[0];
        double max = sorted[sorted.length - 1];
        double[] breaks = new double[k];
        for (int i = 0; i < k; i++) {
            breaks[i] = i == k - 1 ? max : min + (max - min) * (i + 1) / k;
        }
        return breaks;
    }

    /** Fisher-Jenks: exact optimal partition of sorted data into k classes. */
    static double[] naturalBreaks(double[] sorted, int k) {
        int n = sorted.length;
        double[][] cost = new double[k + 1][n + 1];
        int[][] split = new int[k + 1][n + 1];
        double[] prefix = new double[n + 1];
        double[] prefixSq = new double[n + 1];
        for (int i = 0; i < n; i++) {
            prefix[i + 1] = prefix[i] + sorted[i];
            prefixSq[i + 1] = prefixSq[i] + sorted[i] * sorted[i];
        }
        for (double[] row : cost) {
            Arrays.fill(row, Double.POSITIVE_INFINITY);
        }
        cost[0][0] = 0;
        for (int c = 1; c <= k; c++) {
            for (int j = c; j <= n; j++) {
                for (int i = c - 1; i < j; i++) {
                    double sum = prefix[j] - prefix[i];
                    double ssd = prefixSq[j] - prefixSq[i] - sum * sum / (j - i);
                    double total = cost[c - 1][i] + ssd;
                    if (total < cost[c][j]) {
                        cost[c][j] = total;
                        split[c][j] = i;
                    }
                }
            }
        }
        double[] breaks = new double[k];
        int end = n;
        for (int c = k; c >= 1; c--) {
            breaks[c - 1] = sorted[end - 1];
            end = split[c][end];
        }
        return breaks;
    }

    private static int distinct(double[] sorted) {
        int count = 1;
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] != sorted[i - 1]) {
                count++;
            }
        }
        return count;
    }
}
