package vn.socialmap.imports.exports;

/** The file formats of exports, with their media types and file extensions. */
public enum ExportFormat implements vn.socialmap.base.web.ApiValue {
    GEOJSON("application/geo+json", "geojson"),
    GPKG("application/geopackage+sqlite3", "gpkg"),
    CSV("text/csv;charset=UTF-8", "csv"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    private final String mediaType;
    private final String extension;

    ExportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    @Override
    public String apiValue() {
        return extension;
    }
}
