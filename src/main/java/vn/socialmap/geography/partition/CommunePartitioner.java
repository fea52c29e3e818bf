package vn.socialmap.geography.partition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

/**
 * Splits a district into approximate commune shapes when no official commune boundaries
 * exist: a centroidal Voronoi tessellation of the district, clipped to it.
 *
 * <p>Seeds come from k-means (Lloyd's algorithm) over a regular grid of points inside the
 * district, which makes cells of similar area and compact shape. The Voronoi cells are
 * built in a local equal-scale plane (longitude scaled by cos(latitude)) and clipped
 * against the original district geometry in longitude/latitude, so the district's own
 * vertices are kept exactly and the cells tile it. A clipped cell that falls apart into
 * several pieces (a concave district) keeps the piece holding its seed; every other
 * piece joins the neighbour it shares the longest border with.
 *
 * <p>Deterministic: the same district, codes and seed give the same polygons.
 */
public final class CommunePartitioner {

    /** Grid points per commune for k-means: enough for stable centroids, cheap enough. */
    private static final int SAMPLES_PER_UNIT = 150;
    private static final int MIN_SAMPLES = 3000;
    private static final int LLOYD_ITERATIONS = 60;

    private final GeometryFactory factory;

    public CommunePartitioner(GeometryFactory factory) {
        this.factory = factory;
    }

    /**
     * @param district the district, in longitude/latitude
     * @param codes    commune codes; their order decides which cell gets which code
     * @param seed     seed for the k-means initialisation
     * @return one geometry per code, in the order of {@code codes}
     */
    public Map<String, Geometry> partition(Geometry district, List<String> codes, long seed) {
        if (codes.isEmpty()) {
            return Map.of();
        }
        if (codes.size() == 1) {
            return Map.of(codes.getFirst(), district.copy());
        }
        AffineTransformation toPlane = localPlane(district);
        Geometry plane = toPlane.transform(district);
        List<Coordinate> samples = gridSamples(plane, Math.max(MIN_SAMPLES, SAMPLES_PER_UNIT * codes.size()));
        if (samples.size() < codes.size()) {
            throw new IllegalArgumentException("District too small to split into " + codes.size() + " units");
        }
        List<Coordinate> sites = orderSpatially(kMeans(samples, codes.size(), new Random(seed)), plane);

        AffineTransformation toLonLat;
        try {
            toLonLat = toPlane.getInverse();
        } catch (org.locationtech.jts.geom.util.NoninvertibleTransformationException e) {
            throw new IllegalStateException(e);
        }
        Geometry cells = voronoi(sites, plane.getEnvelopeInternal());
        List<Geometry> main = new ArrayList<>();
        List<Polygon> fragments = new ArrayList<>();
        for (int i = 0; i < sites.size(); i++) {
            Geometry cell = toLonLat.transform(cellOf(cells, sites.get(i)));
            Geometry clipped = OverlayNGRobust.overlay(cell, district, OverlayNG.INTERSECTION);
            Coordinate siteLonLat = toLonLat.transform(sites.get(i), new Coordinate());
            Polygon keep = pieceNearest(clipped, siteLonLat);
            main.add(keep);
            for (int k = 0; k < clipped.getNumGeometries(); k++) {
                Geometry piece = clipped.getGeometryN(k);
                if (piece != keep && piece instanceof Polygon p && !p.isEmpty()) {
                    fragments.add(p);
                }
            }
        }
        attachFragments(main, fragments);

        Map<String, Geometry> result = new LinkedHashMap<>();
        for (int i = 0; i < codes.size(); i++) {
            result.put(codes.get(i), main.get(i));
        }
        return result;
    }

    /** Equal-scale plane around the district's centre: x = (lon - lon0) cos(lat0), y = lat - lat0. */
    private static AffineTransformation localPlane(Geometry district) {
        Coordinate c = district.getEnvelopeInternal().centre();
        double k = Math.cos(Math.toRadians(c.y));
        return AffineTransformation.translationInstance(-c.x, -c.y).scale(k, 1.0);
    }

    private List<Coordinate> gridSamples(Geometry plane, int target) {
        Envelope env = plane.getEnvelopeInternal();
        double step = Math.sqrt(plane.getArea() / target);
        IndexedPointInAreaLocator locator = new IndexedPointInAreaLocator(plane);
        List<Coordinate> points = new ArrayList<>();
        for (double y = env.getMinY() + step / 2; y < env.getMaxY(); y += step) {
            for (double x = env.getMinX() + step / 2; x < env.getMaxX(); x += step) {
                Coordinate p = new Coordinate(x, y);
                if (locator.locate(p) == Location.INTERIOR) {
                    points.add(p);
                }
            }
        }
        return points;
    }

    /** Lloyd's k-means with k-means++ seeding; each centre is then snapped to its nearest sample, so it lies inside. */
    private static List<Coordinate> kMeans(List<Coordinate> samples, int k, Random random) {
        List<Coordinate> centres = new ArrayList<>();
        centres.add(new Coordinate(samples.get(random.nextInt(samples.size()))));
        double[] nearest = new double[samples.size()];
        while (centres.size() < k) {
            double total = 0;
            for (int i = 0; i < samples.size(); i++) {
                nearest[i] = Double.MAX_VALUE;
                for (Coordinate c : centres) {
                    nearest[i] = Math.min(nearest[i], distanceSq(samples.get(i), c));
                }
                total += nearest[i];
            }
            double pick = random.nextDouble() * total;
            int chosen = samples.size() - 1;
            for (int i = 0; i < samples.size(); i++) {
                pick -= nearest[i];
                if (pick <= 0) {
                    chosen = i;
                    break;
                }
            }
            centres.add(new Coordinate(samples.get(chosen)));
        }
        int[] assignment = new int[samples.size()];
        for (int iteration = 0; iteration < LLOYD_ITERATIONS; iteration++) {
            double[] sumX = new double[k];
            double[] sumY = new double[k];
            int[] count = new int[k];
            for (int i = 0; i < samples.size(); i++) {
                assignment[i] = closest(samples.get(i), centres);
                sumX[assignment[i]] += samples.get(i).x;
                sumY[assignment[i]] += samples.get(i).y;
                count[assignment[i]]++;
            }
            double moved = 0;
            for (int c = 0; c < k; c++) {
                if (count[c] > 0) {
                    Coordinate next = new Coordinate(sumX[c] / count[c], sumY[c] / count[c]);
                    moved = Math.max(moved, next.distance(centres.get(c)));
                    centres.set(c, next);
                }
            }
            if (moved == 0) {
                break;
            }
        }
        List<Coordinate> snapped = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            Coordinate best = null;
            for (int i = 0; i < samples.size(); i++) {
                if (assignment[i] == c && (best == null
                        || distanceSq(samples.get(i), centres.get(c)) < distanceSq(best, centres.get(c)))) {
                    best = samples.get(i);
                }
            }
            snapped.add(best != null ? best : centres.get(c));
        }
        return snapped;
    }

    private static double distanceSq(Coordinate a, Coordinate b) {
        double dx = a.x - b.x;
        double dy = a.y - b.y;
        return dx * dx + dy * dy;
    }

    private static int closest(Coordinate p, List<Coordinate> centres) {
        int best = 0;
        double bestDistance = Double.MAX_VALUE;
        for (int c = 0; c < centres.size(); c++) {
            double d = distanceSq(p, centres.get(c));
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return best;
    }

    /**
     * Orders sites north to south in bands, alternating direction (a boustrophedon), so
     * that consecutive GSO codes, which the GSO assigns roughly by area, tend to be neighbours.
     */
    private static List<Coordinate> orderSpatially(List<Coordinate> sites, Geometry plane) {
        Envelope env = plane.getEnvelopeInternal();
        double band = Math.max(Math.sqrt(plane.getArea() / sites.size()), 1e-12);
        List<Coordinate> ordered = new ArrayList<>(sites);
        ordered.sort(Comparator
                .comparingInt((Coordinate c) -> (int) Math.floor((env.getMaxY() - c.y) / band))
                .thenComparingDouble(c -> {
                    int row = (int) Math.floor((env.getMaxY() - c.y) / band);
                    return row % 2 == 0 ? c.x : -c.x;
                }));
        return ordered;
    }

    private Geometry voronoi(List<Coordinate> sites, Envelope extent) {
        VoronoiDiagramBuilder builder = new VoronoiDiagramBuilder();
        builder.setSites(sites);
        Envelope clip = new Envelope(extent);
        clip.expandBy(Math.max(extent.getWidth(), extent.getHeight()));
        builder.setClipEnvelope(clip);
        return builder.getDiagram(factory);
    }

    private static Geometry cellOf(Geometry cells, Coordinate site) {
        for (int i = 0; i < cells.getNumGeometries(); i++) {
            Geometry cell = cells.getGeometryN(i);
            if (site.equals2D((Coordinate) cell.getUserData())) {
                return cell;
            }
        }
        throw new IllegalStateException("No Voronoi cell for site " + site);
    }

    private Polygon pieceNearest(Geometry clipped, Coordinate site) {
        Geometry point = factory.createPoint(site);
        Polygon best = null;
        double bestDistance = Double.MAX_VALUE;
        for (int i = 0; i < clipped.getNumGeometries(); i++) {
            if (clipped.getGeometryN(i) instanceof Polygon p && !p.isEmpty()) {
                double d = p.distance(point);
                if (best == null || d < bestDistance || (d == bestDistance && p.getArea() > best.getArea())) {
                    best = p;
                    bestDistance = d;
                }
            }
        }
        if (best == null) {
            throw new IllegalStateException("Empty cell for site " + site);
        }
        return best;
    }

    /** Gives each stray piece to the unit it borders most, largest pieces first. */
    private static void attachFragments(List<Geometry> main, List<Polygon> fragments) {
        List<Polygon> pending = new ArrayList<>(fragments);
        pending.sort(Comparator.comparingDouble(Geometry::getArea).reversed());
        boolean progress = true;
        while (!pending.isEmpty() && progress) {
            progress = false;
            for (var it = pending.iterator(); it.hasNext(); ) {
                Polygon fragment = it.next();
                int target = longestSharedBorder(fragment, main);
                if (target >= 0) {
                    main.set(target, OverlayNGRobust.overlay(main.get(target), fragment, OverlayNG.UNION));
                    it.remove();
                    progress = true;
                }
            }
        }
        // Islands touching no other unit: join the nearest one (the unit becomes multi-part).
        for (Polygon island : pending) {
            int nearest = 0;
            for (int i = 1; i < main.size(); i++) {
                if (main.get(i).distance(island) < main.get(nearest).distance(island)) {
                    nearest = i;
                }
            }
            main.set(nearest, OverlayNGRobust.overlay(main.get(nearest), island, OverlayNG.UNION));
        }
    }

    private static int longestSharedBorder(Polygon fragment, List<Geometry> units) {
        Geometry border = fragment.getBoundary();
        int best = -1;
        double bestLength = 0;
        for (int i = 0; i < units.size(); i++) {
            if (!units.get(i).getEnvelopeInternal().intersects(fragment.getEnvelopeInternal())) {
                continue;
            }
            double shared = OverlayNGRobust.overlay(border, units.get(i).getBoundary(), OverlayNG.INTERSECTION).getLength();
            if (shared > bestLength) {
                bestLength = shared;
                best = i;
            }
        }
        return best;
    }

    /** Wraps a polygonal result as a MultiPolygon, the column type of every unit. */
    public MultiPolygon toMultiPolygon(Geometry geometry) {
        if (geometry instanceof MultiPolygon mp) {
            return mp;
        }
        List<Polygon> polygons = new ArrayList<>();
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            if (geometry.getGeometryN(i) instanceof Polygon p && !p.isEmpty()) {
                polygons.add(p);
            }
        }
        return factory.createMultiPolygon(polygons.toArray(Polygon[]::new));
    }
}
