package vn.socialmap.base.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import vn.socialmap.base.stats.ClassBreaks.Method;

class ClassBreaksTest {

    private static final double[] VALUES = {1, 2, 3, 10, 11, 12, 30, 31, 32, 33};

    @Test
    void naturalBreaksFindTheGroups() {
        assertThat(ClassBreaks.of(Method.NATURAL_BREAKS, VALUES, 3)).containsExactly(3, 12, 33);
    }

    @Test
    void equalIntervalSplitsTheRange() {
        assertThat(ClassBreaks.of(Method.EQUAL_INTERVAL, VALUES, 4)).containsExactly(9, 17, 25, 33);
    }

    @Test
    void quantileSplitsTheCount() {
        assertThat(ClassBreaks.of(Method.QUANTILE, VALUES, 5)).containsExactly(2, 10, 12, 31, 33);
    }

    @Test
    void classesOfValues() {
        double[] breaks = {3, 12, 33};
        assertThat(ClassBreaks.classOf(breaks, 1)).isZero();
        assertThat(ClassBreaks.classOf(breaks, 3)).isZero();
        assertThat(ClassBreaks.classOf(breaks, 4)).isEqualTo(1);
        assertThat(ClassBreaks.classOf(breaks, 33)).isEqualTo(2);
    }

    @Test
    void fewDistinctValuesGiveFewClasses() {
        assertThat(ClassBreaks.of(Method.NATURAL_BREAKS, new double[] {5, 5, 5, 9}, 5)).containsExactly(5, 9);
        assertThat(ClassBreaks.of(Method.QUANTILE, new double[] {5, 5, 5, 5}, 5)).containsExactly(5);
        assertThat(ClassBreaks.of(Method.EQUAL_INTERVAL, new double[0], 5)).isEmpty();
    }

    /** Natural breaks minimise the within-class sum of squares: no other 3-class split of the data does better. */
    @Test
    void naturalBreaksAreOptimal() {
        double[] data = {2, 4, 4, 5, 7, 9, 15, 16, 18, 25, 26, 40, 41, 43, 60};
        double best = ssd(data, ClassBreaks.of(Method.NATURAL_BREAKS, data, 3));
        for (int a = 1; a < data.length - 1; a++) {
            for (int b = a + 1; b < data.length; b++) {
                double other = ssd(data, new double[] {data[a - 1], data[b - 1], data[data.length - 1]});
                assertThat(best).isLessThanOrEqualTo(other + 1e-9);
            }
        }
    }

    private static double ssd(double[] sorted, double[] breaks) {
        double total = 0;
        for (int c = 0; c < breaks.length; c++) {
            double sum = 0;
            int n = 0;
            for (double v : sorted) {
                if (ClassBreaks.classOf(breaks, v) == c) {
                    sum += v;
                    n++;
                }
            }
            double mean = n == 0 ? 0 : sum / n;
            for (double v : sorted) {
                if (ClassBreaks.classOf(breaks, v) == c) {
                    total += (v - mean) * (v - mean);
                }
            }
        }
        return total;
    }
}
