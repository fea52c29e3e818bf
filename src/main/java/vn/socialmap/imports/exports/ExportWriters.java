package vn.socialmap.imports.exports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

import vn.socialmap.base.geojson.GeoJson;

/** Writes an {@link ExportTable} in each export format. */
@Component
public class ExportWriters {

    /** WGS 84 as GeoPackage's gpkg_spatial_ref_sys expects it (OGC WKT 1). */
    static final String WGS84_WKT = "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563,"
            + "AUTHORITY[\"EPSG\",\"7030\"]],AUTHORITY[\"EPSG\",\"6326\"]],PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],"
            + "UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],AUTHORITY[\"EPSG\",\"4326\"]]";

    private final ObjectMapper json;

    ExportWriters(ObjectMapper json) {
        this.json = json;
    }

    public void write(ExportTable table, ExportFormat format, OutputStream out) throws IOException {
        switch (format) {
            case CSV -> csv(table, out);
            case XLSX -> xlsx(table, out);
            case GEOJSON -> geoJson(table, out);
            case GPKG -> geoPackage(table, out);
        }
    }

    /** UTF-8 with a byte order mark, so that Excel reads Vietnamese correctly; cells that would start a formula stay text. */
    private static void csv(ExportTable table, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write('\uFEFF');
        var csv = vn.socialmap.base.SpreadsheetCsv.printer(w);
        vn.socialmap.base.SpreadsheetCsv.row(csv, table.columns().toArray());
        for (Object[] row : table.rows()) {
            vn.socialmap.base.SpreadsheetCsv.row(csv, row);
        }
        csv.flush();
    }

    private static void xlsx(ExportTable table, OutputStream out) throws IOException {
        try (SXSSFWorkbook book = new SXSSFWorkbook(500)) {
            var sheet = book.createSheet(table.name().length() > 31 ? table.name().substring(0, 31) : table.name());
            Row header = sheet.createRow(0);
            for (int c = 0; c < table.columns().size(); c++) {
                header.createCell(c).setCellValue(table.columns().get(c));
            }
            int r = 1;
            for (Object[] row : table.rows()) {
                Row x = sheet.createRow(r++);
                for (int c = 0; c < row.length; c++) {
                    Object v = row[c];
                    if (v instanceof Number n) {
                        x.createCell(c).setCellValue(n.doubleValue());
                    } else if (v instanceof Boolean b) {
                        x.createCell(c).setCellValue(b);
                    } else if (v != null) {
                        // POI writes strings as text, never formulas: no quoting needed
                        x.createCell(c).setCellValue(v.toString());
                    }
                }
            }
            book.write(out);
        }
    }

    private void geoJson(ExportTable table, OutputStream out) throws IOException {
        List<GeoJson.Feature> features = new ArrayList<>(table.rows().size());
        for (int i = 0; i < table.rows().size(); i++) {
            Map<String, Object> props = new LinkedHashMap<>();
            for (int c = 0; c < table.columns().size(); c++) {
                props.put(table.columns().get(c), ExportTable.forPrograms(table.rows().get(i)[c]));
            }
            Geometry g = table.spatial() ? table.geometries().get(i) : null;
            features.add(new GeoJson.Feature(null, g == null ? null : GeoJson.geometry(g), props));
        }
        json.writeValue(out, new GeoJson.FeatureCollection(features));
    }

    /** An OGC GeoPackage 1.3 with one feature table (or attribute table when there are no geometries). */
    private static void geoPackage(ExportTable table, OutputStream out) throws IOException {
        Path file = Files.createTempFile("export", ".gpkg");
        Files.delete(file);
        try {
            try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
                db.setAutoCommit(false);
                writeGeoPackage(db, table);
                db.commit();
            }
            Files.copy(file, out);
        } catch (SQLException e) {
            throw new IOException("Cannot write the GeoPackage: " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void writeGeoPackage(Connection db, ExportTable table) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("PRAGMA application_id = 1196444487");
            s.execute("PRAGMA user_version = 10300");
            s.execute("""
                    CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY,
                      organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL,
                      description TEXT)""");
            s.execute("INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', NULL)");
            s.execute("INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', NULL)");
            s.execute("INSERT INTO gpkg_spatial_ref_sys VALUES ('WGS 84 geodetic', 4326, 'EPSG', 4326, '" + WGS84_WKT + "', NULL)");
            s.execute("""
                    CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL,
                      identifier TEXT UNIQUE, description TEXT DEFAULT '',
                      last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
                      min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE,
                      srs_id INTEGER REFERENCES gpkg_spatial_ref_sys(srs_id))""");
            s.execute("""
                    CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL,
                      geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
                      CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name))""");
            StringBuilder create = new StringBuilder("CREATE TABLE \"" + table.name() + "\" (fid INTEGER PRIMARY KEY AUTOINCREMENT");
            if (table.spatial()) {
                create.append(", geom GEOMETRY");
            }
            for (int c = 0; c < table.columns().size(); c++) {
                create.append(", \"").append(table.columns().get(c).replace("\"", "")).append("\" ").append(sqliteType(table, c));
            }
            s.execute(create.append(")").toString());
        }
        Envelope extent = new Envelope();
        if (table.spatial()) {
            table.geometries().stream().filter(g -> g != null).forEach(g -> extent.expandToInclude(g.getEnvelopeInternal()));
        }
        try (PreparedStatement p = db.prepareStatement("INSERT INTO gpkg_contents (table_name, data_type, identifier, min_x, min_y, "
                + "max_x, max_y, srs_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            p.setString(1, table.name());
            p.setString(2, table.spatial() ? "features" : "attributes");
            p.setString(3, table.name());
            if (table.spatial() && !extent.isNull()) {
                p.setDouble(4, extent.getMinX());
                p.setDouble(5, extent.getMinY());
                p.setDouble(6, extent.getMaxX());
                p.setDouble(7, extent.getMaxY());
                p.setInt(8, 4326);
            } else {
                for (int i = 4; i <= 8; i++) {
                    p.setObject(i, null);
                }
            }
            p.executeUpdate();
        }
        if (table.spatial()) {
            try (PreparedStatement p = db.prepareStatement("INSERT INTO gpkg_geometry_columns VALUES (?, 'geom', ?, 4326, 0, 0)")) {
                p.setString(1, table.name());
                p.setString(2, geometryType(table));
                p.executeUpdate();
            }
        }
        int offset = table.spatial() ? 1 : 0;
        StringBuilder insert = new StringBuilder("INSERT INTO \"" + table.name() + "\" (" + (table.spatial() ? "geom" : ""));
        for (int c = 0; c < table.columns().size(); c++) {
            insert.append(c + offset > 0 ? ", " : "").append('"').append(table.columns().get(c).replace("\"", "")).append('"');
        }
        insert.append(") VALUES (").append("?, ".repeat(table.columns().size() + offset - 1)).append("?)");
        WKBWriter wkb = new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN);
        try (PreparedStatement p = db.prepareStatement(insert.toString())) {
            for (int r = 0; r < table.rows().size(); r++) {
                if (table.spatial()) {
                    Geometry g = table.geometries().get(r);
                    p.setBytes(1, g == null ? null : blob(wkb.write(g)));
                }
                Object[] row = table.rows().get(r);
                for (int c = 0; c < row.length; c++) {
                    p.setObject(c + 1 + offset, row[c] instanceof Boolean b ? (b ? 1 : 0) : ExportTable.forPrograms(row[c]));
                }
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    /** GeoPackage geometry: "GP", version 0, flags (little-endian, no envelope), SRS id, then WKB. */
    static byte[] blob(byte[] wkb) {
        ByteBuffer b = ByteBuffer.allocate(8 + wkb.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'G').put((byte) 'P').put((byte) 0).put((byte) 0x01).putInt(4326).put(wkb);
        return b.array();
    }

    private static String geometryType(ExportTable table) {
        var types = table.geometries().stream().filter(g -> g != null).map(g -> g.getGeometryType().toUpperCase()).distinct().toList();
        return types.size() == 1 ? types.getFirst() : "GEOMETRY";
    }

    private static String sqliteType(ExportTable table, int column) {
        for (Object[] row : table.rows()) {
            Object v = ExportTable.forPrograms(row[column]);
            if (v instanceof Integer || v instanceof Long || v instanceof Boolean) {
                return "INTEGER";
            }
            if (v instanceof Number) {
                return "DOUBLE";
            }
            if (v != null) {
                return "TEXT";
            }
        }
        return "TEXT";
    }
}
