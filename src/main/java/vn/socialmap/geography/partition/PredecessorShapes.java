package vn.socialmap.geography.partition;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntPredicate;

import org.locationtech.jts.algorithm.InteriorPointArea;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.algorithm.locate.SimplePointInAreaLocator;
import org.locationtech.jts.coverage.CoverageUnion;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.TopologyException;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.geom.util.NoninvertibleTransformationException;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.noding.snap.SnappingNoder;
import org.locationtech.jts.operation.distance.DistanceOp;
import org.locationtech.jts.operation.overlayng.LineLimiter;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.polygonize.Polygonizer;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

/**
 * Re-derives the shapes of the units of an older administrative structure from the real shapes
 * of the newer units they went into, when only the older districts and the newer units have
 * boundaries (Hanoi and Da Nang: the 2022 districts and the 2025-07 communes).
 *
 * <p>What is known of an older unit: it lies inside its district and inside the union of the
 * newer units it went into, whole or in part (its <em>successors</em>). Per district D:
 * <ol>
 * <li>The successors overlapping D cut it into <em>cells</em> D ∩ Y, plus the <em>leftover</em>
 * covered by no successor (the district and successor files come from different publishers, whose
 * borders disagree by slivers). The candidates of a cell are the units of D that list Y. A unit
 * whose successors overlap D by a sliver at most is made a candidate of the cell nearest to them.</li>
 * <li>One seed per unit, placed by a constrained k-means (Lloyd's algorithm) over grid points of
 * the cells: a point may only go to the nearest candidate of its cell. A unit holding less than
 * {@value #MIN_SHARE} of an equal share of a cell it went into is also drawn toward that cell. Since a
 * unit has one seed for all its cells, its seed settles between them: a unit that went partly into
 * two neighbouring successors gets pieces on both sides of their common border, next to each other.</li>
 * <li>Each cell with several candidates is split by the Voronoi diagram of its candidates' seeds.
 * All lines (district, successors, diagrams) are noded together in longitude/latitude and
 * polygonized once, so district vertices are kept, every face lies in one cell and one Voronoi
 * region, and the final shapes, unions of faces, share their edges exactly and tile D.</li>
 * <li>A unit keeps the connected part of its faces holding its seed. Every other part, and every
 * face no unit has evidence for (leftover, successors no unit of D went into: cut among the units by
 * the plain Voronoi diagram of all seeds), joins the neighbour sharing the longest border with it,
 * preferring one for which it lies inside a successor. A part of at least {@value #KEEP_FRACTION} of
 * its unit, inside the unit's successors and bordering no other unit that went into them, stays
 * with the unit as a second piece; so does a part bordering nothing (an island of the district).</li>
 * </ol>
 * Distances and areas are measured in a local equal-scale plane (longitude scaled by the cosine of
 * the district's central latitude), as in {@link CommunePartitioner}.
 *
 * <p>Deterministic: the same input and seed give the same geometries (everything is sorted by
 * code, the randomness is seeded per district, districts are derived independently, in parallel).
 */
public final class PredecessorShapes {

    /** One unit of the older structure: its code, its district's code, and the codes of the newer units it went into (whole or part). */
    public record Predecessor(String code, String districtCode, Set<String> successors) {
        public Predecessor {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(districtCode, "districtCode");
            successors = Collections.unmodifiableSet(new TreeSet<>(successors));
        }
    }

    /**
     * shapes: code -> polygonal geometry (lon/lat); notes: human-readable lines on what was assigned
     * without evidence (slivers, units that got area outside their successors, empty intersections),
     * for the load log.
     */
    public record Result(Map<String, Geometry> shapes, List<String> notes) {
    }

    /** Grid points per unit for k-means, as in {@link CommunePartitioner}. */
    private static final int SAMPLES_PER_UNIT = 150;
    private static final int MIN_SAMPLES = 3000;
    /** A cell that got fewer grid points than this per candidate is sampled again, finer. */
    private static final int MIN_CELL_SAMPLES_PER_CANDIDATE = 30;
    /** Cap on the points tried when sampling one cell finer (a long thin cell has a large envelope). */
    private static final int MAX_REFINE_TRIALS = 40_000;
    private static final int LLOYD_ITERATIONS = 100;
    /** Each candidate of a cell gets at least this fraction of an equal share of the cell. */
    private static final double MIN_SHARE = 0.25;
    /** A unit short of its minimum in a cell moves this fraction of the way toward that cell's nearest point, per iteration. */
    private static final double ATTRACTION = 0.5;
    /**
     * A unit whose successors overlap its district by less than this fraction of the district's
     * mean unit area has no usable evidence there (the overlap is a sliver of the publishers'
     * disagreement): it is made a candidate of the nearest other cell.
     */
    private static final double STARVED_FRACTION = 0.02;
    /** A cut-off part of a unit inside its own successors that no other candidate borders stays with it from this fraction of its area. */
    private static final double KEEP_FRACTION = 0.10;
    /** Areas below this are not worth a note: 1 m². */
    private static final double NOTE_MIN_KM2 = 1e-6;
    /** km² per square degree of latitude (mean Earth radius 6,371.0088 km); plane areas are in square degrees of latitude. */
    private static final double KM2_PER_SQUARE_DEGREE = Math.pow(6371.0088 * Math.PI / 180, 2);

    private final GeometryFactory factory;

    public PredecessorShapes(GeometryFactory factory) {
        this.factory = factory;
    }

    /**
     * @param districts  district code -> district shape (lon/lat)
     * @param successors newer unit code -> its shape (lon/lat); units may list codes missing here (noted)
     * @param units      the older units; each district's units tile it
     * @param seed       seed of the k-means initialisation (combined with each district's code)
     * @return a shape for every unit, in code order, and the notes (district by district)
     */
    public Result derive(Map<String, Geometry> districts, Map<String, Geometry> successors, List<Predecessor> units,
            long seed) {
        Map<String, List<Predecessor>> byDistrict = new TreeMap<>();
        Set<String> seen = new TreeSet<>();
        for (Predecessor unit : units) {
            if (!seen.add(unit.code())) {
                throw new IllegalArgumentException("Unit " + unit.code() + " is listed twice");
            }
            if (!districts.containsKey(unit.districtCode())) {
                throw new IllegalArgumentException("Unit " + unit.code() + ": no shape for district " + unit.districtCode());
            }
            byDistrict.computeIfAbsent(unit.districtCode(), k -> new ArrayList<>()).add(unit);
        }
        List<Map.Entry<String, Geometry>> successorList = List.copyOf(new TreeMap<>(successors).entrySet());
        // The districts share the successors' geometries: compute their lazily cached envelopes before going parallel.
        successors.values().forEach(Geometry::getEnvelopeInternal);
        districts.values().forEach(Geometry::getEnvelopeInternal);
        List<Outcome> outcomes = byDistrict.entrySet().parallelStream()
                .map(entry -> {
                    List<Predecessor> ofDistrict = new ArrayList<>(entry.getValue());
                    ofDistrict.sort(Comparator.comparing(Predecessor::code));
                    long districtSeed = seed * 1_000_003L + entry.getKey().hashCode();
                    return new District(entry.getKey(), districts.get(entry.getKey()), ofDistrict, successors,
                            successorList, districtSeed).run();
                })
                .toList();
        Map<String, Geometry> shapes = new TreeMap<>();
        List<String> notes = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            shapes.putAll(outcome.shapes());
            notes.addAll(outcome.notes());
        }
        return new Result(Collections.unmodifiableMap(new LinkedHashMap<>(shapes)), List.copyOf(notes));
    }

    private record Outcome(Map<String, Geometry> shapes, List<String> notes) {
    }

    /** The derivation for one district. */
    private final class District {

        private final String code;
        private final Geometry district;
        private final List<Predecessor> units;
        private final Map<String, Geometry> successorShapes;
        private final List<Map.Entry<String, Geometry>> successorList;
        private final Random random;
        private final List<String> notes = new ArrayList<>();

        private final AffineTransformation toPlane;
        private final AffineTransformation toLonLat;
        /** Plane area = lon/lat area × this (the cosine of the central latitude). */
        private final double areaScale;
        private final IndexedPointInAreaLocator inDistrict;
        private final List<Integer> everyUnit = new ArrayList<>();

        /** Units given a cell for want of evidence start at the point of it nearest to their successors (plane). */
        private final Map<Integer, Coordinate> startNear = new HashMap<>();
        /** Cells: one per successor overlapping the district (by code), then the leftover (code null). */
        private final List<Cell> cells = new ArrayList<>();
        private double[] sampleX;
        private double[] sampleY;
        private double[] sampleWeight;
        private int[] sampleCell;
        private double[] seedX;
        private double[] seedY;

        District(String code, Geometry district, List<Predecessor> units, Map<String, Geometry> successorShapes,
                List<Map.Entry<String, Geometry>> successorList, long seed) {
            this.code = code;
            this.district = district;
            this.units = units;
            this.successorShapes = successorShapes;
            this.successorList = successorList;
            this.random = new Random(seed);
            Coordinate centre = district.getEnvelopeInternal().centre();
            this.areaScale = Math.cos(Math.toRadians(centre.y));
            this.toPlane = AffineTransformation.translationInstance(-centre.x, -centre.y).scale(areaScale, 1.0);
            try {
                this.toLonLat = toPlane.getInverse();
            } catch (NoninvertibleTransformationException e) {
                throw new IllegalStateException(e);
            }
            this.inDistrict = new IndexedPointInAreaLocator(district);
            for (int u = 0; u < units.size(); u++) {
                everyUnit.add(u);
            }
        }

        Outcome run() {
            buildCells();
            giveStarvedUnitsACell();
            sample();
            placeSeeds();
            Faces faces = arrangement();
            int[] owner = assemble(faces);
            return emit(faces, owner);
        }

        // ---- cells ------------------------------------------------------------------------

        private void buildCells() {
            PreparedGeometry prepared = PreparedGeometryFactory.prepare(district);
            Envelope env = district.getEnvelopeInternal();
            double overlapped = 0;
            for (var entry : successorList) {
                Geometry shape = entry.getValue();
                if (!shape.getEnvelopeInternal().intersects(env) || !prepared.intersects(shape)) {
                    continue;
                }
                Geometry piece = polygonal(OverlayNGRobust.overlay(district, shape, OverlayNG.INTERSECTION));
                if (piece.getArea() > 0) {
                    cells.add(new Cell(entry.getKey(), shape, piece, piece.getArea() * areaScale));
                    overlapped += piece.getArea() * areaScale;
                }
            }
            cells.add(new Cell(null, null, null, Math.max(0, district.getArea() * areaScale - overlapped)));
            Map<String, Integer> index = new HashMap<>();
            for (int c = 0; c < cells.size() - 1; c++) {
                index.put(cells.get(c).code, c);
            }
            for (int u = 0; u < units.size(); u++) {
                Predecessor unit = units.get(u);
                for (String successor : unit.successors()) {
                    Integer c = index.get(successor);
                    if (c != null) {
                        cells.get(c).evidence.add(u);
                        cells.get(c).candidates.add(u);
                    } else if (!successorShapes.containsKey(successor)) {
                        notes.add("%s (district %s): successor %s has no shape".formatted(unit.code(), code, successor));
                    } else {
                        notes.add("%s (district %s): successor %s does not overlap the district".formatted(unit.code(), code,
                                successor));
                    }
                }
            }
        }

        /** Below this area a cell is a sliver: no evidence for a unit, not worth sampling. */
        private double sliverArea() {
            return STARVED_FRACTION * district.getArea() * areaScale / units.size();
        }

        /** A unit whose successors overlap the district by a sliver at most becomes a candidate of the nearest other cell. */
        private void giveStarvedUnitsACell() {
            double threshold = sliverArea();
            for (int u = 0; u < units.size(); u++) {
                double evidence = 0;
                for (Cell cell : cells) {
                    if (cell.evidence.contains(u)) {
                        evidence += cell.area;
                    }
                }
                if (evidence >= threshold) {
                    continue;
                }
                Predecessor unit = units.get(u);
                List<Geometry> known = unit.successors().stream().map(successorShapes::get).filter(Objects::nonNull).toList();
                Geometry successors = known.isEmpty() ? null : factory.buildGeometry(known);
                Cell target = null;
                double best = Double.MAX_VALUE;
                for (Cell cell : cells) {
                    if (cell.area < threshold || cell.evidence.contains(u)) {
                        continue;
                    }
                    double distance = successors == null ? 0 : region(cell).distance(successors);
                    if (target == null || distance < best || (distance == best && cell.area > target.area)) {
                        target = cell;
                        best = distance;
                    }
                }
                if (target == null) {
                    throw new IllegalStateException("District " + code + " has no cell for unit " + unit.code());
                }
                target.candidates.add(u);
                if (successors != null) {
                    Coordinate nearest = DistanceOp.nearestPoints(region(target), successors)[0];
                    startNear.put(u, toPlane.transform(nearest, new Coordinate()));
                }
                notes.add("%s (district %s): its successors %s overlap the district by %s; it was given part of %s"
                        .formatted(unit.code(), code, unit.successors(), km2(evidence),
                                target.code == null ? "the area covered by no successor" : "successor " + target.code));
            }
        }

        /** The cell's area in lon/lat: the overlap, or for the leftover the district minus all overlaps. */
        private Geometry region(Cell cell) {
            if (cell.piece != null) {
                return cell.piece;
            }
            List<Geometry> pieces = cells.stream().map(c -> c.piece).filter(Objects::nonNull).toList();
            return polygonal(OverlayNGRobust.overlay(district, OverlayNGRobust.union(factory.buildGeometry(pieces)),
                    OverlayNG.DIFFERENCE));
        }

        // ---- seeds ------------------------------------------------------------------------

        /** Grid points of the cells that have candidates, finer in cells that got too few. */
        private void sample() {
            Geometry plane = toPlane.transform(district);
            double step = Math.sqrt(plane.getArea() / Math.max(MIN_SAMPLES, SAMPLES_PER_UNIT * units.size()));
            List<double[]> points = new ArrayList<>();
            grid(plane.getEnvelopeInternal(), step, -1, points);
            int[] count = new int[cells.size()];
            for (double[] p : points) {
                count[(int) p[3]]++;
            }
            for (int c = 0; c < cells.size(); c++) {
                Cell cell = cells.get(c);
                int wanted = MIN_CELL_SAMPLES_PER_CANDIDATE * cell.candidates.size();
                if (cell.candidates.isEmpty() || count[c] >= wanted) {
                    continue;
                }
                if (cell.area >= sliverArea()) {
                    final int cellIndex = c;
                    points.removeIf(p -> p[3] == cellIndex);
                    Envelope env = toPlane.transform(region(cell)).getEnvelopeInternal();
                    double fine = Math.max(Math.sqrt(cell.area / wanted), Math.sqrt(env.getArea() / MAX_REFINE_TRIALS));
                    count[c] = -points.size();
                    grid(env, fine, c, points);
                    count[c] += points.size();
                }
                if (count[c] == 0) {
                    // Too thin for any grid: one point, so that each candidate has somewhere to be.
                    Coordinate inside = toPlane.transform(InteriorPointArea.getInteriorPoint(region(cell)), new Coordinate());
                    points.add(new double[] {inside.x, inside.y, cell.area, c});
                }
            }
            sampleX = new double[points.size()];
            sampleY = new double[points.size()];
            sampleWeight = new double[points.size()];
            sampleCell = new int[points.size()];
            for (int i = 0; i < points.size(); i++) {
                double[] p = points.get(i);
                sampleX[i] = p[0];
                sampleY[i] = p[1];
                sampleWeight[i] = p[2];
                sampleCell[i] = (int) p[3];
            }
        }

        /** Adds {x, y, weight, cell} for grid points inside the district, in cells with candidates (only cell {@code only}, if not -1). */
        private void grid(Envelope env, double step, int only, List<double[]> points) {
            for (double y = env.getMinY() + step / 2; y < env.getMaxY(); y += step) {
                for (double x = env.getMinX() + step / 2; x < env.getMaxX(); x += step) {
                    Coordinate lonLat = toLonLat.transform(new Coordinate(x, y), new Coordinate());
                    if (inDistrict.locate(lonLat) != Location.INTERIOR) {
                        continue;
                    }
                    int c = cellOf(lonLat);
                    if (c >= 0 && (only < 0 || c == only) && !cells.get(c).candidates.isEmpty()) {
                        points.add(new double[] {x, y, step * step, c});
                    }
                }
            }
        }

        /** The first cell (by successor code) whose successor holds the point inside, else the leftover; -1 on a successor's border. */
        private int cellOf(Coordinate lonLat) {
            for (int c = 0; c < cells.size() - 1; c++) {
                Cell cell = cells.get(c);
                if (cell.shape.getEnvelopeInternal().contains(lonLat)) {
                    int location = cell.locator().locate(lonLat);
                    if (location == Location.INTERIOR) {
                        return c;
                    }
                    if (location == Location.BOUNDARY) {
                        return -1;
                    }
                }
            }
            return cells.size() - 1;
        }

        /**
         * Lloyd's k-means where a point may only join a candidate of its cell, with k-means++
         * seeding; a unit short of its minimum share of a cell moves toward it; a unit left
         * without points moves to its worst-served allowed point. Each seed ends on one of its own
         * points, so it lies inside one of its cells.
         */
        private void placeSeeds() {
            int n = sampleX.length;
            int k = units.size();
            int m = cells.size();
            List<List<Integer>> allowed = new ArrayList<>();
            for (int u = 0; u < k; u++) {
                allowed.add(new ArrayList<>());
            }
            for (int i = 0; i < n; i++) {
                for (int u : cells.get(sampleCell[i]).candidates) {
                    allowed.get(u).add(i);
                }
            }
            for (int u = 0; u < k; u++) {
                if (allowed.get(u).isEmpty()) {
                    throw new IllegalStateException("District " + code + ": no room for unit " + units.get(u).code());
                }
            }
            List<List<Integer>> cellSamples = new ArrayList<>();
            for (int c = 0; c < m; c++) {
                cellSamples.add(new ArrayList<>());
            }
            for (int i = 0; i < n; i++) {
                cellSamples.get(sampleCell[i]).add(i);
            }
            seedX = new double[k];
            seedY = new double[k];
            initialSeeds(allowed);
            int[] assignment = new int[n];
            for (int iteration = 0; iteration <= LLOYD_ITERATIONS; iteration++) {
                double[] sumX = new double[k];
                double[] sumY = new double[k];
                double[] mass = new double[k];
                double[][] share = new double[k][m];
                double[] cellMass = new double[m];
                for (int i = 0; i < n; i++) {
                    int c = sampleCell[i];
                    int u = closestCandidate(sampleX[i], sampleY[i], cells.get(c).candidates);
                    assignment[i] = u;
                    sumX[u] += sampleWeight[i] * sampleX[i];
                    sumY[u] += sampleWeight[i] * sampleY[i];
                    mass[u] += sampleWeight[i];
                    share[u][c] += sampleWeight[i];
                    cellMass[c] += sampleWeight[i];
                }
                if (iteration == LLOYD_ITERATIONS) {
                    break;
                }
                double moved = 0;
                for (int u = 0; u < k; u++) {
                    double x;
                    double y;
                    if (mass[u] > 0) {
                        x = sumX[u] / mass[u];
                        y = sumY[u] / mass[u];
                        // Short of its minimum in a cell it went into: move toward that cell.
                        double pullX = 0;
                        double pullY = 0;
                        int pulls = 0;
                        for (int c = 0; c < m; c++) {
                            List<Integer> candidates = cells.get(c).candidates;
                            if (candidates.size() > 1 && cellMass[c] > 0 && candidates.contains(u)
                                    && share[u][c] < MIN_SHARE * cellMass[c] / candidates.size()) {
                                int nearest = nearestSample(cellSamples.get(c), x, y);
                                pullX += sampleX[nearest] - x;
                                pullY += sampleY[nearest] - y;
                                pulls++;
                            }
                        }
                        if (pulls > 0) {
                            x += ATTRACTION * pullX / pulls;
                            y += ATTRACTION * pullY / pulls;
                        }
                    } else {
                        int worst = worstServed(allowed.get(u), assignment, null);
                        x = sampleX[worst];
                        y = sampleY[worst];
                    }
                    moved = Math.max(moved, Math.hypot(x - seedX[u], y - seedY[u]));
                    seedX[u] = x;
                    seedY[u] = y;
                }
                if (moved == 0) {
                    break;
                }
            }
            snapSeeds(allowed, assignment);
        }

        /** k-means++, each unit starting where it has the fewest rivals: a unit alone in some successor starts there. */
        private void initialSeeds(List<List<Integer>> allowed) {
            int n = sampleX.length;
            boolean[] taken = new boolean[n];
            double[] nearest = new double[n];
            Arrays.fill(nearest, Double.MAX_VALUE);
            for (int u = 0; u < units.size(); u++) {
                // Slivers only if the unit has nothing else.
                boolean substantial = allowed.get(u).stream().anyMatch(i -> cells.get(sampleCell[i]).area >= sliverArea());
                int fewest = Integer.MAX_VALUE;
                for (int i : allowed.get(u)) {
                    if (!substantial || cells.get(sampleCell[i]).area >= sliverArea()) {
                        fewest = Math.min(fewest, cells.get(sampleCell[i]).candidates.size());
                    }
                }
                List<Integer> start = new ArrayList<>();
                for (int i : allowed.get(u)) {
                    Cell cell = cells.get(sampleCell[i]);
                    if (cell.candidates.size() == fewest && (!substantial || cell.area >= sliverArea()) && !taken[i]) {
                        start.add(i);
                    }
                }
                if (start.isEmpty()) {
                    start.add(allowed.get(u).getFirst());
                }
                double total = 0;
                for (int i : start) {
                    total += pickWeight(i, nearest);
                }
                double pick = random.nextDouble() * total;
                int chosen = start.getLast();
                for (int i : start) {
                    pick -= pickWeight(i, nearest);
                    if (pick <= 0) {
                        chosen = i;
                        break;
                    }
                }
                Coordinate near = startNear.get(u);
                if (near != null) {
                    chosen = nearestSample(start, near.x, near.y);
                }
                taken[chosen] = true;
                seedX[u] = sampleX[chosen];
                seedY[u] = sampleY[chosen];
                for (int i = 0; i < n; i++) {
                    nearest[i] = Math.min(nearest[i], distanceSq(sampleX[i], sampleY[i], seedX[u], seedY[u]));
                }
            }
        }

        private double pickWeight(int i, double[] nearest) {
            return nearest[i] == Double.MAX_VALUE ? sampleWeight[i] : sampleWeight[i] * nearest[i];
        }

        /** Moves each seed to the nearest of its own points; a unit without any takes its worst-served free point. */
        private void snapSeeds(List<List<Integer>> allowed, int[] assignment) {
            int n = sampleX.length;
            int k = units.size();
            int[] snapped = new int[k];
            Arrays.fill(snapped, -1);
            for (int i = 0; i < n; i++) {
                int u = assignment[i];
                if (snapped[u] < 0 || distanceSq(sampleX[i], sampleY[i], seedX[u], seedY[u])
                        < distanceSq(sampleX[snapped[u]], sampleY[snapped[u]], seedX[u], seedY[u])) {
                    snapped[u] = i;
                }
            }
            boolean[] used = new boolean[n];
            for (int u = 0; u < k; u++) {
                if (snapped[u] >= 0) {
                    used[snapped[u]] = true;
                }
            }
            for (int u = 0; u < k; u++) {
                if (snapped[u] < 0) {
                    snapped[u] = worstServed(allowed.get(u), assignment, used);
                    if (snapped[u] < 0) {
                        throw new IllegalStateException("District " + code + ": no room for unit " + units.get(u).code());
                    }
                    used[snapped[u]] = true;
                }
                seedX[u] = sampleX[snapped[u]];
                seedY[u] = sampleY[snapped[u]];
            }
        }

        /** The allowed point farthest from the seed it is assigned to (skipping {@code used} ones), or -1. */
        private int worstServed(List<Integer> allowed, int[] assignment, boolean[] used) {
            int worst = -1;
            double worstDistance = -1;
            for (int i : allowed) {
                int a = assignment[i];
                double d = distanceSq(sampleX[i], sampleY[i], seedX[a], seedY[a]);
                if ((used == null || !used[i]) && d > worstDistance) {
                    worstDistance = d;
                    worst = i;
                }
            }
            return worst;
        }

        private int closestCandidate(double x, double y, Collection<Integer> candidates) {
            int best = -1;
            double bestDistance = Double.MAX_VALUE;
            for (int u : candidates) {
                double d = distanceSq(x, y, seedX[u], seedY[u]);
                if (d < bestDistance) {
                    bestDistance = d;
                    best = u;
                }
            }
            return best;
        }

        private int nearestSample(List<Integer> samples, double x, double y) {
            int best = -1;
            double bestDistance = Double.MAX_VALUE;
            for (int i : samples) {
                double d = distanceSq(x, y, sampleX[i], sampleY[i]);
                if (d < bestDistance) {
                    bestDistance = d;
                    best = i;
                }
            }
            return best;
        }

        // ---- arrangement ------------------------------------------------------------------

        /** Nodes the district, successor and diagram lines together and keeps the faces inside the district. */
        private Faces arrangement() {
            // The part of a successor's border inside the district bounds its overlap with the
            // district: the rest of it, beyond the overlap's envelope, cannot matter. Leave it out.
            LineLimiter nearDistrict = new LineLimiter(widened(district.getEnvelopeInternal()));
            List<Geometry> lines = new ArrayList<>();
            lines.add(district.getBoundary());
            for (int c = 0; c < cells.size() - 1; c++) {
                Cell cell = cells.get(c);
                addLimited(cell.shape.getBoundary(), new LineLimiter(widened(cell.piece.getEnvelopeInternal())), lines);
            }
            Envelope frame = toPlane.transform(district).getEnvelopeInternal();
            frame.expandBy(Math.max(frame.getWidth(), frame.getHeight()) / 2);
            for (int c = 0; c < cells.size(); c++) {
                List<Integer> candidates = cells.get(c).candidates;
                if (candidates.size() > 1) {
                    Envelope cellEnvelope = c == cells.size() - 1 ? district.getEnvelopeInternal()
                            : cells.get(c).piece.getEnvelopeInternal();
                    addLimited(diagram(candidates, frame), new LineLimiter(widened(cellEnvelope)), lines);
                }
            }
            // The faces no unit has evidence for are cut by the Voronoi diagram of all seeds, so
            // that a long strip of them is shared among the units along it, not given whole to one.
            boolean unclaimed = cells.getLast().area > 1e-12 * district.getArea() * areaScale
                    || cells.stream().anyMatch(cell -> cell.candidates.isEmpty() && cell.code != null);
            if (units.size() > 1 && unclaimed) {
                addLimited(diagram(everyUnit, frame), nearDistrict, lines);
            }
            Polygonizer polygonizer = new Polygonizer();
            polygonizer.add(node(factory.buildGeometry(lines)));
            @SuppressWarnings("unchecked")
            List<Polygon> polygons = new ArrayList<>((Collection<Polygon>) polygonizer.getPolygons());
            // The polygonizer's order and the first vertex of its rings vary from run to run (hash
            // order inside): normalize the faces and sort them, so that nothing depends on it.
            polygons.forEach(Polygon::normalize);
            polygons.sort(Comparator.comparingDouble((Polygon p) -> p.getEnvelopeInternal().getMinX())
                    .thenComparingDouble(p -> p.getEnvelopeInternal().getMinY())
                    .thenComparingDouble(p -> p.getEnvelopeInternal().getMaxX())
                    .thenComparingDouble(p -> p.getEnvelopeInternal().getMaxY())
                    .thenComparing(Polygon::compareTo));
            Faces faces = new Faces();
            for (Polygon polygon : polygons) {
                Coordinate inside = InteriorPointArea.getInteriorPoint(polygon);
                if (inside == null) {
                    continue;
                }
                int location = inDistrict.locate(inside);
                if (location == Location.BOUNDARY) {
                    // A sliver whose interior point fell on the district's border: try its centroid.
                    inside = polygon.getCentroid().getCoordinate();
                    location = SimplePointInAreaLocator.locate(inside, polygon) == Location.INTERIOR
                            ? inDistrict.locate(inside) : Location.EXTERIOR;
                }
                if (location == Location.INTERIOR) {
                    faces.add(polygon, inside);
                }
            }
            faces.link();
            return faces;
        }

        /** The envelope with a margin of 1% of its larger side. */
        private static Envelope widened(Envelope envelope) {
            Envelope widened = new Envelope(envelope);
            widened.expandBy(Math.max(envelope.getWidth(), envelope.getHeight()) / 100);
            return widened;
        }

        /**
         * Nodes the lines. The district's and the successors' borders run close to each other for
         * long stretches (different publishers), where floating-point noding fails; so snap at once,
         * at the tolerance {@link OverlayNGRobust} falls back to (10⁻¹² of the largest ordinate:
         * about 10⁻¹⁰ degree, 1 cm); only if that fails too, let it try everything.
         */
        private Geometry node(Geometry lines) {
            Envelope env = lines.getEnvelopeInternal();
            double magnitude = Math.max(Math.max(Math.abs(env.getMinX()), Math.abs(env.getMaxX())),
                    Math.max(Math.abs(env.getMinY()), Math.abs(env.getMaxY())));
            try {
                return OverlayNG.overlay(lines, factory.createLineString(), OverlayNG.UNION,
                        new SnappingNoder(magnitude * 1e-12));
            } catch (TopologyException e) {
                return OverlayNGRobust.union(lines);
            }
        }

        private void addLimited(Geometry linework, LineLimiter limiter, List<Geometry> lines) {
            for (int i = 0; i < linework.getNumGeometries(); i++) {
                for (Coordinate[] section : limiter.limit(linework.getGeometryN(i).getCoordinates())) {
                    if (section.length > 1) {
                        lines.add(factory.createLineString(section));
                    }
                }
            }
        }

        /** The Voronoi diagram of the given units' seeds: the borders of its cells, in lon/lat. */
        private Geometry diagram(List<Integer> sites, Envelope frame) {
            List<Coordinate> coordinates = new ArrayList<>();
            for (int u : sites) {
                coordinates.add(new Coordinate(seedX[u], seedY[u]));
            }
            VoronoiDiagramBuilder builder = new VoronoiDiagramBuilder();
            builder.setSites(coordinates);
            builder.setClipEnvelope(frame);
            Geometry cellsOfDiagram = builder.getDiagram(factory);
            List<Geometry> borders = new ArrayList<>();
            for (int i = 0; i < cellsOfDiagram.getNumGeometries(); i++) {
                borders.add(cellsOfDiagram.getGeometryN(i).getBoundary());
            }
            return toLonLat.transform(factory.buildGeometry(borders));
        }

        /** The faces of the arrangement inside the district, their cells, owners and shared borders. */
        private final class Faces {
            final List<Polygon> polygons = new ArrayList<>();
            final List<Double> areas = new ArrayList<>();
            /** Units with evidence for the face: they listed a successor holding it. */
            final List<Set<Integer>> evidence = new ArrayList<>();
            /** Units that may get the face: the candidates of its cell. */
            final List<List<Integer>> candidates = new ArrayList<>();
            final List<Integer> cellIndex = new ArrayList<>();
            /** The candidate whose Voronoi region holds the face, -1 if there is no candidate. */
            final List<Integer> owner = new ArrayList<>();
            /** The unit with the nearest seed, whatever the evidence: groups the faces no unit may get. */
            final List<Integer> nearestSeed = new ArrayList<>();
            /** face -> (neighbouring face -> length of the shared border in the plane). */
            final List<Map<Integer, Double>> borders = new ArrayList<>();

            void add(Polygon polygon, Coordinate inside) {
                int first = cells.size() - 1;
                Set<Integer> claimants = new TreeSet<>();
                for (int c = 0; c < cells.size() - 1; c++) {
                    Cell cell = cells.get(c);
                    if (cell.shape.getEnvelopeInternal().contains(inside)
                            && cell.locator().locate(inside) == Location.INTERIOR) {
                        first = Math.min(first, c);
                        claimants.addAll(cell.evidence);
                    }
                }
                List<Integer> allowed = cells.get(first).candidates;
                Coordinate p = toPlane.transform(inside, new Coordinate());
                polygons.add(polygon);
                areas.add(polygon.getArea() * areaScale);
                evidence.add(claimants);
                candidates.add(allowed);
                cellIndex.add(first);
                owner.add(allowed.isEmpty() ? -1 : closestCandidate(p.x, p.y, allowed));
                nearestSeed.add(closestCandidate(p.x, p.y, everyUnit));
                borders.add(new TreeMap<>());
            }

            /** Shared borders from identical segments: all faces come from one noding. */
            void link() {
                Map<Segment, Integer> firstSide = new HashMap<>();
                for (int f = 0; f < polygons.size(); f++) {
                    Polygon polygon = polygons.get(f);
                    for (int r = -1; r < polygon.getNumInteriorRing(); r++) {
                        Coordinate[] ring = (r < 0 ? polygon.getExteriorRing() : polygon.getInteriorRingN(r)).getCoordinates();
                        for (int i = 0; i + 1 < ring.length; i++) {
                            Integer other = firstSide.putIfAbsent(Segment.of(ring[i], ring[i + 1]), f);
                            if (other != null && other != f) {
                                double length = Math.hypot((ring[i + 1].x - ring[i].x) * areaScale, ring[i + 1].y - ring[i].y);
                                borders.get(f).merge(other, length, Double::sum);
                                borders.get(other).merge(f, length, Double::sum);
                            }
                        }
                    }
                }
            }

            /** Faces in one group share this key: the owner, or for faces without one, -1 minus the nearest seed. */
            int groupKey(int f) {
                return owner.get(f) >= 0 ? owner.get(f) : -1 - nearestSeed.get(f);
            }

            int size() {
                return polygons.size();
            }
        }

        // ---- assembly ---------------------------------------------------------------------

        /** Final owner of every face: each unit's part holding its seed, then the rest joined to neighbours. */
        private int[] assemble(Faces faces) {
            int n = faces.size();
            int k = units.size();
            List<Integer> seedFace = new ArrayList<>();
            for (int u = 0; u < k; u++) {
                Coordinate seed = toLonLat.transform(new Coordinate(seedX[u], seedY[u]), new Coordinate());
                int found = -1;
                for (int f = 0; f < n && found < 0; f++) {
                    Polygon polygon = faces.polygons.get(f);
                    if (polygon.getEnvelopeInternal().contains(seed)
                            && SimplePointInAreaLocator.locate(seed, polygon) != Location.EXTERIOR) {
                        found = f;
                    }
                }
                seedFace.add(found);
            }
            // A unit whose Voronoi regions came out empty still has its seed's face (inside one of its cells).
            double[] regionArea = new double[k];
            for (int f = 0; f < n; f++) {
                if (faces.owner.get(f) >= 0) {
                    regionArea[faces.owner.get(f)] += faces.areas.get(f);
                }
            }
            for (int u = 0; u < k; u++) {
                if (regionArea[u] == 0) {
                    int f = seedFace.get(u);
                    if (f < 0) {
                        throw new IllegalStateException("District " + code + ": unit " + units.get(u).code() + " got no face");
                    }
                    faces.owner.set(f, u);
                    regionArea[u] += faces.areas.get(f);
                }
            }
            int[] owner = new int[n];
            Arrays.fill(owner, -1);
            List<List<Integer>> components = components(faces, f -> true);
            for (int u = 0; u < k; u++) {
                List<Integer> anchor = null;
                double anchorArea = -1;
                for (List<Integer> component : components) {
                    if (faces.owner.get(component.getFirst()) != u) {
                        continue;
                    }
                    double area = area(faces, component);
                    if (component.contains(seedFace.get(u))) {
                        anchor = component;
                        break;
                    }
                    if (area > anchorArea) {
                        anchor = component;
                        anchorArea = area;
                    }
                }
                if (anchor == null) {
                    throw new IllegalStateException("District " + code + ": unit " + units.get(u).code() + " lost its faces");
                }
                for (int f : anchor) {
                    owner[f] = u;
                }
            }
            List<Group> pending = new ArrayList<>();
            for (List<Integer> component : components(faces, f -> owner[f] < 0)) {
                pending.add(new Group(component, faces));
            }
            boolean progress = true;
            while (!pending.isEmpty() && progress) {
                progress = attach(pending, faces, owner, true);
                if (!progress) {
                    for (var it = pending.iterator(); it.hasNext(); ) {
                        Group group = it.next();
                        if (group.previous >= 0 && group.area >= KEEP_FRACTION * regionArea[group.previous]) {
                            group.assign(group.previous, owner);
                            it.remove();
                            progress = true;
                            notes.add("%s (district %s): keeps a separate piece of %s in %s, which no other unit that went there borders"
                                    .formatted(units.get(group.previous).code(), code, km2(group.area), group.where(faces)));
                        }
                    }
                }
                if (!progress) {
                    progress = attach(pending, faces, owner, false);
                }
            }
            // Islands bordering nothing: their owner, else the nearest unit.
            for (Group island : pending) {
                int target = island.previous;
                if (target < 0) {
                    Geometry shape = factory.buildGeometry(island.faces.stream().map(faces.polygons::get).toList());
                    double best = Double.MAX_VALUE;
                    for (int f = 0; f < n; f++) {
                        double d = owner[f] < 0 ? Double.MAX_VALUE : faces.polygons.get(f).distance(shape);
                        if (d < best) {
                            best = d;
                            target = owner[f];
                        }
                    }
                }
                island.assign(target, owner);
                notes.add("%s (district %s): has a separate piece of %s in %s, bordering no other unit (an island)"
                        .formatted(units.get(target).code(), code, km2(island.area), island.where(faces)));
            }
            return owner;
        }

        /** One sweep, largest groups first: each group bordering a unit (an allowed one, if {@code allowedOnly}) joins the longest-bordering one. */
        private boolean attach(List<Group> pending, Faces faces, int[] owner, boolean allowedOnly) {
            pending.sort(Comparator.comparingDouble((Group g) -> -g.area).thenComparingInt(g -> g.faces.getFirst()));
            boolean progress = false;
            for (var it = pending.iterator(); it.hasNext(); ) {
                Group group = it.next();
                double[] shared = new double[units.size()];
                for (int f : group.faces) {
                    for (var border : faces.borders.get(f).entrySet()) {
                        int neighbour = owner[border.getKey()];
                        if (neighbour >= 0) {
                            shared[neighbour] += border.getValue();
                        }
                    }
                }
                int best = -1;
                for (int u = 0; u < units.size(); u++) {
                    if (shared[u] > 0 && (!allowedOnly || group.allowed.contains(u)) && (best < 0 || shared[u] > shared[best])) {
                        best = u;
                    }
                }
                if (best >= 0) {
                    group.assign(best, owner);
                    it.remove();
                    progress = true;
                }
            }
            return progress;
        }

        /** Connected sets of faces with the same {@link Faces#groupKey}, among those {@code include} accepts. */
        private List<List<Integer>> components(Faces faces, IntPredicate include) {
            int n = faces.size();
            boolean[] done = new boolean[n];
            List<List<Integer>> result = new ArrayList<>();
            for (int start = 0; start < n; start++) {
                if (done[start] || !include.test(start)) {
                    continue;
                }
                int key = faces.groupKey(start);
                List<Integer> component = new ArrayList<>();
                ArrayDeque<Integer> queue = new ArrayDeque<>();
                queue.add(start);
                done[start] = true;
                while (!queue.isEmpty()) {
                    int f = queue.poll();
                    component.add(f);
                    for (int g : faces.borders.get(f).keySet()) {
                        if (!done[g] && include.test(g) && faces.groupKey(g) == key) {
                            done[g] = true;
                            queue.add(g);
                        }
                    }
                }
                Collections.sort(component);
                result.add(component);
            }
            return result;
        }

        private static double area(Faces faces, List<Integer> component) {
            double total = 0;
            for (int f : component) {
                total += faces.areas.get(f);
            }
            return total;
        }

        /** A connected set of faces still to place, with the unit whose Voronoi region held it (-1 if none). */
        private final class Group {
            final List<Integer> faces;
            final double area;
            final int previous;
            final Set<Integer> allowed = new TreeSet<>();

            Group(List<Integer> members, Faces all) {
                this.faces = members;
                this.area = District.area(all, members);
                this.previous = all.owner.get(members.getFirst());
                for (int f : members) {
                    allowed.addAll(all.candidates.get(f));
                }
            }

            void assign(int unit, int[] owner) {
                for (int f : faces) {
                    owner[f] = unit;
                }
            }

            /** The successors holding the group, for notes. */
            String where(Faces all) {
                Set<String> codes = new TreeSet<>();
                for (int f : faces) {
                    Cell cell = cells.get(all.cellIndex.get(f));
                    codes.add(cell.code == null ? "no successor" : "successor " + cell.code);
                }
                return String.join(", ", codes);
            }
        }

        // ---- output -----------------------------------------------------------------------

        private Outcome emit(Faces faces, int[] owner) {
            int k = units.size();
            List<List<Geometry>> parts = new ArrayList<>();
            for (int u = 0; u < k; u++) {
                parts.add(new ArrayList<>());
            }
            double[] total = new double[k];
            double[] outside = new double[k];
            double leftover = 0;
            Map<String, Double> unclaimed = new TreeMap<>();
            for (int f = 0; f < faces.size(); f++) {
                int u = owner[f];
                double area = faces.areas.get(f);
                parts.get(u).add(faces.polygons.get(f));
                total[u] += area;
                if (!faces.evidence.get(f).contains(u)) {
                    outside[u] += area;
                }
                if (faces.evidence.get(f).isEmpty()) {
                    int c = faces.cellIndex.get(f);
                    if (c == cells.size() - 1) {
                        leftover += area;
                    } else {
                        unclaimed.merge(cells.get(c).code, area, Double::sum);
                    }
                }
            }
            List<String> notable = unclaimed.entrySet().stream()
                    .filter(e -> e.getValue() * KM2_PER_SQUARE_DEGREE >= NOTE_MIN_KM2)
                    .map(e -> e.getKey() + " " + km2(e.getValue())).toList();
            if (leftover * KM2_PER_SQUARE_DEGREE >= NOTE_MIN_KM2 || !notable.isEmpty()) {
                double sum = unclaimed.values().stream().mapToDouble(Double::doubleValue).sum();
                notes.add(0, "district %s: %s covered by no successor, %s in successors no unit of it went into (%s); given to the units bordering it"
                        .formatted(code, km2(leftover), km2(sum), String.join(", ", notable)));
            }
            Map<String, Geometry> shapes = new LinkedHashMap<>();
            for (int u = 0; u < k; u++) {
                String unitCode = units.get(u).code();
                Geometry shape = union(parts.get(u));
                shape.normalize();
                shapes.put(unitCode, shape);
                if (outside[u] * KM2_PER_SQUARE_DEGREE >= NOTE_MIN_KM2) {
                    notes.add(String.format(Locale.ROOT, "%s (district %s): %s (%.2f%% of its shape) outside its successors %s",
                            unitCode, code, km2(outside[u]), 100 * outside[u] / total[u], units.get(u).successors()));
                }
            }
            return new Outcome(shapes, notes);
        }

        private Geometry union(List<Geometry> polygons) {
            try {
                // Fast and exact for faces sharing their edges, but its result is not checked: check it.
                Geometry union = CoverageUnion.union(polygons.toArray(Geometry[]::new));
                if (union.isValid()) {
                    return union;
                }
            } catch (TopologyException | IllegalArgumentException e) {
                // fall through to the general union
            }
            return polygonal(OverlayNGRobust.union(factory.buildGeometry(polygons)));
        }
    }

    /** A successor's overlap with the district, or the leftover (code null). */
    private static final class Cell {
        final String code;
        final Geometry shape;
        final Geometry piece;
        final double area;
        /** Units of the district that went into this successor. */
        final List<Integer> evidence = new ArrayList<>();
        /** Units that may get part of it: the evidence, plus units given it for want of any. */
        final List<Integer> candidates = new ArrayList<>();
        private IndexedPointInAreaLocator locator;

        Cell(String code, Geometry shape, Geometry piece, double area) {
            this.code = code;
            this.shape = shape;
            this.piece = piece;
            this.area = area;
        }

        IndexedPointInAreaLocator locator() {
            if (locator == null) {
                locator = new IndexedPointInAreaLocator(shape);
            }
            return locator;
        }
    }

    private static Geometry polygonal(Geometry geometry) {
        if (geometry instanceof Polygonal) {
            return geometry;
        }
        @SuppressWarnings("unchecked")
        List<Polygon> polygons = PolygonExtracter.getPolygons(geometry);
        return geometry.getFactory().buildGeometry(polygons);
    }

    private static double distanceSq(double x1, double y1, double x2, double y2) {
        double dx = x1 - x2;
        double dy = y1 - y2;
        return dx * dx + dy * dy;
    }

    private static String km2(double planeArea) {
        double km2 = planeArea * KM2_PER_SQUARE_DEGREE;
        return km2 >= 0.01 ? String.format(Locale.ROOT, "%.2f km²", km2) : String.format(Locale.ROOT, "%.0f m²", km2 * 1e6);
    }

    /** A segment with its ends in a fixed order, to match the two sides of a shared edge. */
    private record Segment(double x1, double y1, double x2, double y2) {
        static Segment of(Coordinate a, Coordinate b) {
            return a.compareTo(b) <= 0 ? new Segment(a.x, a.y, b.x, b.y) : new Segment(b.x, b.y, a.x, a.y);
        }
    }
}
