package vn.socialmap.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Small-cell suppression of a table of counts with its totals, so that no count from 1
 * to {@code minCount - 1} can be read or recovered by people without access to the
 * underlying persons. Zero stays zero.
 *
 * <p>The table with its row totals, column totals and grand total is seen as an
 * (R+1)×(C+1) array whose rows and columns, with totals negated, all sum to zero. The
 * hidden cells are the edges of a bipartite graph between its rows and columns; a hidden
 * cell's value is determined by the shown ones exactly when its edge is a bridge of that
 * graph (it lies on no cycle). Since every hidden cell is at least 1, moving one unit
 * around a cycle gives another table with the same shown values, so cells on cycles
 * cannot be recovered. Primary suppression hides the small cells; complementary
 * suppression then, for each remaining bridge, hides the smallest shown non-zero cell
 * that joins the two sides of the bridge's cut, until no hidden cell is a bridge. Totals that are not published (a list without row totals) count as hidden.
 */
public final class SmallCellSuppression {

    private final int minCount;

    public SmallCellSuppression(int minCount) {
        if (minCount < 2) {
            throw new IllegalArgumentException("minCount must be at least 2");
        }
        this.minCount = minCount;
    }

    public int minCount() {
        return minCount;
    }

    /**
     * @param cells             counts, rows × columns, none negative
     * @param rowTotalsShown    whether each row's total is published
     * @param columnTotalsShown whether each column's total (and the grand total) is published
     */
    public Result suppress(long[][] cells, boolean rowTotalsShown, boolean columnTotalsShown) {
        int rows = cells.length;
        int cols = rows == 0 ? 0 : cells[0].length;
        long[][] full = new long[rows + 1][cols + 1];
        for (int i = 0; i < rows; i++) {
            if (cells[i].length != cols) {
                throw new IllegalArgumentException("Ragged table");
            }
            for (int j = 0; j < cols; j++) {
                if (cells[i][j] < 0) {
                    throw new IllegalArgumentException("Negative count");
                }
                full[i][j] = cells[i][j];
                full[i][cols] += cells[i][j];
                full[rows][j] += cells[i][j];
                full[rows][cols] += cells[i][j];
            }
        }
        boolean[][] published = new boolean[rows + 1][cols + 1];
        boolean[][] hidden = new boolean[rows + 1][cols + 1];
        for (int i = 0; i <= rows; i++) {
            for (int j = 0; j <= cols; j++) {
                if (i < rows && j < cols) {
                    published[i][j] = true;
                } else if (i < rows) {
                    published[i][j] = rowTotalsShown;
                } else if (j < cols) {
                    published[i][j] = columnTotalsShown;
                } else {
                    published[i][j] = rowTotalsShown || columnTotalsShown;
                }
                hidden[i][j] = !published[i][j] || isSmall(full[i][j]);
            }
        }
        while (true) {
            int[] bridge = firstPublishedBridge(full, hidden, published);
            if (bridge == null) {
                break;
            }
            int[] complement = complementFor(bridge, full, hidden);
            if (complement == null) {
                hideAllNonZero(full, hidden);
                break;
            }
            hidden[complement[0]][complement[1]] = true;
        }
        return new Result(full, hidden, published, minCount);
    }

    private boolean isSmall(long value) {
        return value > 0 && value < minCount;
    }

    /** Finds a hidden, non-zero, published cell that the shown cells determine. */
    private static int[] firstPublishedBridge(long[][] full, boolean[][] hidden, boolean[][] published) {
        for (int[] edge : bridges(full, hidden)) {
            if (published[edge[0]][edge[1]]) {
                return edge;
            }
        }
        return null;
    }

    /**
     * Bridges of the graph whose vertices are rows 0..R and columns 0..C and whose edges are
     * the hidden non-zero cells. Hidden zeros carry no information to protect, but they
     * still let values move, so they are edges too.
     */
    static List<int[]> bridges(long[][] full, boolean[][] hidden) {
        int rows = full.length;
        int cols = full[0].length;
        int n = rows + cols;
        List<List<int[]>> adjacency = new ArrayList<>();
        for (int v = 0; v < n; v++) {
            adjacency.add(new ArrayList<>());
        }
        int edgeId = 0;
        List<int[]> edges = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                if (hidden[i][j]) {
                    adjacency.get(i).add(new int[] {rows + j, edgeId});
                    adjacency.get(rows + j).add(new int[] {i, edgeId});
                    edges.add(new int[] {i, j});
                    edgeId++;
                }
            }
        }
        int[] discovery = new int[n];
        int[] low = new int[n];
        Arrays.fill(discovery, -1);
        boolean[] isBridge = new boolean[edges.size()];
        int[] time = {0};
        for (int v = 0; v < n; v++) {
            if (discovery[v] < 0) {
                dfs(v, adjacency, discovery, low, isBridge, time);
            }
        }
        List<int[]> result = new ArrayList<>();
        for (int e = 0; e < edges.size(); e++) {
            int[] cell = edges.get(e);
            if (isBridge[e] && full[cell[0]][cell[1]] > 0) {
                result.add(cell);
            }
        }
        return result;
    }

    /** Iterative Tarjan bridge search (tables can have hundreds of rows). */
    private static void dfs(int root, List<List<int[]>> adjacency, int[] discovery, int[] low,
                            boolean[] isBridge, int[] time) {
        int n = discovery.length;
        int[] parentEdge = new int[n];
        int[] next = new int[n];
        int[] stack = new int[n];
        int top = 0;
        stack[top++] = root;
        parentEdge[root] = -1;
        discovery[root] = low[root] = time[0]++;
        while (top > 0) {
            int v = stack[top - 1];
            if (next[v] < adjacency.get(v).size()) {
                int[] edge = adjacency.get(v).get(next[v]++);
                int w = edge[0];
                if (edge[1] == parentEdge[v]) {
                    continue;
                }
                if (discovery[w] < 0) {
                    parentEdge[w] = edge[1];
                    discovery[w] = low[w] = time[0]++;
                    stack[top++] = w;
                } else {
                    low[v] = Math.min(low[v], discovery[w]);
                }
            } else {
                top--;
                if (top > 0) {
                    int parent = stack[top - 1];
                    low[parent] = Math.min(low[parent], low[v]);
                    if (low[v] > discovery[parent]) {
                        isBridge[parentEdge[v]] = true;
                    }
                }
            }
        }
    }

    /**
     * A cell to hide so that the bridge gets onto a cycle: any shown, non-zero cell whose
     * row and column lie on opposite sides of the cut the bridge makes (such a cell closes
     * a cycle through it), the smallest first to lose the least information.
     */
    private static int[] complementFor(int[] bridge, long[][] full, boolean[][] hidden) {
        int rows = full.length;
        int cols = full[0].length;
        int[] component = componentsWithout(bridge, full, hidden);
        int rowSide = component[bridge[0]];
        int columnSide = component[rows + bridge[1]];
        int[] best = null;
        long bestValue = Long.MAX_VALUE;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                boolean crosses = component[i] == rowSide && component[rows + j] == columnSide
                        || component[i] == columnSide && component[rows + j] == rowSide;
                if (crosses && !hidden[i][j] && full[i][j] > 0 && full[i][j] < bestValue) {
                    best = new int[] {i, j};
                    bestValue = full[i][j];
                }
            }
        }
        return best;
    }

    /** Connected components of the hidden-cell graph with the bridge removed. */
    private static int[] componentsWithout(int[] bridge, long[][] full, boolean[][] hidden) {
        int rows = full.length;
        int cols = full[0].length;
        int[] parent = new int[rows + cols];
        for (int v = 0; v < parent.length; v++) {
            parent[v] = v;
        }
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                if (hidden[i][j] && !(i == bridge[0] && j == bridge[1])) {
                    parent[find(parent, i)] = find(parent, rows + j);
                }
            }
        }
        int[] component = new int[parent.length];
        for (int v = 0; v < parent.length; v++) {
            component[v] = find(parent, v);
        }
        return component;
    }

    private static int find(int[] parent, int v) {
        while (parent[v] != v) {
            parent[v] = parent[parent[v]];
            v = parent[v];
        }
        return v;
    }

    private static void hideAllNonZero(long[][] full, boolean[][] hidden) {
        for (int i = 0; i < full.length; i++) {
            for (int j = 0; j < full[0].length; j++) {
                if (full[i][j] > 0) {
                    hidden[i][j] = true;
                }
            }
        }
    }

    /**
     * The suppressed table. Row R and column C hold the totals.
     */
    public static final class Result {
        private final long[][] values;
        private final boolean[][] hidden;
        private final boolean[][] published;
        private final int minCount;

        Result(long[][] values, boolean[][] hidden, boolean[][] published, int minCount) {
            this.values = values;
            this.hidden = hidden;
            this.published = published;
            this.minCount = minCount;
        }

        public int rows() {
            return values.length - 1;
        }

        public int columns() {
            return values[0].length - 1;
        }

        /** Whether cell (i, j) is hidden; i == rows() is the totals row, j == columns() the totals column. */
        public boolean isHidden(int i, int j) {
            return hidden[i][j];
        }

        /** The value to show, or null when hidden. */
        public Long shown(int i, int j) {
            return hidden[i][j] ? null : values[i][j];
        }

        /** Display text: the count, or "&lt;5" when hidden. */
        public String text(int i, int j) {
            return hidden[i][j] ? "<" + minCount : Long.toString(values[i][j]);
        }

        public boolean isPublished(int i, int j) {
            return published[i][j];
        }

        /** Number of published cells hidden, for reports of information loss. */
        public int hiddenCount() {
            int n = 0;
            for (int i = 0; i < hidden.length; i++) {
                for (int j = 0; j < hidden[0].length; j++) {
                    if (hidden[i][j] && published[i][j]) {
                        n++;
                    }
                }
            }
            return n;
        }
    }
}
