package vn.socialmap.analytics;

import java.util.Arrays;
import java.util.List;

/**
 * Kernel density of points on a regular grid with the quartic kernel (Silverman 1986,
 * eq. 4.5, as ArcGIS's Kernel Density uses): each point adds 3/(pi r^2) (1 - (d/r)^2)^2
 * within the search radius r. Coordinates are projected to metres with an
 * equirectangular projection about the points' mean latitude, which distorts distances by
 * well under 1% across a city or province; the grid therefore maps back to a longitude /
 * latitude rectangle exactly.
 */
public final class KernelDensity {

    private KernelDensity() {
    }

    /**
     * @param values density per square kilometre, row-major from the north-west cell (row 0 is the north)
     */
    public record Grid(double west, double south, double east, double north, int columns, int rows, double cellMeters,
                       double bandwidthMeters, int points, double[] values) {
        public double max() {
            return Arrays.stream(values).max().orElse(0);
        }
    }

    /**
     * ArcGIS's default search radius: 0.9 min(SD, sqrt(1/ln 2) Dm) n^-0.2, with SD the
     * standard distance of the points and Dm the median distance to their mean centre.
     */
    public static double defaultBandwidth(double[] x, double[] y) {
        int n = x.length;
        double mx = Arrays.stream(x).average().orElse(0);
        double my = Arrays.stream(y).average().orElse(0);
        double[] d = new double[n];
        double sumSquares = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - mx;
            double dy = y[i] - my;
            sumSquares += dx * dx + dy * dy;
            d[i] = Math.hypot(dx, dy);
        }
        double sd = Math.sqrt(sumSquares / n);
        Arrays.sort(d);
        double median = n % 2 == 1 ? d[n / 2] : (d[n / 2 - 1] + d[n / 2]) / 2;
        return 0.9 * Math.min(sd, Math.sqrt(1 / Math.log(2)) * median) * Math.pow(n, -0.2);
    }

    /**
     * @param cellMeters 0 for ArcGIS's default: the shorter side of the points' extent / 250
     * @param bandwidthMeters 0 for {@link #defaultBandwidth}
     */
    public static Grid estimate(List<double[]> lonLat, double cellMeters, double bandwidthMeters) {
        int n = lonLat.size();
        if (n < 2) {
            throw new IllegalArgumentException("Kernel density needs at least two points, got " + n);
        }
        double lat0 = lonLat.stream().mapToDouble(p -> p[1]).average().orElseThrow();
        double metresPerDegreeY = Math.toRadians(1) * SpatialWeights.EARTH_RADIUS_METRES;
        double metresPerDegreeX = metresPerDegreeY * Math.cos(Math.toRadians(lat0));
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = lonLat.get(i)[0] * metresPerDegreeX;
            y[i] = lonLat.get(i)[1] * metresPerDegreeY;
        }
        double r = bandwidthMeters > 0 ? bandwidthMeters : defaultBandwidth(x, y);
        if (!(r > 0)) {
            throw new IllegalArgumentException("All points coincide: no bandwidth can be computed");
        }
        double minX = Arrays.stream(x).min().orElseThrow();
        double maxX = Arrays.stream(x).max().orElseThrow();
        double minY = Arrays.stream(y).min().orElseThrow();
        double maxY = Arrays.stream(y).max().orElseThrow();
        double cell = cellMeters > 0 ? cellMeters : Math.max(1, Math.min(maxX - minX, maxY - minY) / 250);
        // the grid covers the points' extent plus the radius, so no kernel is cut off
        double west = minX - r;
        double north = maxY + r;
        int columns = (int) Math.ceil((maxX + r - west) / cell);
        int rows = (int) Math.ceil((north - (minY - r)) / cell);
        if ((long) columns * rows > 4_000_000) {
            throw new IllegalArgumentException("A cell of " + Math.round(cell) + " m makes " + (long) columns * rows
                    + " cells; choose a larger cell (at most 4,000,000 cells)");
        }
        double[] values = new double[columns * rows];
        double norm = 3 / (Math.PI * r * r) * 1e6; // per square kilometre
        int reach = (int) Math.ceil(r / cell);
        for (int i = 0; i < n; i++) {
            int pc = (int) ((x[i] - west) / cell);
            int pr = (int) ((north - y[i]) / cell);
            for (int row = Math.max(0, pr - reach); row <= Math.min(rows - 1, pr + reach); row++) {
                double cy = north - (row + 0.5) * cell;
                for (int col = Math.max(0, pc - reach); col <= Math.min(columns - 1, pc + reach); col++) {
                    double cx = west + (col + 0.5) * cell;
                    double u2 = ((cx - x[i]) * (cx - x[i]) + (cy - y[i]) * (cy - y[i])) / (r * r);
                    if (u2 < 1) {
                        values[row * columns + col] += norm * (1 - u2) * (1 - u2);
                    }
                }
            }
        }
        return new Grid(west / metresPerDegreeX, (north - rows * cell) / metresPerDegreeY, (west + columns * cell) / metresPerDegreeX,
                north / metresPerDegreeY, columns, rows, cell, r, n, values);
    }
}
