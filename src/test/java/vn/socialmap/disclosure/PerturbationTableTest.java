package vn.socialmap.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The p-table of the cell-key method with the product's settings (max noise 9, variance 9, small below 5). */
class PerturbationTableTest {

    private final PerturbationTable table = new PerturbationTable(9, 9, 5);

    private double mean(long n) {
        double m = 0;
        for (long s = 0; s <= n + 15; s++) {
            m += s * table.probability(n, s);
        }
        return m;
    }

    private double variance(long n) {
        double m = mean(n);
        double v = 0;
        for (long s = 0; s <= n + 15; s++) {
            v += (s - m) * (s - m) * table.probability(n, s);
        }
        return v;
    }

    @Test
    void everyRowIsADistributionAndOnlySmallCountsArePublishedBelowFiveButZero() {
        for (long n = 0; n <= 40; n++) {
            double total = 0;
            for (long s = 0; s <= n + 15; s++) {
                total += table.probability(n, s);
                if (s >= 1 && s <= 4 && (n == 0 || n >= 5)) {
                    assertThat(table.probability(n, s)).as("P(%d shown as %d)", n, s).isZero();
                }
            }
            assertThat(total).as("row %d", n).isCloseTo(1, within(1e-9));
        }
        assertThat(table.probability(0, 0)).isEqualTo(1);
    }

    @Test
    void countsFromFiveUpAreUnbiasedWithTheVarianceAskedForWhereTheRangeAllowsIt() {
        for (long n = 5; n <= 40; n++) {
            assertThat(mean(n)).as("mean of %d", n).isCloseTo(n, within(1e-6));
            assertThat(variance(n)).as("variance of %d", n).isCloseTo(9, within(1e-6));
            assertThat(table.probability(n, n - 10)).isZero();
            assertThat(table.probability(n, n + 10)).isZero();
        }
    }

    @Test
    void theSmallCountsShareOneDistributionSoNoneCanBeToldFromAnother() {
        for (long s = 0; s <= 12; s++) {
            for (long n = 2; n <= 4; n++) {
                assertThat(table.probability(n, s)).as("P(%d shown as %d)", n, s).isEqualTo(table.probability(1, s));
            }
        }
        assertThat(mean(1)).isCloseTo(2.5, within(1e-6));
        assertThat(table.probability(3, 2)).isEqualTo(0.5);
        assertThat(table.probability(3, 3)).isEqualTo(0.5);
    }

    @Test
    void theKeyLooksUpTheDistribution() {
        // keys spread evenly over [0, 1) publish each value with its probability
        int steps = 100_000;
        for (long n : new long[] {1, 3, 5, 9, 250}) {
            long[] seen = new long[(int) n + 20];
            for (int i = 0; i < steps; i++) {
                long shown = table.perturb(n, (i + 0.5) / steps);
                assertThat(shown).isBetween(Math.max(0, n - 9), n + 9);
                seen[(int) (shown - Math.max(0, n - 9))]++;
            }
            for (int j = 0; j < seen.length; j++) {
                long s = Math.max(0, n - 9) + j;
                assertThat(seen[j] / (double) steps).as("%d shown as %d", n, s).isCloseTo(table.probability(n, s), within(1e-4));
            }
        }
        assertThat(table.perturb(0, 0.7)).isZero();
        assertThat(table.perturb(17, 0.3)).isEqualTo(table.perturb(17, 0.3));
    }

    @Test
    void aCellsKeyComesFromItsRecordsAndAddsUp() {
        Cell a = new Cell(2, 1_000_000_007L);
        Cell b = new Cell(3, 2_000_000_011L);
        assertThat(a.plus(b).minus(b)).isEqualTo(a);
        assertThat(a.plus(b).key()).isEqualTo(b.plus(a).key()).isBetween(0.0, 1.0);
        assertThat(new Cell(1, (1L << 31) + 5).key()).isEqualTo(new Cell(1, 5).key());
    }
}
