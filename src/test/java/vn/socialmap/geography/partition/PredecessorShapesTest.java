package vn.socialmap.geography.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import vn.socialmap.geography.partition.PredecessorShapes.Predecessor;
import vn.socialmap.geography.partition.PredecessorShapes.Result;

/**
 * Re-derived shapes of older units: exact results on small rectangles, and the properties of
 * the shapes derived for Hanoi and Da Nang from the shared data (pinned measurements).
 */
class PredecessorShapesTest {

    private static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);
    private static final PredecessorShapes SHAPES = new PredecessorShapes(FACTORY);
    private static final Path DATA = Path.of(System.getProperty("user.dir")).resolve("../shared/gis-data").normalize();

    // ---- small fixtures: exact results ---------------------------------------------------

    @Test
    void eachSquareToTheUnitThatWentIntoIt() {
        Map<String, Geometry> districts = Map.of("D", box(0, 0, 2, 1));
        Map<String, Geometry> successors = Map.of("Y1", box(0, 0, 1, 1), "Y2", box(1, 0, 2, 1));

        Result result = SHAPES.derive(districts, successors,
                List.of(unit("A", "D", "Y1"), unit("B", "D", "Y2")), 1L);

        assertThat(result.shapes().get("A").equalsTopo(box(0, 0, 1, 1))).isTrue();
        assertThat(result.shapes().get("B").equalsTopo(box(1, 0, 2, 1))).isTrue();
        assertThat(result.notes()).isEmpty();
    }

    @Test
    void aUnitThatWentIntoBothSquaresGetsOneAndAdjacentPartOfTheOther() {
        Map<String, Geometry> districts = Map.of("D", box(0, 0, 2, 1));
        Map<String, Geometry> successors = Map.of("Y1", box(0, 0, 1, 1), "Y2", box(1, 0, 2, 1));

        Result result = SHAPES.derive(districts, successors,
                List.of(unit("A", "D", "Y1", "Y2"), unit("B", "D", "Y2")), 1L);

        Geometry a = result.shapes().get("A");
        Geometry b = result.shapes().get("B");
        // A alone went into Y1: all of it. Y2 is split by a straight border; A's part of it is at
        // least a quarter of an equal share (0.125) and touches its part of Y1, so A is one piece.
        assertThat(intersection(a, box(0, 0, 1, 1)).getArea()).isEqualTo(1.0);
        assertThat(a.getNumGeometries()).isOne();
        assertThat(a.getArea()).isCloseTo(1.1619171251947114, within(1e-12));
        assertThat(b.getArea()).isCloseTo(0.8380828748052886, within(1e-12));
        assertThat(b.difference(box(1, 0, 2, 1)).getArea()).isZero();
        assertThat(a.getArea() + b.getArea()).isEqualTo(2.0);
        assertThat(intersection(a, b).getArea()).isZero();
        assertThat(result.notes()).isEmpty();
    }

    @Test
    void areaInNoSuccessorOrInOneNobodyListedGoesToTheUnitAlongIt() throws ParseException {
        Map<String, Geometry> districts = Map.of("D", box(0, 0, 3, 1));
        Map<String, Geometry> successors = Map.of(
                "Y1", box(0, 0, 1, 0.95),                                          // strip 1 x 0.05 above it: in no successor
                "Y2", wkt("POLYGON ((1 0, 3 0, 3 0.9, 2 0.9, 2 1.2, 1 1.2, 1 0))"),
                "Y3", box(2, 0.9, 3, 1.5));                                        // strip 1 x 0.1 of D: nobody went into Y3

        Result result = SHAPES.derive(districts, successors, List.of(unit("A", "D", "Y1"), unit("B", "D", "Y2")), 1L);

        assertThat(result.shapes().get("A").equalsTopo(box(0, 0, 1, 1))).isTrue();
        assertThat(result.shapes().get("B").equalsTopo(box(1, 0, 3, 1))).isTrue();
        assertThat(result.notes()).containsExactly(
                "district D: 618.19 km² covered by no successor, 1236.39 km² in successors no unit of it went into (Y3 1236.39 km²); given to the units bordering it",
                "A (district D): 618.19 km² (5.00% of its shape) outside its successors [Y1]",
                "B (district D): 1236.39 km² (5.00% of its shape) outside its successors [Y2]");
    }

    @Test
    void aUnitWhoseSuccessorMissesTheDistrictGetsTheSideNearestToIt() {
        Map<String, Geometry> districts = Map.of("D", box(0, 0, 2, 1));
        Map<String, Geometry> successors = Map.of("Y1", box(0, 0, 2, 1), "Y9", box(3, 0, 4, 1));

        Result result = SHAPES.derive(districts, successors, List.of(unit("A", "D", "Y1"), unit("B", "D", "Y9")), 1L);

        Geometry a = result.shapes().get("A");
        Geometry b = result.shapes().get("B");
        assertThat(a.getNumGeometries()).isOne();
        assertThat(b.getNumGeometries()).isOne();
        assertThat(b.intersects(FACTORY.createPoint(new Coordinate(1.99, 0.5)))).isTrue();
        assertThat(a.getArea()).isCloseTo(1.0069948418354167, within(1e-12));
        assertThat(a.getArea() + b.getArea()).isCloseTo(2.0, within(1e-15));
        assertThat(result.notes()).containsExactly(
                "B (district D): successor Y9 does not overlap the district",
                "B (district D): its successors [Y9] overlap the district by 0 m²; it was given part of successor Y1",
                "B (district D): 12277.39 km² (100.00% of its shape) outside its successors [Y9]");
    }

    @Test
    void aSizeablePartOfTheOnlySuccessorAwayFromTheRestStaysWithItsUnit() throws ParseException {
        Map<String, Geometry> districts = Map.of("D", box(0, 0, 3, 1));
        Map<String, Geometry> successors = Map.of(
                "Y1", wkt("MULTIPOLYGON (((0 0, 1 0, 1 1, 0 1, 0 0)), ((2 0, 3 0, 3 1, 2 1, 2 0)))"),
                "Y2", box(1, 0, 2, 1));

        Result result = SHAPES.derive(districts, successors, List.of(unit("A", "D", "Y1"), unit("B", "D", "Y2")), 1L);

        assertThat(result.shapes().get("A").equalsTopo(successors.get("Y1"))).isTrue();
        assertThat(result.shapes().get("A").getNumGeometries()).isEqualTo(2);
        assertThat(result.shapes().get("B").equalsTopo(box(1, 0, 2, 1))).isTrue();
        assertThat(result.notes()).containsExactly(
                "A (district D): keeps a separate piece of 12363.88 km² in successor Y1, which no other unit that went there borders");
    }

    @Test
    void aSmallPartAwayFromTheRestJoinsItsNeighbour() throws ParseException {
        Map<String, Geometry> districts = Map.of("D", box(0, 0, 3, 1));
        Map<String, Geometry> successors = Map.of(
                "Y1", wkt("MULTIPOLYGON (((0 0, 1 0, 1 1, 0 1, 0 0)), ((2.95 0, 3 0, 3 1, 2.95 1, 2.95 0)))"),
                "Y2", box(1, 0, 2.95, 1));

        Result result = SHAPES.derive(districts, successors, List.of(unit("A", "D", "Y1"), unit("B", "D", "Y2")), 1L);

        // The strip is 5% of A, under the 10% a separate piece needs: it joins B, which borders it.
        assertThat(result.shapes().get("A").equalsTopo(box(0, 0, 1, 1))).isTrue();
        assertThat(result.shapes().get("B").equalsTopo(box(1, 0, 3, 1))).isTrue();
        assertThat(result.notes()).containsExactly(
                "B (district D): 618.19 km² (2.50% of its shape) outside its successors [Y2]");
    }

    @Test
    void anIslandOfTheDistrictGoesWhole() throws ParseException {
        Map<String, Geometry> districts = Map.of(
                "D", wkt("MULTIPOLYGON (((0 0, 1 0, 1 1, 0 1, 0 0)), ((2 0, 2.5 0, 2.5 0.5, 2 0.5, 2 0)))"),
                "E", box(5, 5, 6, 6));
        Map<String, Geometry> successors = Map.of("Y1", box(0, 0, 3, 1));

        Result result = SHAPES.derive(districts, successors, List.of(unit("A", "D", "Y1"), unit("B", "D", "Y1")), 1L);

        // Two units, two pieces of land: one each (k-means puts a seed on the island); E has no unit: no shape.
        assertThat(result.shapes()).containsOnlyKeys("A", "B");
        assertThat(result.shapes().get("A").equalsTopo(box(2, 0, 2.5, 0.5))).isTrue();
        assertThat(result.shapes().get("B").equalsTopo(box(0, 0, 1, 1))).isTrue();
        assertThat(result.notes()).isEmpty();

        Result alone = SHAPES.derive(districts, successors, List.of(unit("A", "D", "Y1")), 1L);
        assertThat(alone.shapes().get("A").equalsTopo(districts.get("D"))).isTrue();
    }

    @Test
    void rejectsUnitsWithoutDistrictOrListedTwice() {
        Map<String, Geometry> districts = Map.of("D", box(0, 0, 1, 1));
        Map<String, Geometry> successors = Map.of("Y1", box(0, 0, 1, 1));
        assertThatThrownBy(() -> SHAPES.derive(districts, successors, List.of(unit("A", "X", "Y1")), 1L))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("district X");
        assertThatThrownBy(() -> SHAPES.derive(districts, successors, List.of(unit("A", "D", "Y1"), unit("A", "D", "Y1")), 1L))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
    }

    // ---- Hanoi and Da Nang -----------------------------------------------------------------

    /**
     * Hanoi, 2025-01 from 2025-07. Thresholds: the district and commune files disagree by slivers
     * (IoU 0.991): about 1% of the city lies in no successor, or in one no unit of the district went
     * into, mostly in strips up to ~100 m wide along district borders; they go to the units along
     * them. A small unit along a long strip gets the most: Khâm Thiên (00202, 0.6 km²) on the
     * eastern edge of Đống Đa, where a strip of 0.48 km² lies in 2025 wards no Đống Đa ward went
     * into (00082, 00256), has 25.5% of its shape outside its successor; the median unit about 1%.
     */
    @Test
    void hanoiFrom2025() {
        Derived hanoi = Cities.HANOI;
        check(hanoi.districts, hanoi.communes2025, hanoi.units202501, hanoi.step2501, new Expected(
                0, 0.2686, 0.7447, "00202", 0.01151, 347));
        // Units that went partly into several 2025 communes: in how many of those (each overlapping
        // the district by 1% of it or more) did a unit get nothing? A unit can border only so many.
        assertThat(partialMovesWithNothing(hanoi.districts, hanoi.communes2025, hanoi.units202501, hanoi.step2501))
                .containsExactly(13, 414);
    }

    /** Hanoi, 2022 from the derived 2025-01: merges only, so every 2022 unit lies inside its 2025-01 shape. */
    @Test
    void hanoiFrom202501() {
        Derived hanoi = Cities.HANOI;
        check(hanoi.districts, hanoi.step2501.shapes(), hanoi.units2022, hanoi.step2022, new Expected(
                0, 0.2686, 1.0, null, 0.0, 0));
    }

    /**
     * Da Nang, 2025-01 from 2025-07. One unit in two pieces: Sơn Trà district (493) has an island
     * (0.05 km², 0.4% of Nại Hiên Đông, 20266) that touches nothing else, so some unit must have two
     * pieces. Cẩm Lệ (495) has 3.2 km² in 2025 communes none of its units went into (1.86 km² in
     * 20257 alone); Hòa Thọ Tây (20311), along them, gets 31% of its shape from them.
     */
    @Test
    void daNangFrom2025() {
        Derived daNang = Cities.DA_NANG;
        check(daNang.districts, daNang.communes2025, daNang.units202501, daNang.step2501, new Expected(
                1, 0.1786, 0.6864, "20311", 0.00856, 55));
        assertThat(multiPiece(daNang.step2501)).containsExactly("20266");
        assertThat(partialMovesWithNothing(daNang.districts, daNang.communes2025, daNang.units202501, daNang.step2501))
                .containsExactly(0, 2);
    }

    @Test
    void daNangFrom202501() {
        Derived daNang = Cities.DA_NANG;
        check(daNang.districts, daNang.step2501.shapes(), daNang.units2022, daNang.step2022, new Expected(
                1, 0.1786, 1.0, null, 0.0, 1));
        assertThat(multiPiece(daNang.step2022)).containsExactly("20266");
        // Huyện Hoàng Sa (498) has no 2022 commune: nothing is derived there.
        assertThat(daNang.units2022).isNotEmpty().noneMatch(u -> u.districtCode().equals("498"));
    }

    @Test
    void sameInputSameGeometry() {
        Derived hanoi = Cities.HANOI;
        Result again = SHAPES.derive(hanoi.districts, hanoi.communes2025, hanoi.units202501, 1L);
        assertThat(again.notes()).isEqualTo(hanoi.step2501.notes());
        for (var entry : hanoi.step2501.shapes().entrySet()) {
            assertThat(again.shapes().get(entry.getKey()).equalsExact(entry.getValue())).as(entry.getKey()).isTrue();
        }
        Derived daNang = Cities.DA_NANG;
        Result daNangAgain = SHAPES.derive(daNang.districts, daNang.step2501.shapes(), daNang.units2022, 1L);
        for (var entry : daNang.step2022.shapes().entrySet()) {
            assertThat(daNangAgain.shapes().get(entry.getKey()).equalsExact(entry.getValue())).as(entry.getKey()).isTrue();
        }
    }

    /** Pinned measurements of one derivation. */
    private record Expected(int multiPiece, double minCompactness, double minShareInside, String leastInside,
            double outsideFraction, int notes) {
    }

    private static void check(Map<String, Geometry> districts, Map<String, Geometry> successors, List<Predecessor> units,
            Result result, Expected expected) {
        assertThat(result.shapes()).hasSize(units.size());
        Map<String, List<Geometry>> byDistrict = new TreeMap<>();
        double total = 0;
        double outside = 0;
        double minShare = 1;
        String leastInside = null;
        double minCompactness = 1;
        for (Predecessor unit : units) {
            Geometry shape = result.shapes().get(unit.code());
            assertThat(shape).as(unit.code()).isNotNull().isInstanceOf(Polygonal.class);
            assertThat(shape.isEmpty()).as(unit.code()).isFalse();
            assertThat(shape.isValid()).as(unit.code()).isTrue();
            byDistrict.computeIfAbsent(unit.districtCode(), k -> new ArrayList<>()).add(shape);
            Geometry inside = FACTORY.buildGeometry(unit.successors().stream().map(successors::get).toList());
            double out = OverlayNGRobust.overlay(shape, OverlayNGRobust.union(inside), OverlayNG.DIFFERENCE).getArea();
            total += shape.getArea();
            outside += out;
            double share = 1 - out / shape.getArea();
            if (share < minShare - 1e-9) {
                minShare = share;
                leastInside = unit.code();
            }
            minCompactness = Math.min(minCompactness, polsbyPopper(shape));
        }
        // Tiling: per district, the union is the district and the shapes' areas add up to it (no overlaps).
        for (var entry : byDistrict.entrySet()) {
            Geometry district = districts.get(entry.getKey());
            Geometry union = OverlayNGRobust.union(FACTORY.buildGeometry(entry.getValue()));
            double sum = entry.getValue().stream().mapToDouble(Geometry::getArea).sum();
            assertThat(Math.abs(union.getArea() - district.getArea()) / district.getArea()).as(entry.getKey()).isLessThan(1e-9);
            assertThat(OverlayNGRobust.overlay(union, district, OverlayNG.SYMDIFFERENCE).getArea() / district.getArea())
                    .as(entry.getKey()).isLessThan(1e-9);
            assertThat((sum - union.getArea()) / district.getArea()).as("overlap in " + entry.getKey()).isLessThan(1e-12);
        }
        long multi = result.shapes().values().stream().filter(g -> g.getNumGeometries() > 1).count();
        System.out.printf("multi-piece %d, min Polsby-Popper %.4f, min share inside successors %.4f (%s), outside %.5f, notes %d%n",
                multi, minCompactness, minShare, leastInside, outside / total, result.notes().size());
        assertThat(multi).isEqualTo(expected.multiPiece());
        assertThat(minCompactness).isCloseTo(expected.minCompactness(), within(1e-4));
        assertThat(minShare).isCloseTo(expected.minShareInside(), within(1e-4));
        assertThat(leastInside).isEqualTo(expected.leastInside());
        assertThat(outside / total).isCloseTo(expected.outsideFraction(), within(1e-5));
        assertThat(result.notes()).hasSize(expected.notes());
    }

    /** {pairs (unit, successor) where the unit got none of a successor overlapping its district by 1% or more, all such pairs}. */
    private static List<Integer> partialMovesWithNothing(Map<String, Geometry> districts, Map<String, Geometry> successors,
            List<Predecessor> units, Result result) {
        int nothing = 0;
        int pairs = 0;
        for (Predecessor unit : units) {
            if (unit.successors().size() < 2) {
                continue;
            }
            Geometry district = districts.get(unit.districtCode());
            Geometry shape = result.shapes().get(unit.code());
            for (String code : unit.successors()) {
                if (intersection(district, successors.get(code)).getArea() >= 0.01 * district.getArea()) {
                    pairs++;
                    if (intersection(shape, successors.get(code)).getArea() < 1e-6 * shape.getArea()) {
                        nothing++;
                    }
                }
            }
        }
        System.out.printf("partial moves with nothing: %d of %d%n", nothing, pairs);
        return List.of(nothing, pairs);
    }

    private static List<String> multiPiece(Result result) {
        return result.shapes().entrySet().stream().filter(e -> e.getValue().getNumGeometries() > 1).map(Map.Entry::getKey).toList();
    }

    /** 4πA/P² in a plane with longitude scaled by the cosine of the latitude. */
    private static double polsbyPopper(Geometry shape) {
        double k = Math.cos(Math.toRadians(shape.getEnvelopeInternal().centre().y));
        Geometry plane = AffineTransformation.scaleInstance(k, 1).transform(shape);
        return 4 * Math.PI * plane.getArea() / (plane.getLength() * plane.getLength());
    }

    // ---- the two cities, derived once ------------------------------------------------------

    private record Derived(Map<String, Geometry> districts, Map<String, Geometry> communes2025,
            List<Predecessor> units202501, List<Predecessor> units2022, Result step2501, Result step2022) {
    }

    /** Loaded on first use, shared by the tests. */
    private static final class Cities {
        static final Derived HANOI = derive("Hanoi", "hanoi", "01");
        static final Derived DA_NANG = derive("Da Nang", "danang", "48");

        private static Derived derive(String name, String file, String province) {
            try {
                Map<String, Geometry> districts = readShapes(file + "-districts.geojson");
                Map<String, Geometry> communes2025 = readShapes(file + "-communes-2025.geojson");
                Map<String, String> districtOf202501 = new TreeMap<>();
                List<Predecessor> units2022 = new ArrayList<>();
                for (CSVRecord row : readCsv("reform-2025-01-crosswalk-" + file + ".csv")) {
                    districtOf202501.put(row.get("code_2025_01"), row.get("district_code"));
                    units2022.add(new Predecessor(row.get("code_2022"), row.get("district_code"), Set.of(row.get("code_2025_01"))));
                }
                Map<String, Set<String>> successors = new TreeMap<>();
                for (CSVRecord row : readCsv("reform-2025-07-crosswalk-hanoi-danang.csv")) {
                    // Rows of the former Quảng Nam (49) and Hoàng Sa's (no commune) are not ours.
                    if (row.get("old_province").equals(province) && !row.get("old_commune_code").isEmpty()) {
                        successors.computeIfAbsent(row.get("old_commune_code"), k -> new TreeSet<>()).add(row.get("new_commune_code"));
                    }
                }
                assertThat(successors.keySet()).isEqualTo(districtOf202501.keySet());
                List<Predecessor> units202501 = new ArrayList<>();
                districtOf202501.forEach((code, district) -> units202501.add(new Predecessor(code, district, successors.get(code))));

                long start = System.nanoTime();
                Result step2501 = SHAPES.derive(districts, communes2025, units202501, 1L);
                long middle = System.nanoTime();
                Result step2022 = SHAPES.derive(districts, step2501.shapes(), units2022, 1L);
                long end = System.nanoTime();
                System.out.printf("%s: step (a) 2025-01 from 2025-07: %d ms; step (b) 2022 from 2025-01: %d ms (%d processors)%n",
                        name, (middle - start) / 1_000_000, (end - middle) / 1_000_000, Runtime.getRuntime().availableProcessors());
                return new Derived(districts, communes2025, units202501, units2022, step2501, step2022);
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read the shared data in " + DATA, e);
            }
        }
    }

    private static Map<String, Geometry> readShapes(String file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(Files.readAllBytes(DATA.resolve(file)));
        Map<String, Geometry> shapes = new TreeMap<>();
        for (JsonNode feature : root.path("features")) {
            JsonNode geometry = feature.path("geometry");
            List<Polygon> polygons = new ArrayList<>();
            if (geometry.path("type").asString().equals("Polygon")) {
                polygons.add(polygon(geometry.path("coordinates")));
            } else {
                geometry.path("coordinates").forEach(p -> polygons.add(polygon(p)));
            }
            shapes.put(feature.path("properties").path("code").asString(),
                    FACTORY.createMultiPolygon(polygons.toArray(Polygon[]::new)));
        }
        return shapes;
    }

    private static Polygon polygon(JsonNode rings) {
        LinearRing[] linear = new LinearRing[rings.size()];
        for (int r = 0; r < linear.length; r++) {
            JsonNode ring = rings.get(r);
            Coordinate[] coordinates = new Coordinate[ring.size()];
            for (int i = 0; i < coordinates.length; i++) {
                coordinates[i] = new Coordinate(ring.get(i).get(0).asDouble(), ring.get(i).get(1).asDouble());
            }
            linear[r] = FACTORY.createLinearRing(coordinates);
        }
        return FACTORY.createPolygon(linear[0], java.util.Arrays.copyOfRange(linear, 1, linear.length));
    }

    private static List<CSVRecord> readCsv(String file) throws IOException {
        try (Reader reader = Files.newBufferedReader(DATA.resolve(file), StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }

    // ---- helpers ---------------------------------------------------------------------------

    private static Predecessor unit(String code, String district, String... successors) {
        return new Predecessor(code, district, Set.of(successors));
    }

    private static Geometry box(double minX, double minY, double maxX, double maxY) {
        return FACTORY.toGeometry(new Envelope(minX, maxX, minY, maxY));
    }

    private static Geometry wkt(String text) throws ParseException {
        return new WKTReader(FACTORY).read(text);
    }

    private static Geometry intersection(Geometry a, Geometry b) {
        return OverlayNGRobust.overlay(a, b, OverlayNG.INTERSECTION);
    }
}
