package vn.socialmap.analytics;

import java.util.ArrayList;
import java.util.List;

import com.google.ortools.Loader;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.Literal;

/**
 * The maximal covering location problem (Church and ReVelle 1974): choose k sites among
 * candidates so that the weight of demand within the radius of a chosen site is largest.
 * Demand already covered by an existing site is given weight 0 by the caller. Solved
 * exactly with OR-Tools CP-SAT as the integer programme
 * max sum_i w_i y_i subject to y_i <= sum_{j covers i} x_j, sum_j x_j = k; when the time
 * limit stops the search, the best solution and its proven gap are reported.
 */
public final class CoveringLocation {

    private CoveringLocation() {
    }

    /**
     * @param covers   covers[i] = indices of the candidates within the radius of demand i
     * @param weights  integer demand weights (counts of people)
     */
    public record Problem(long[] weights, int[][] covers, int candidates, int k) {
    }

    public record Solution(List<Integer> chosen, long coveredWeight, long bound, boolean optimal) {
        /** Relative gap between the proven bound and the solution (0 when optimal). */
        public double gap() {
            return bound == 0 ? 0 : (double) (bound - coveredWeight) / bound;
        }
    }

    public static Solution solve(Problem problem, double timeLimitSeconds) {
        Loader.loadNativeLibraries();
        CpModel model = new CpModel();
        int m = problem.candidates();
        Literal[] x = new Literal[m];
        for (int j = 0; j < m; j++) {
            x[j] = model.newBoolVar("x" + j);
        }
        int k = Math.min(problem.k(), m);
        model.addEquality(LinearExpr.sum(x), k);
        List<Literal> ys = new ArrayList<>();
        List<Long> coefficients = new ArrayList<>();
        for (int i = 0; i < problem.weights().length; i++) {
            if (problem.weights()[i] <= 0 || problem.covers()[i].length == 0) {
                continue; // nothing to gain, or no candidate can reach it
            }
            Literal y = model.newBoolVar("y" + i);
            Literal[] reach = new Literal[problem.covers()[i].length];
            for (int c = 0; c < reach.length; c++) {
                reach[c] = x[problem.covers()[i][c]];
            }
            // y_i implies at least one covering site is open
            model.addBoolOr(concat(reach, y.not()));
            ys.add(y);
            coefficients.add(problem.weights()[i]);
        }
        model.maximize(LinearExpr.weightedSum(ys.toArray(Literal[]::new), coefficients.stream().mapToLong(Long::longValue).toArray()));
        CpSolver solver = new CpSolver();
        solver.getParameters().setMaxTimeInSeconds(timeLimitSeconds);
        solver.getParameters().setNumWorkers(Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors())));
        solver.getParameters().setRandomSeed(1);
        CpSolverStatus status = solver.solve(model);
        if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
            throw new IllegalStateException("The covering model found no solution: " + status);
        }
        List<Integer> chosen = new ArrayList<>();
        for (int j = 0; j < m; j++) {
            if (solver.booleanValue(x[j])) {
                chosen.add(j);
            }
        }
        long covered = Math.round(solver.objectiveValue());
        long bound = (long) Math.floor(solver.bestObjectiveBound() + 1e-6);
        return new Solution(chosen, covered, Math.max(bound, covered), status == CpSolverStatus.OPTIMAL);
    }

    private static Literal[] concat(Literal[] a, Literal b) {
        Literal[] all = java.util.Arrays.copyOf(a, a.length + 1);
        all[a.length] = b;
        return all;
    }
}
