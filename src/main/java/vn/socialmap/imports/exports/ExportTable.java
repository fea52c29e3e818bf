package vn.socialmap.imports.exports;

import java.util.List;

import org.locationtech.jts.geom.Geometry;

/**
 * A table or map layer ready to be written: named columns, rows of values (String, Number,
 * Boolean or null; null also stands for a suppressed count) and, for a layer, one WGS84
 * geometry per row.
 */
public record ExportTable(String name, List<String> columns, List<Object[]> rows, List<Geometry> geometries) {

    public boolean spatial() {
        return geometries != null;
    }
}
