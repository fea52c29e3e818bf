package vn.socialmap.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/** The exact covering model against brute force over every k-subset of small random inputs. */
class CoveringLocationTest {

    @RepeatedTest(20)
    void matchesBruteForce(RepetitionInfo repetition) {
        SplittableRandom random = new SplittableRandom(repetition.getCurrentRepetition());
        int demandCount = 25;
        int candidates = 12;
        int k = 1 + random.nextInt(4);
        long[] weights = new long[demandCount];
        int[][] covers = new int[demandCount][];
        for (int i = 0; i < demandCount; i++) {
            weights[i] = random.nextInt(20);
            List<Integer> c = new ArrayList<>();
            for (int j = 0; j < candidates; j++) {
                if (random.nextDouble() < 0.2) {
                    c.add(j);
                }
            }
            covers[i] = c.stream().mapToInt(Integer::intValue).toArray();
        }
        var problem = new CoveringLocation.Problem(weights, covers, candidates, k);
        var solution = CoveringLocation.solve(problem, 30);
        assertThat(solution.optimal()).isTrue();
        assertThat(solution.gap()).isZero();
        assertThat(solution.chosen()).hasSize(k);
        assertThat(solution.coveredWeight()).isEqualTo(covered(problem, solution.chosen()));
        assertThat(solution.coveredWeight()).isEqualTo(bruteForce(problem));
    }

    @Test
    void nothingToCoverStillChoosesKSites() {
        var problem = new CoveringLocation.Problem(new long[] {0, 0}, new int[][] {{0}, {1}}, 3, 2);
        var solution = CoveringLocation.solve(problem, 5);
        assertThat(solution.coveredWeight()).isZero();
        assertThat(solution.chosen()).hasSize(2);
    }

    @Test
    void aStoppedSearchKeepsAtLeastTheGreedyAnswerAndAProvenBound() {
        SplittableRandom random = new SplittableRandom(99);
        int n = 1500;
        long[] weights = new long[n];
        int[][] covers = new int[n][];
        for (int i = 0; i < n; i++) {
            weights[i] = 1 + random.nextInt(30);
            covers[i] = random.ints(6, 0, n).distinct().toArray();
        }
        var problem = new CoveringLocation.Problem(weights, covers, n, 40);
        var solution = CoveringLocation.solve(problem, 0.05);
        assertThat(solution.coveredWeight()).isEqualTo(covered(problem, solution.chosen()))
                .isGreaterThanOrEqualTo(covered(problem, CoveringLocation.greedy(problem)));
        assertThat(solution.bound()).isGreaterThanOrEqualTo(solution.coveredWeight())
                .isLessThanOrEqualTo(java.util.Arrays.stream(weights).sum());
        assertThat(solution.gap()).isBetween(0.0, 1.0);
        if (solution.optimal()) {
            assertThat(solution.gap()).isZero();
        }
    }

    static long covered(CoveringLocation.Problem p, List<Integer> chosen) {
        long sum = 0;
        for (int i = 0; i < p.weights().length; i++) {
            for (int c : p.covers()[i]) {
                if (chosen.contains(c)) {
                    sum += p.weights()[i];
                    break;
                }
            }
        }
        return sum;
    }

    private static long bruteForce(CoveringLocation.Problem p) {
        long best = 0;
        for (int mask = 0; mask < 1 << p.candidates(); mask++) {
            if (Integer.bitCount(mask) != p.k()) {
                continue;
            }
            List<Integer> chosen = new ArrayList<>();
            for (int j = 0; j < p.candidates(); j++) {
                if ((mask & 1 << j) != 0) {
                    chosen.add(j);
                }
            }
            best = Math.max(best, covered(p, chosen));
        }
        return best;
    }
}
