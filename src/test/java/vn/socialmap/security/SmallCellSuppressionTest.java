package vn.socialmap.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class SmallCellSuppressionTest {

    private final SmallCellSuppression suppression = new SmallCellSuppression(5);

    @Test
    void hidesOneToFourKeepsZeroAndLargeCounts() {
        var result = suppression.suppress(new long[][] {{0, 3, 12}, {7, 9, 20}}, true, true);
        assertThat(result.text(0, 0)).isEqualTo("0");
        assertThat(result.text(0, 1)).isEqualTo("<5");
        assertRecoversNothing(new long[][] {{0, 3, 12}, {7, 9, 20}}, result, true, true);
    }

    @Test
    void aSingleSmallCellInAListWithATotalGetsACompanion() {
        long[][] list = {{3}, {40}, {25}, {60}};
        var result = suppression.suppress(list, false, true);
        assertThat(result.isHidden(0, 0)).isTrue();
        // the smallest other count is hidden with it, so total - shown cannot give 3
        assertThat(result.isHidden(2, 0)).isTrue();
        assertThat(result.isHidden(1, 0)).isFalse();
        assertThat(result.text(4, 0)).isEqualTo("128");
        assertRecoversNothing(list, result, false, true);
    }

    @Test
    void aSmallTotalIsItselfHidden() {
        long[][] table = {{1, 0}, {2, 0}};
        var result = suppression.suppress(table, true, true);
        assertThat(result.isHidden(2, 2)).isTrue();
        assertThat(result.text(0, 1)).isEqualTo("0");
        assertRecoversNothing(table, result, true, true);
    }

    /**
     * A rare status in one district: one small cell in a column of zeros, whose total is
     * small too. The protection must come from a column total, not from hiding the table.
     */
    @Test
    void aLoneSmallCellCostsOnlyAFewComplements() {
        long[][] table = new long[30][4];
        for (int i = 0; i < 30; i++) {
            table[i][0] = 600 + i;
            table[i][1] = 200 + i;
            table[i][2] = 40 + i;
        }
        table[0][3] = 1;
        var result = suppression.suppress(table, false, true);
        assertThat(result.isHidden(0, 3)).isTrue();
        assertThat(result.hiddenCount()).isLessThanOrEqualTo(4);
        assertThat(result.isHidden(5, 0)).isFalse();
        assertRecoversNothing(table, result, false, true);
    }

    @Test
    void nothingHiddenWhenNothingIsSmall() {
        var result = suppression.suppress(new long[][] {{0, 5}, {10, 0}}, true, true);
        assertThat(result.hiddenCount()).isZero();
    }

    /** Random tables full of small counts: no hidden cell may be recoverable from what is shown. */
    @RepeatedTest(300)
    void noHiddenCellCanBeRecoveredFromTheTotals(org.junit.jupiter.api.RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        int rows = 1 + random.nextInt(7);
        int cols = 1 + random.nextInt(5);
        long[][] table = new long[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                int kind = random.nextInt(4);
                table[i][j] = kind == 0 ? 0 : kind == 1 ? 1 + random.nextInt(4) : random.nextInt(40);
            }
        }
        boolean rowTotals = random.nextBoolean();
        boolean colTotals = random.nextBoolean() || !rowTotals;
        var result = suppression.suppress(table, rowTotals, colTotals);
        for (int i = 0; i <= rows; i++) {
            for (int j = 0; j <= cols; j++) {
                long value = i < rows && j < cols ? table[i][j] : total(table, i, j);
                if (result.isPublished(i, j) && value > 0 && value < 5) {
                    assertThat(result.isHidden(i, j)).as("small cell (%d,%d)", i, j).isTrue();
                }
                if (value == 0 && result.isPublished(i, j)) {
                    assertThat(result.isHidden(i, j)).as("zero stays zero").isFalse();
                }
            }
        }
        assertRecoversNothing(table, result, rowTotals, colTotals);
    }

    private static long total(long[][] t, int i, int j) {
        long sum = 0;
        for (int a = 0; a < t.length; a++) {
            for (int b = 0; b < t[0].length; b++) {
                if ((i == t.length || a == i) && (j == t[0].length || b == j)) {
                    sum += t[a][b];
                }
            }
        }
        return sum;
    }

    /**
     * Independent check by linear algebra: the unknowns are the interior cells; every shown
     * cell (interior or total) is a linear equation. A hidden published cell is recoverable
     * when its value is fixed by those equations, i.e. its coefficient vector lies in their
     * row space. (Non-negativity cannot fix it: every hidden non-zero cell can move by one.)
     */
    private static void assertRecoversNothing(long[][] table, SmallCellSuppression.Result result,
                                              boolean rowTotals, boolean colTotals) {
        int rows = table.length;
        int cols = table[0].length;
        List<double[]> equations = new ArrayList<>();
        for (int i = 0; i <= rows; i++) {
            for (int j = 0; j <= cols; j++) {
                if (result.isPublished(i, j) && !result.isHidden(i, j)) {
                    equations.add(coefficients(rows, cols, i, j));
                }
            }
        }
        int rank = rank(equations);
        for (int i = 0; i <= rows; i++) {
            for (int j = 0; j <= cols; j++) {
                if (result.isPublished(i, j) && result.isHidden(i, j)) {
                    List<double[]> extended = new ArrayList<>(equations);
                    extended.add(coefficients(rows, cols, i, j));
                    assertThat(rank(extended)).as("hidden cell (%d,%d) is recoverable", i, j).isEqualTo(rank + 1);
                }
            }
        }
    }

    private static double[] coefficients(int rows, int cols, int i, int j) {
        double[] c = new double[rows * cols];
        for (int a = 0; a < rows; a++) {
            for (int b = 0; b < cols; b++) {
                if ((i == rows || a == i) && (j == cols || b == j)) {
                    c[a * cols + b] = 1;
                }
            }
        }
        return c;
    }

    private static int rank(List<double[]> rowsIn) {
        double[][] m = rowsIn.stream().map(double[]::clone).toArray(double[][]::new);
        int rank = 0;
        int width = m.length == 0 ? 0 : m[0].length;
        for (int col = 0; col < width && rank < m.length; col++) {
            int pivot = rank;
            for (int r = rank; r < m.length; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            if (Math.abs(m[pivot][col]) < 1e-9) {
                continue;
            }
            double[] t = m[pivot];
            m[pivot] = m[rank];
            m[rank] = t;
            for (int r = 0; r < m.length; r++) {
                if (r != rank) {
                    double f = m[r][col] / m[rank][col];
                    for (int c = col; c < width; c++) {
                        m[r][c] -= f * m[rank][c];
                    }
                }
            }
            rank++;
        }
        return rank;
    }
}
