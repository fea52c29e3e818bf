package vn.socialmap.analytics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * Binary spatial weights as neighbour lists: {@code neighbours[i]} holds the indices j with
 * w_ij = 1, in increasing order. Whether a unit is its own neighbour is part of the weights
 * (Gi* includes it, local Moran does not).
 */
public record SpatialWeights(int[][] neighbours) {

    /**
     * Two vertices closer than this (in the coordinates' units, degrees here) are the same
     * point: spdep's {@code poly2nb} default, {@code sqrt(.Machine$double.eps)}.
     */
    public static final double SNAP = Math.sqrt(Math.ulp(1.0));

    /** Mean radius of the Earth (IUGG), for great-circle distances. */
    public static final double EARTH_RADIUS_METRES = 6_371_008.8;

    public int size() {
        return neighbours.length;
    }

    /** Sum of the weights of unit i (its number of neighbours). */
    public int weightSum(int i) {
        return neighbours[i].length;
    }

    public int links() {
        return Arrays.stream(neighbours).mapToInt(n -> n.length).sum();
    }

    /**
     * Queen contiguity: units sharing at least one boundary point, taken as spdep does, a
     * vertex of one within {@link #SNAP} of a vertex of the other. Vertices are hashed on
     * a grid of SNAP-sized cells, so the cost grows with the number of vertices, not with
     * the square of the number of units.
     */
    public static SpatialWeights queen(List<? extends Geometry> units, boolean includeSelf) {
        int n = units.size();
        Map<Cell, List<double[]>> grid = new HashMap<>();
        for (int u = 0; u < n; u++) {
            for (Coordinate c : units.get(u).getCoordinates()) {
                grid.computeIfAbsent(Cell.of(c.x, c.y), k -> new ArrayList<>()).add(new double[] {c.x, c.y, u});
            }
        }
        List<TreeSet<Integer>> sets = new ArrayList<>(n);
        for (int u = 0; u < n; u++) {
            TreeSet<Integer> set = new TreeSet<>();
            if (includeSelf) {
                set.add(u);
            }
            sets.add(set);
        }
        grid.forEach((cell, bucket) -> {
            for (long dx = -1; dx <= 1; dx++) {
                for (long dy = -1; dy <= 1; dy++) {
                    List<double[]> other = grid.get(new Cell(cell.x() + dx, cell.y() + dy));
                    if (other == null) {
                        continue;
                    }
                    for (double[] v : bucket) {
                        for (double[] w : other) {
                            int a = (int) v[2];
                            int b = (int) w[2];
                            if (a != b && Math.hypot(v[0] - w[0], v[1] - w[1]) <= SNAP) {
                                sets.get(a).add(b);
                            }
                        }
                    }
                }
            }
        });
        return of(sets);
    }

    /** Distance band: units whose representative points are at most {@code metres} apart (great circle), self included. */
    public static SpatialWeights distanceBand(double[] lon, double[] lat, double metres, boolean includeSelf) {
        int n = lon.length;
        // sort by latitude so that only a band of rows has to be compared
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(lat[a], lat[b]));
        double latBand = Math.toDegrees(metres / EARTH_RADIUS_METRES);
        List<TreeSet<Integer>> sets = new ArrayList<>(n);
        for (int u = 0; u < n; u++) {
            TreeSet<Integer> set = new TreeSet<>();
            if (includeSelf) {
                set.add(u);
            }
            sets.add(set);
        }
        for (int p = 0; p < n; p++) {
            int i = order[p];
            for (int q = p + 1; q < n && lat[order[q]] - lat[i] <= latBand; q++) {
                int j = order[q];
                if (greatCircleMetres(lon[i], lat[i], lon[j], lat[j]) <= metres) {
                    sets.get(i).add(j);
                    sets.get(j).add(i);
                }
            }
        }
        return of(sets);
    }

    /** Haversine distance on a sphere of the Earth's mean radius. */
    public static double greatCircleMetres(double lon1, double lat1, double lon2, double lat2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    private static SpatialWeights of(List<TreeSet<Integer>> sets) {
        int[][] neighbours = new int[sets.size()][];
        for (int i = 0; i < sets.size(); i++) {
            neighbours[i] = sets.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
        return new SpatialWeights(neighbours);
    }

    /** A SNAP-sized square of the vertex grid. */
    private record Cell(long x, long y) {
        static Cell of(double x, double y) {
            return new Cell((long) Math.floor(x / SNAP), (long) Math.floor(y / SNAP));
        }
    }
}
