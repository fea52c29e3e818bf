package vn.socialmap.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Supplier;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.socialmap.analytics.Accessibility;
import vn.socialmap.analytics.CoveringLocation;
import vn.socialmap.analytics.HotspotStatistics;
import vn.socialmap.analytics.SpatialWeights;

/**
 * Speed of the analytics on Hanoi's 579 communes and on a synthetic national-size input
 * (10,609 units on a jittered lattice over Vietnam's extent, 1,000 services), with medians
 * of repeated runs after warm-up, and Gi* against R spdep on the same polygons.
 * Run with {@code bench/analytics.sh}.
 */
public final class AnalyticsBenchmark {

    static final GeometryFactory GEOMETRY = new GeometryFactory(new PrecisionModel(), 4326);
    static final JsonMapper JSON = JsonMapper.builder().build();

    record Units(List<String> codes, List<Geometry> shapes, double[] values) {
        double[] lon() {
            return shapes.stream().mapToDouble(s -> s.getInteriorPoint().getX()).toArray();
        }

        double[] lat() {
            return shapes.stream().mapToDouble(s -> s.getInteriorPoint().getY()).toArray();
        }
    }

    public static void main(String[] args) throws Exception {
        Path hanoiFile = Path.of(args.length > 0 ? args[0] : "bench/data/hanoi-communes.geojson");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 9;
        Units hanoi = read(hanoiFile);
        Units nation = lattice(103, 7);
        Path nationFile = Files.createTempFile("bench-nation", ".geojson");
        write(nation, nationFile);
        System.out.printf(Locale.ROOT, "Inputs: Hanoi %d communes; national lattice %d units; %d runs, medians%n%n",
                hanoi.codes().size(), nation.codes().size(), runs);
        System.out.println("| Task | Input | Median (ms) | Target | spdep median (ms) | Ratio |");
        System.out.println("|---|---|---:|---|---:|---:|");
        for (var input : List.of(new Object[] {"Hanoi", hanoi, hanoiFile}, new Object[] {"National", nation, nationFile})) {
            Units u = (Units) input[1];
            double ms = median(runs, () -> HotspotStatistics.giStar(u.values(), SpatialWeights.queen(u.shapes(), true)));
            double r = spdep((Path) input[2], u, runs);
            System.out.printf(Locale.ROOT, "| Gi* (queen weights + statistic) | %s | %.1f | %s | %s | %s |%n", input[0], ms,
                    input[0].equals("National") ? "< 500 ms, >= 10x spdep" : "",
                    Double.isNaN(r) ? "n/a" : String.format(Locale.ROOT, "%.1f", r),
                    Double.isNaN(r) ? "n/a" : String.format(Locale.ROOT, "%.0fx", r / ms));
            double lisa = median(Math.max(3, runs / 3), () -> HotspotStatistics.localMoran(u.values(),
                    SpatialWeights.queen(u.shapes(), false), 999, 1));
            System.out.printf(Locale.ROOT, "| Local Moran (weights + 999 permutations) | %s | %.1f | | | |%n", input[0], lisa);
        }
        SplittableRandom random = new SplittableRandom(11);
        for (var input : List.of(new Object[] {"Hanoi (579 x 40)", hanoi, 40}, new Object[] {"National (10,609 x 1,000)", nation, 1000})) {
            Units u = (Units) input[1];
            List<Accessibility.Demand> demand = new ArrayList<>();
            double[] lon = u.lon();
            double[] lat = u.lat();
            for (int i = 0; i < lon.length; i++) {
                demand.add(new Accessibility.Demand(u.codes().get(i), lon[i], lat[i], u.values()[i]));
            }
            List<Accessibility.Supply> supply = new ArrayList<>();
            for (int j = 0; j < (int) input[2]; j++) {
                int at = random.nextInt(lon.length);
                supply.add(new Accessibility.Supply("s" + j, lon[at] + random.nextDouble() * 0.01, lat[at], 50 + random.nextInt(300)));
            }
            double ms = median(runs, () -> Accessibility.e2sfca(demand, supply, 20_000, Accessibility.Distances.GREAT_CIRCLE));
            System.out.printf(Locale.ROOT, "| E2SFCA (d0 = 20 km) | %s | %.1f | %s | | |%n", input[0], ms,
                    ((String) input[0]).startsWith("National") ? "< 300 ms" : "");
        }
        for (var input : List.of(new Object[] {"Hanoi", hanoi, 5, 3000.0, 30.0}, new Object[] {"National", nation, 20, 20_000.0, 20.0})) {
            Units u = (Units) input[1];
            var problem = coveringProblem(u, (int) input[2], (double) input[3]);
            CoveringLocation.Solution[] last = new CoveringLocation.Solution[1];
            int coveringRuns = input[0].equals("Hanoi") ? Math.max(3, runs / 3) : 1;
            double ms = median(coveringRuns, () -> last[0] = CoveringLocation.solve(problem, (double) input[4]));
            System.out.printf(Locale.ROOT, "| Covering model, k = %d, r = %.0f m (%s, gap %.4f) | %s | %.1f | %s | | |%n",
                    input[2], input[3], last[0].optimal() ? "optimal" : "time limit", last[0].gap(), input[0], ms,
                    input[0].equals("Hanoi") ? "< 5,000 ms, optimal" : "best found + gap");
        }
        Files.deleteIfExists(nationFile);
    }

    static CoveringLocation.Problem coveringProblem(Units u, int k, double radius) {
        double[] lon = u.lon();
        double[] lat = u.lat();
        int n = lon.length;
        long[] weights = new long[n];
        int[][] covers = new int[n][];
        for (int i = 0; i < n; i++) {
            weights[i] = Math.round(u.values()[i]);
            List<Integer> reach = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                if (Math.abs(lat[i] - lat[j]) < radius / 100_000 && SpatialWeights.greatCircleMetres(lon[i], lat[i], lon[j], lat[j]) <= radius) {
                    reach.add(j);
                }
            }
            covers[i] = reach.stream().mapToInt(Integer::intValue).toArray();
        }
        return new CoveringLocation.Problem(weights, covers, n, k);
    }

    /** Median wall time in milliseconds after three warm-up calls. */
    static double median(int runs, Supplier<?> task) {
        for (int i = 0; i < Math.min(3, runs); i++) {
            task.get();
        }
        double[] times = new double[runs];
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            task.get();
            times[r] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(times);
        return runs % 2 == 1 ? times[runs / 2] : (times[runs / 2 - 1] + times[runs / 2]) / 2;
    }

    /** spdep's median time in ms, after checking its z-scores are ours; NaN if Rscript is missing. */
    static double spdep(Path geojson, Units u, int runs) throws IOException, InterruptedException {
        Path out = Files.createTempFile("bench-z", ".csv");
        Process p;
        try {
            p = new ProcessBuilder("Rscript", "bench/spdep-timing.R", geojson.toString(), out.toString(),
                    String.valueOf(Math.max(3, runs / 3))).redirectErrorStream(true).start();
        } catch (IOException e) {
            return Double.NaN;
        }
        String output = new String(p.getInputStream().readAllBytes()).strip();
        if (p.waitFor() != 0) {
            System.err.println(output);
            return Double.NaN;
        }
        double[] ours = HotspotStatistics.giStar(u.values(), SpatialWeights.queen(u.shapes(), true));
        List<String> lines = Files.readAllLines(out);
        double worst = 0;
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).replace("\"", "").split(",");
            worst = Math.max(worst, Math.abs(Double.parseDouble(f[1]) - ours[i - 1]));
        }
        Files.deleteIfExists(out);
        System.err.printf(Locale.ROOT, "  %s: largest |z - z_spdep| = %.2e%n", geojson.getFileName(), worst);
        String[] outLines = output.split("\\R");
        return Double.parseDouble(outLines[outLines.length - 1]) * 1000;
    }

    static Units read(Path file) throws IOException {
        JsonNode root = JSON.readTree(Files.readString(file));
        List<String> codes = new ArrayList<>();
        List<Geometry> shapes = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (JsonNode f : root.path("features")) {
            codes.add(f.path("properties").path("code").asString());
            values.add(f.path("properties").path("value").asDouble());
            JsonNode polygons = f.path("geometry").path("coordinates");
            List<Polygon> parts = new ArrayList<>();
            for (JsonNode polygon : polygons) {
                LinearRing shell = ring(polygon.get(0));
                LinearRing[] holes = new LinearRing[polygon.size() - 1];
                for (int h = 1; h < polygon.size(); h++) {
                    holes[h - 1] = ring(polygon.get(h));
                }
                parts.add(GEOMETRY.createPolygon(shell, holes));
            }
            shapes.add(GEOMETRY.createMultiPolygon(parts.toArray(Polygon[]::new)));
        }
        return new Units(codes, shapes, values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static LinearRing ring(JsonNode coordinates) {
        Coordinate[] c = new Coordinate[coordinates.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = new Coordinate(coordinates.get(i).get(0).asDouble(), coordinates.get(i).get(1).asDouble());
        }
        return GEOMETRY.createLinearRing(c);
    }

    /** A side x side lattice of quadrilaterals over Vietnam's extent, shared corners jittered, values with a spatial trend. */
    static Units lattice(int side, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double west = 102.2;
        double south = 8.6;
        double width = 7.2;
        double height = 14.8;
        double[][] x = new double[side + 1][side + 1];
        double[][] y = new double[side + 1][side + 1];
        for (int i = 0; i <= side; i++) {
            for (int j = 0; j <= side; j++) {
                double jitter = i == 0 || j == 0 || i == side || j == side ? 0 : 0.3;
                x[i][j] = west + width * (i + jitter * (random.nextDouble() - 0.5)) / side;
                y[i][j] = south + height * (j + jitter * (random.nextDouble() - 0.5)) / side;
            }
        }
        List<String> codes = new ArrayList<>();
        List<Geometry> shapes = new ArrayList<>();
        double[] values = new double[side * side];
        for (int i = 0; i < side; i++) {
            for (int j = 0; j < side; j++) {
                Coordinate[] ring = {new Coordinate(x[i][j], y[i][j]), new Coordinate(x[i + 1][j], y[i + 1][j]),
                        new Coordinate(x[i + 1][j + 1], y[i + 1][j + 1]), new Coordinate(x[i][j + 1], y[i][j + 1]),
                        new Coordinate(x[i][j], y[i][j])};
                codes.add(String.format(Locale.ROOT, "%05d", codes.size()));
                shapes.add(GEOMETRY.createPolygon(ring));
                double trend = 20 * Math.exp(-((i - side / 3.0) * (i - side / 3.0) + (j - 2 * side / 3.0) * (j - 2 * side / 3.0)) / (side * 2.0));
                values[i * side + j] = Math.round(trend + random.nextDouble() * 8);
            }
        }
        return new Units(codes, shapes, values);
    }

    static void write(Units u, Path file) throws IOException {
        StringBuilder json = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        for (int i = 0; i < u.codes().size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append("{\"type\":\"Feature\",\"properties\":{\"code\":\"").append(u.codes().get(i)).append("\",\"value\":")
                    .append(u.values()[i]).append("},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[");
            Coordinate[] c = u.shapes().get(i).getCoordinates();
            for (int k = 0; k < c.length; k++) {
                json.append(k > 0 ? "," : "").append('[').append(c[k].x).append(',').append(c[k].y).append(']');
            }
            json.append("]]}}");
        }
        Files.writeString(file, json.append("]}"));
    }
}
