package vn.socialmap.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

import vn.socialmap.geography.AdminLevel;
import vn.socialmap.geography.AdminUnit;
import vn.socialmap.geography.GeometrySource;

/**
 * Provinces, districts and communes that do not exist, for measuring the product at national
 * size: each province is a cell of a grid over Vietnam's extent (cells meeting a real
 * province are skipped), cut into a jittered lattice of communes grouped in blocks that are
 * the districts. Neighbours share their boundary vertices exactly, so contiguity, tiles and
 * analytics behave as on real boundaries. Every shape is marked {@link GeometrySource#GENERATED}
 * and every name says "mô phỏng" (simulated). Deterministic for a seed.
 */
final class SyntheticGeography {

    /** The 63 province codes of the GSO list (2008-2025). */
    static final List<String> PROVINCE_CODES = List.of("01", "02", "04", "06", "08", "10", "11", "12", "14", "15", "17",
            "19", "20", "22", "24", "25", "26", "27", "30", "31", "33", "34", "35", "36", "37", "38", "40", "42", "44", "45",
            "46", "48", "49", "51", "52", "54", "56", "58", "60", "62", "64", "66", "67", "68", "70", "72", "74", "75", "77",
            "79", "80", "82", "83", "84", "86", "87", "89", "91", "92", "93", "94", "95", "96");
    static final Envelope VIETNAM = new Envelope(102.2, 109.6, 8.6, 23.3);
    static final int GRID_COLUMNS = 8;
    static final int GRID_ROWS = 9;
    private static final double JITTER = 0.3;

    /** A generated province with its districts, each with its communes. */
    record Province(AdminUnit unit, List<District> districts) {
    }

    record District(AdminUnit unit, List<AdminUnit> communes) {
    }

    private final GeometryFactory factory = new GeometryFactory(new PrecisionModel(1e7), 4326);
    private final Random random;
    private final LocalDate validFrom;

    SyntheticGeography(long seed, LocalDate validFrom) {
        this.random = new Random(seed);
        this.validFrom = validFrom;
    }

    /**
     * Generates up to {@code count} provinces with the GSO codes not yet used, in grid cells
     * clear of the {@code occupied} extents, with district and commune codes not in use.
     */
    List<Province> generate(int count, Set<String> usedProvinces, Set<String> usedDistricts, Set<String> usedCommunes,
                            List<Envelope> occupied) {
        Iterator<String> provinceCodes = PROVINCE_CODES.stream().filter(c -> !usedProvinces.contains(c)).iterator();
        Codes districtCodes = new Codes(3, 1, usedDistricts);
        Codes communeCodes = new Codes(5, 1, usedCommunes);
        double cellWidth = VIETNAM.getWidth() / GRID_COLUMNS;
        double cellHeight = VIETNAM.getHeight() / GRID_ROWS;
        List<Province> provinces = new ArrayList<>();
        for (int row = 0; row < GRID_ROWS && provinces.size() < count; row++) {
            for (int col = 0; col < GRID_COLUMNS && provinces.size() < count && provinceCodes.hasNext(); col++) {
                double north = VIETNAM.getMaxY() - row * cellHeight;
                Envelope cell = new Envelope(VIETNAM.getMinX() + col * cellWidth, VIETNAM.getMinX() + (col + 1) * cellWidth,
                        north - cellHeight, north);
                if (occupied.stream().noneMatch(cell::intersects)) {
                    provinces.add(province(provinceCodes.next(), cell, districtCodes, communeCodes));
                }
            }
        }
        return provinces;
    }

    private Province province(String code, Envelope cell, Codes districtCodes, Codes communeCodes) {
        int[][] districtGrids = {{3, 3}, {3, 4}, {4, 3}, {4, 4}};
        int[][] communeGrids = {{3, 4}, {4, 4}, {4, 3}, {3, 5}};
        int[] d = districtGrids[random.nextInt(districtGrids.length)];
        int[] c = communeGrids[random.nextInt(communeGrids.length)];
        int columns = d[0] * c[0];
        int rows = d[1] * c[1];
        Coordinate[][] v = lattice(cell, columns, rows);
        AdminUnit province = unit(code, AdminLevel.PROVINCE, "Tỉnh mô phỏng " + code, "Tỉnh", null, code,
                block(v, 0, 0, columns, rows));
        List<District> districts = new ArrayList<>();
        int districtNumber = 0;
        for (int dy = 0; dy < d[1]; dy++) {
            for (int dx = 0; dx < d[0]; dx++) {
                districtNumber++;
                String districtCode = districtCodes.next();
                String districtName = String.format(Locale.ROOT, "Huyện mô phỏng %s-%02d", code, districtNumber);
                AdminUnit district = unit(districtCode, AdminLevel.DISTRICT, districtName, "Huyện", code, code,
                        block(v, dx * c[0], dy * c[1], c[0], c[1]));
                List<AdminUnit> communes = new ArrayList<>();
                for (int cy = 0; cy < c[1]; cy++) {
                    for (int cx = 0; cx < c[0]; cx++) {
                        String name = String.format(Locale.ROOT, "Xã mô phỏng %s-%02d-%02d", code, districtNumber, communes.size() + 1);
                        communes.add(unit(communeCodes.next(), AdminLevel.COMMUNE, name, "Xã", districtCode, code,
                                block(v, dx * c[0] + cx, dy * c[1] + cy, 1, 1)));
                    }
                }
                districts.add(new District(district, communes));
            }
        }
        return new Province(province, districts);
    }

    /** Lattice vertices [column][row] over the cell; inner vertices jittered, the cell's edges kept straight. */
    private Coordinate[][] lattice(Envelope cell, int columns, int rows) {
        double w = cell.getWidth() / columns;
        double h = cell.getHeight() / rows;
        Coordinate[][] v = new Coordinate[columns + 1][rows + 1];
        for (int i = 0; i <= columns; i++) {
            for (int j = 0; j <= rows; j++) {
                double x = cell.getMinX() + i * w;
                double y = cell.getMinY() + j * h;
                if (i > 0 && i < columns) {
                    x += (random.nextDouble() * 2 - 1) * JITTER * w;
                }
                if (j > 0 && j < rows) {
                    y += (random.nextDouble() * 2 - 1) * JITTER * h;
                }
                v[i][j] = new Coordinate(x, y);
            }
        }
        return v;
    }

    /** The polygon around a block of lattice cells, walking its perimeter counter-clockwise through every vertex. */
    private MultiPolygon block(Coordinate[][] v, int i0, int j0, int width, int height) {
        List<Coordinate> ring = new ArrayList<>();
        for (int i = i0; i < i0 + width; i++) {
            ring.add(v[i][j0]);
        }
        for (int j = j0; j < j0 + height; j++) {
            ring.add(v[i0 + width][j]);
        }
        for (int i = i0 + width; i > i0; i--) {
            ring.add(v[i][j0 + height]);
        }
        for (int j = j0 + height; j > j0; j--) {
            ring.add(v[i0][j]);
        }
        ring.add(v[i0][j0]);
        List<Coordinate> rounded = ring.stream().map(c -> {
            Coordinate copy = new Coordinate(c);
            factory.getPrecisionModel().makePrecise(copy);
            return copy;
        }).toList();
        Polygon polygon = factory.createPolygon(rounded.toArray(Coordinate[]::new));
        return factory.createMultiPolygon(new Polygon[] {polygon});
    }

    private AdminUnit unit(String code, AdminLevel level, String name, String type, String parent, String province,
                           MultiPolygon geometry) {
        return new AdminUnit(code, level, name, type, parent, province, geometry, GeometrySource.GENERATED, validFrom);
    }

    /** Fixed-width numeric codes in order, skipping those in use. */
    private static final class Codes {
        private final int width;
        private final Set<String> used;
        private int next;

        Codes(int width, int first, Set<String> used) {
            this.width = width;
            this.next = first;
            this.used = used;
        }

        String next() {
            while (true) {
                String code = String.format(Locale.ROOT, "%0" + width + "d", next++);
                if (code.length() > width) {
                    throw new IllegalStateException("No free " + width + "-digit code left");
                }
                if (!used.contains(code)) {
                    return code;
                }
            }
        }
    }
}
