package vn.socialmap.imports.boundaries;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The first feature table of a GeoPackage (OGC 12-128r18), read with SQLite: geometry
 * blobs are the GeoPackage header (magic "GP", flags, SRS id, optional envelope) followed
 * by standard WKB; the coordinate system comes from gpkg_spatial_ref_sys.
 */
final class GeoPackageReader {

    private GeoPackageReader() {
    }

    static BoundaryFile read(byte[] file, String codeField, String nameField, CoordinateSystems crs) {
        if (file.length < 16 || !new String(file, 0, 15, java.nio.charset.StandardCharsets.US_ASCII).equals("SQLite format 3")) {
            throw new BoundaryFileException("boundaries.error.geopackage", "not an SQLite file");
        }
        Path temp = null;
        try {
            temp = Files.createTempFile("boundaries", ".gpkg");
            Files.write(temp, file);
            try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + temp.toAbsolutePath() + "?open_mode=1")) {
                return read(db, codeField, nameField, crs);
            }
        } catch (SQLException e) {
            throw new BoundaryFileException("boundaries.error.geopackage", e.getMessage());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a temporary file; the system cleans it up
                }
            }
        }
    }

    private static BoundaryFile read(Connection db, String codeField, String nameField, CoordinateSystems crs) throws SQLException {
        String table;
        String column;
        int srsId;
        try (ResultSet r = db.createStatement().executeQuery(
                "select table_name, column_name, srs_id from gpkg_geometry_columns order by table_name limit 1")) {
            if (!r.next()) {
                throw new BoundaryFileException("boundaries.error.geopackage", "no feature table");
            }
            table = r.getString(1);
            column = r.getString(2);
            srsId = r.getInt(3);
        }
        String source = null;
        String label = null;
        // srs_id -1 and 0 are the specification's "undefined" Cartesian and geographic systems: the user must say
        if (srsId > 0) {
            try (var s = db.prepareStatement("select organization, organization_coordsys_id, definition, srs_name "
                    + "from gpkg_spatial_ref_sys where srs_id = ?")) {
                s.setInt(1, srsId);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        throw new BoundaryFileException("boundaries.error.crs", "srs_id " + srsId);
                    }
                    label = r.getString(4);
                    source = "EPSG".equalsIgnoreCase(r.getString(1)) && crs.epsg(r.getInt(2)).isPresent()
                            ? crs.epsg(r.getInt(2)).orElseThrow() : crs.fromWkt(r.getString(3));
                }
            }
        }
        List<BoundaryFile.Feature> features = new ArrayList<>();
        try (ResultSet r = db.createStatement().executeQuery("select * from \"" + table.replace("\"", "\"\"") + "\"")) {
            int codeColumn = columnIndex(r, codeField);
            int nameColumn = columnIndex(r, nameField);
            if (codeColumn < 0) {
                List<String> names = new ArrayList<>();
                for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                    names.add(r.getMetaData().getColumnName(i));
                }
                throw new BoundaryFileException("boundaries.error.codeField", codeField, String.join(", ", names));
            }
            while (r.next()) {
                byte[] blob = r.getBytes(column);
                features.add(new BoundaryFile.Feature(r.getString(codeColumn), nameColumn < 0 ? null : r.getString(nameColumn),
                        wkb(blob), null));
            }
        }
        return new BoundaryFile("GeoPackage", source, label, null, features);
    }

    private static int columnIndex(ResultSet r, String name) throws SQLException {
        for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
            if (r.getMetaData().getColumnName(i).equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The WKB inside a GeoPackage geometry blob. */
    static byte[] wkb(byte[] blob) {
        if (blob == null || blob.length < 8 || blob[0] != 'G' || blob[1] != 'P') {
            throw new BoundaryFileException("boundaries.error.geopackage", "a geometry is not a GeoPackage blob");
        }
        int flags = blob[3];
        int envelope = switch ((flags >> 1) & 0x07) {
            case 0 -> 0;
            case 1 -> 32;
            case 2, 3 -> 48;
            case 4 -> 64;
            default -> throw new BoundaryFileException("boundaries.error.geopackage", "bad envelope flag");
        };
        ByteBuffer.wrap(blob).order((flags & 1) == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        return Arrays.copyOfRange(blob, 8 + envelope, blob.length);
    }
}
