package vn.socialmap.analytics;

import java.util.ArrayList;
import java.util.List;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;

/**
 * The maximal covering location problem (Church and ReVelle 1974): choose k sites among
 * candidates so that the weight of demand within the radius of a chosen site is largest.
 * Demand already covered by an existing site is given weight 0 by the caller. Solved
 * exactly as the integer programme max sum_i w_i y_i subject to y_i <= sum_{j covers i} x_j,
 * sum_j x_j = k, x binary, with SCIP (branch and bound on the LP relaxation, which is tight
 * for this model) from OR-Tools; when the time limit stops the search, the best solution
 * and its proven gap are reported.
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
        MPSolver solver = MPSolver.createSolver("SCIP");
        if (solver == null) {
            throw new IllegalStateException("The SCIP solver is not available in this OR-Tools build");
        }
        solver.setTimeLimit(Math.round(timeLimitSeconds * 1000));
        // one thread: the answer must not depend on the machine
        solver.setNumThreads(1);
        MPVariable[] x = model(solver, problem, true);
        int m = problem.candidates();
        MPObjective objective = solver.objective();
        // the greedy answer starts the search, so a stopped search is never worse than greedy
        List<Integer> greedy = greedy(problem);
        double[] hint = new double[greedy.size()];
        java.util.Arrays.fill(hint, 1);
        solver.setHint(greedy.stream().map(j -> x[j]).toArray(MPVariable[]::new), hint);
        MPSolver.ResultStatus status = solver.solve();
        List<Integer> chosen = new ArrayList<>();
        if (status == MPSolver.ResultStatus.OPTIMAL || status == MPSolver.ResultStatus.FEASIBLE) {
            for (int j = 0; j < m; j++) {
                if (x[j].solutionValue() > 0.5) {
                    chosen.add(j);
                }
            }
        }
        boolean optimal = status == MPSolver.ResultStatus.OPTIMAL;
        // an upper bound the search proved, or else the demand any site can reach at all
        long trivialBound = 0;
        for (int i = 0; i < problem.weights().length; i++) {
            trivialBound += problem.covers()[i].length > 0 ? Math.max(0, problem.weights()[i]) : 0;
        }
        double proven = objective.bestBound();
        long bound = Double.isFinite(proven) ? Math.min(trivialBound, (long) Math.floor(proven + 1e-6)) : trivialBound;
        solver.delete();
        if (!optimal) {
            bound = Math.min(bound, relaxationBound(problem, timeLimitSeconds));
        }
        if (!optimal && covered(problem, greedy) > covered(problem, chosen)) {
            chosen = greedy;
        }
        long covered = covered(problem, chosen);
        return new Solution(chosen, covered, optimal ? covered : Math.max(bound, covered), optimal);
    }

    /**
     * The optimum of the LP relaxation (x in [0, 1]), solved with GLOP: an upper bound on
     * every integer answer, usually close for this model.
     */
    static long relaxationBound(Problem problem, double timeLimitSeconds) {
        MPSolver lp = MPSolver.createSolver("GLOP");
        if (lp == null) {
            return Long.MAX_VALUE;
        }
        lp.setTimeLimit(Math.round(timeLimitSeconds * 1000));
        model(lp, problem, false);
        MPObjective objective = lp.objective();
        MPSolver.ResultStatus status = lp.solve();
        long bound = status == MPSolver.ResultStatus.OPTIMAL ? (long) Math.floor(objective.value() + 1e-6) : Long.MAX_VALUE;
        lp.delete();
        return bound;
    }

    /**
     * max sum_i w_i y_i, y_i <= sum_{j covers i} x_j, sum_j x_j = k; y_i may be continuous
     * in [0, 1]: with x integral it is 1 exactly when some open site covers i.
     */
    private static MPVariable[] model(MPSolver solver, Problem problem, boolean integral) {
        int m = problem.candidates();
        MPVariable[] x = new MPVariable[m];
        MPConstraint sites = solver.makeConstraint(Math.min(problem.k(), m), Math.min(problem.k(), m), "k");
        for (int j = 0; j < m; j++) {
            x[j] = integral ? solver.makeBoolVar("x" + j) : solver.makeNumVar(0, 1, "x" + j);
            sites.setCoefficient(x[j], 1);
        }
        MPObjective objective = solver.objective();
        for (int i = 0; i < problem.weights().length; i++) {
            if (problem.weights()[i] <= 0 || problem.covers()[i].length == 0) {
                continue; // nothing to gain, or no candidate can reach it
            }
            MPVariable y = solver.makeNumVar(0, 1, "y" + i);
            MPConstraint reach = solver.makeConstraint(Double.NEGATIVE_INFINITY, 0, "cover" + i);
            reach.setCoefficient(y, 1);
            for (int j : problem.covers()[i]) {
                reach.setCoefficient(x[j], -1);
            }
            objective.setCoefficient(y, problem.weights()[i]);
        }
        objective.setMaximization();
        return x;
    }

    /** Weight covered by the sites, recomputed exactly whatever the solver's tolerances. */
    static long covered(Problem problem, List<Integer> sites) {
        java.util.Set<Integer> open = new java.util.HashSet<>(sites);
        long covered = 0;
        for (int i = 0; i < problem.weights().length; i++) {
            for (int j : problem.covers()[i]) {
                if (open.contains(j)) {
                    covered += Math.max(0, problem.weights()[i]);
                    break;
                }
            }
        }
        return covered;
    }

    /** Adds, k times, the site that covers the most weight not yet covered (ties: lowest index). */
    static List<Integer> greedy(Problem problem) {
        int m = problem.candidates();
        int k = Math.min(problem.k(), m);
        List<List<Integer>> reaches = new ArrayList<>(m);
        for (int j = 0; j < m; j++) {
            reaches.add(new ArrayList<>());
        }
        for (int i = 0; i < problem.weights().length; i++) {
            for (int j : problem.covers()[i]) {
                reaches.get(j).add(i);
            }
        }
        boolean[] covered = new boolean[problem.weights().length];
        boolean[] open = new boolean[m];
        List<Integer> chosen = new ArrayList<>();
        for (int step = 0; step < k; step++) {
            int best = -1;
            long bestGain = -1;
            for (int j = 0; j < m; j++) {
                if (open[j]) {
                    continue;
                }
                long gain = 0;
                for (int i : reaches.get(j)) {
                    gain += covered[i] ? 0 : Math.max(0, problem.weights()[i]);
                }
                if (gain > bestGain) {
                    bestGain = gain;
                    best = j;
                }
            }
            open[best] = true;
            chosen.add(best);
            reaches.get(best).forEach(i -> covered[i] = true);
        }
        return chosen;
    }
}
