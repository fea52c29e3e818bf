package vn.socialmap.imports.boundaries;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKBWriter;

/**
 * A zipped ESRI Shapefile (.shp, .dbf, .prj, optional .cpg) of polygons, read after the
 * published specification (ESRI, 1998): rings are grouped into polygons by orientation
 * (outer rings clockwise), holes go to the outer ring that contains them.
 */
final class ShapefileReader {

    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private ShapefileReader() {
    }

    static BoundaryFile read(byte[] zip, String codeField, String nameField, CoordinateSystems crs) {
        Map<String, byte[]> parts = unzip(zip);
        byte[] shp = part(parts, ".shp");
        byte[] dbf = part(parts, ".dbf");
        byte[] prj = parts.get(".prj");
        byte[] cpg = parts.get(".cpg");
        Charset charset = StandardCharsets.UTF_8;
        if (cpg != null) {
            try {
                charset = Charset.forName(new String(cpg, StandardCharsets.US_ASCII).strip());
            } catch (RuntimeException e) {
                throw new BoundaryFileException("boundaries.error.encoding", new String(cpg, StandardCharsets.US_ASCII).strip());
            }
        }
        List<Map<String, String>> records = dbf(dbf, charset);
        List<byte[]> shapes = shapes(shp);
        if (records.size() != shapes.size()) {
            throw new BoundaryFileException("boundaries.error.shapefile", "the .dbf has " + records.size()
                    + " records, the .shp " + shapes.size() + " shapes");
        }
        String prjText = prj == null ? "" : new String(prj, StandardCharsets.UTF_8).strip();
        // a .prj missing or empty says nothing: the user must name the system (metres read as degrees did harm)
        String source = prjText.isEmpty() ? null : crs.fromWkt(prjText);
        List<BoundaryFile.Feature> features = new ArrayList<>();
        for (int i = 0; i < shapes.size(); i++) {
            Map<String, String> r = records.get(i);
            String code = field(r, codeField);
            if (code == null) {
                throw new BoundaryFileException("boundaries.error.codeField", codeField, String.join(", ", r.keySet()));
            }
            features.add(new BoundaryFile.Feature(code, field(r, nameField), shapes.get(i), null));
        }
        return new BoundaryFile("Shapefile", source, source == null ? null : prjText, null, features);
    }

    private static String field(Map<String, String> record, String name) {
        for (var e : record.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    private static Map<String, byte[]> unzip(byte[] zip) {
        Map<String, byte[]> parts = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                String name = entry.getName().toLowerCase(Locale.ROOT);
                int dot = name.lastIndexOf('.');
                if (!entry.isDirectory() && dot >= 0) {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    in.transferTo(out);
                    parts.putIfAbsent(name.substring(dot), out.toByteArray());
                }
            }
        } catch (IOException e) {
            throw new BoundaryFileException("boundaries.error.zip", e.getMessage());
        }
        if (parts.isEmpty()) {
            throw new BoundaryFileException("boundaries.error.zip", "no files");
        }
        return parts;
    }

    private static byte[] part(Map<String, byte[]> parts, String extension) {
        byte[] part = parts.get(extension);
        if (part == null) {
            throw new BoundaryFileException("boundaries.error.missingPart", extension);
        }
        return part;
    }

    /** Polygons of the .shp as WKB (in the file's coordinates). */
    private static List<byte[]> shapes(byte[] shp) {
        ByteBuffer b = ByteBuffer.wrap(shp);
        if (shp.length < 100 || b.order(ByteOrder.BIG_ENDIAN).getInt(0) != 9994) {
            throw new BoundaryFileException("boundaries.error.shapefile", "not a .shp file");
        }
        long declared = 2L * b.order(ByteOrder.BIG_ENDIAN).getInt(24);
        if (declared != shp.length) {
            throw new BoundaryFileException("boundaries.error.shapefile", "the .shp is " + shp.length + " bytes, its header says "
                    + declared + " (cut short?)");
        }
        List<byte[]> shapes = new ArrayList<>();
        WKBWriter wkb = new WKBWriter(2);
        int pos = 100;
        while (pos + 8 <= shp.length) {
            int length = 2 * b.order(ByteOrder.BIG_ENDIAN).getInt(pos + 4);
            int content = pos + 8;
            if (content + length > shp.length) {
                throw new BoundaryFileException("boundaries.error.shapefile", "record at byte " + pos + " runs past the end");
            }
            b.order(ByteOrder.LITTLE_ENDIAN);
            int type = b.getInt(content);
            if (type == 0) {
                throw new BoundaryFileException("boundaries.error.shapefile", "a record has no shape");
            }
            if (type != 5 && type != 15 && type != 25) {
                throw new BoundaryFileException("boundaries.error.notPolygons", type);
            }
            int numParts = b.getInt(content + 36);
            int numPoints = b.getInt(content + 40);
            int[] starts = new int[numParts];
            for (int i = 0; i < numParts; i++) {
                starts[i] = b.getInt(content + 44 + 4 * i);
            }
            int points = content + 44 + 4 * numParts;
            List<LinearRing> shells = new ArrayList<>();
            List<LinearRing> holes = new ArrayList<>();
            for (int i = 0; i < numParts; i++) {
                int end = i + 1 < numParts ? starts[i + 1] : numPoints;
                Coordinate[] ring = new Coordinate[end - starts[i]];
                for (int k = 0; k < ring.length; k++) {
                    int at = points + 16 * (starts[i] + k);
                    ring[k] = new Coordinate(b.getDouble(at), b.getDouble(at + 8));
                }
                if (ring.length < 4) {
                    throw new BoundaryFileException("boundaries.error.shapefile", "a ring has fewer than 4 points");
                }
                LinearRing r = GEOMETRY.createLinearRing(ring);
                (Orientation.isCCW(ring) ? holes : shells).add(r);
            }
            shapes.add(wkb.write(GEOMETRY.createMultiPolygon(polygons(shells, holes))));
            pos = content + length;
        }
        return shapes;
    }

    private static Polygon[] polygons(List<LinearRing> shells, List<LinearRing> holes) {
        if (shells.isEmpty()) {
            // a file with the orientation reversed: take the rings as outer rings
            shells = holes;
            holes = List.of();
        }
        Map<LinearRing, List<LinearRing>> byShell = new LinkedHashMap<>();
        shells.forEach(s -> byShell.put(s, new ArrayList<>()));
        for (LinearRing hole : holes) {
            LinearRing owner = shells.stream().filter(s -> GEOMETRY.createPolygon(s).contains(hole.getStartPoint()))
                    .findFirst().orElse(shells.getFirst());
            byShell.get(owner).add(hole);
        }
        return byShell.entrySet().stream()
                .map(e -> GEOMETRY.createPolygon(e.getKey(), e.getValue().toArray(LinearRing[]::new))).toArray(Polygon[]::new);
    }

    private static List<Map<String, String>> dbf(byte[] dbf, Charset charset) {
        if (dbf.length < 32) {
            throw new BoundaryFileException("boundaries.error.shapefile", "the .dbf is too short");
        }
        ByteBuffer b = ByteBuffer.wrap(dbf).order(ByteOrder.LITTLE_ENDIAN);
        int count = b.getInt(4);
        int headerLength = Short.toUnsignedInt(b.getShort(8));
        int recordLength = Short.toUnsignedInt(b.getShort(10));
        List<String> names = new ArrayList<>();
        List<Integer> widths = new ArrayList<>();
        for (int at = 32; at + 32 <= headerLength && dbf[at] != 0x0D; at += 32) {
            int end = at;
            while (end < at + 11 && dbf[end] != 0) {
                end++;
            }
            names.add(new String(dbf, at, end - at, StandardCharsets.US_ASCII).strip());
            widths.add(Byte.toUnsignedInt(dbf[at + 16]));
        }
        if ((long) headerLength + (long) count * recordLength > dbf.length) {
            throw new BoundaryFileException("boundaries.error.shapefile", "the .dbf is cut short");
        }
        List<Map<String, String>> records = new ArrayList<>(count);
        for (int r = 0; r < count; r++) {
            int at = headerLength + r * recordLength + 1;
            Map<String, String> record = new LinkedHashMap<>();
            for (int f = 0; f < names.size(); f++) {
                String value = new String(dbf, at, widths.get(f), charset).strip();
                record.put(names.get(f), value.isEmpty() ? null : value);
                at += widths.get(f);
            }
            records.add(record);
        }
        return records;
    }
}
