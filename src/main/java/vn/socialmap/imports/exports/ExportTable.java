package vn.socialmap.imports.exports;

import java.util.List;

import org.locationtech.jts.geom.Geometry;

/**
 * A table or map layer ready to be written: named columns, rows of values (String, Number,
 * Boolean, {@link Hidden} or null) and, for a layer, one WGS84 geometry per row.
 */
public record ExportTable(String name, List<String> columns, List<Object[]> rows, List<Geometry> geometries) {

    public boolean spatial() {
        return geometries != null;
    }

    /** The same table with its columns headed for people (a spreadsheet's first row). */
    public ExportTable headed(java.util.function.UnaryOperator<String> heading) {
        return new ExportTable(name, columns.stream().map(heading).toList(), rows, geometries);
    }

    /**
     * A count kept back by disclosure control. Spreadsheets (CSV, XLSX), which people read, say so
     * ("<5"), so that it is not taken for an empty cell; GeoJSON and GeoPackage, which programs
     * read, write null, as the API documents.
     */
    public record Hidden(String text) {

        @Override
        public String toString() {
            return text;
        }
    }

    /** The value as a program reads it: a hidden count is null. */
    static Object forPrograms(Object value) {
        return value instanceof Hidden ? null : value;
    }
}
