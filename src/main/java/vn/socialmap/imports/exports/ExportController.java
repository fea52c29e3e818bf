package vn.socialmap.imports.exports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.socialmap.analytics.AnalyticsIndicator;
import vn.socialmap.base.ui.i18n.Translations;
import vn.socialmap.base.web.ApiValue;
import vn.socialmap.base.web.InvalidRequestException;
import vn.socialmap.cases.PathStatus;
import vn.socialmap.facilities.FacilityType;
import vn.socialmap.geography.AdminLevel;
import vn.socialmap.geography.AdminStructures;
import vn.socialmap.geography.AdminUnitService;

@RestController
@Tag(name = "Exports", description = "Map layers and tables as GeoJSON, GeoPackage, CSV or XLSX, scoped and suppressed")
class ExportController {

    private final ExportService exports;
    private final ExportWriters writers;
    private final AdminUnitService units;
    private final AdminStructures structures;
    private final Translations translations;

    ExportController(ExportService exports, ExportWriters writers, AdminUnitService units, AdminStructures structures,
                     Translations translations) {
        this.translations = translations;
        this.structures = structures;
        this.exports = exports;
        this.writers = writers;
        this.units = units;
    }

    /** How a spreadsheet's columns are headed. */
    enum Headings implements ApiValue {
        CODES, VI, EN
    }

    /** A column's heading in words: the status columns by the statuses' names, the others by export.column.*. */
    private String heading(String column, Headings headings) {
        java.util.Locale locale = headings == Headings.EN ? Translations.ENGLISH : Translations.VIETNAMESE;
        String upper = column.toUpperCase(java.util.Locale.ROOT);
        boolean status = java.util.Arrays.stream(PathStatus.values()).anyMatch(s -> s.name().equals(upper));
        return translations.getTranslation(status ? "status." + upper : "export.column." + column, locale);
    }

    @GetMapping("/api/v1/exports/{dataset}")
    @Operation(summary = "A map layer or table as a file",
            description = "dataset: admin-units, status-counts, facilities, hotspots (Gi*, queen), persons (roles that see"
                    + " persons; their area only; recorded as an export). format: geojson, gpkg, csv or xlsx. Suppressed"
                    + " counts read \"<5\" in CSV and XLSX (the disclosure threshold), null in GeoJSON and GeoPackage."
                    + " Units are those in force on `unitsAsOf` (default `date`, default today), each row with its `structure`; status counts carry each unit's population and"
                    + " people on record per 100,000 residents where the population is known.")
    ResponseEntity<byte[]> export(@Parameter(example = "status-counts") @PathVariable ExportService.Dataset dataset,
                                  @Parameter(example = "gpkg") @RequestParam(defaultValue = "geojson") ExportFormat format,
                                  @RequestParam(required = false) String province,
                                  @RequestParam(required = false) AdminLevel level,
                                  @RequestParam(required = false) LocalDate date,
                                  @RequestParam(required = false) LocalDate unitsAsOf,
                                  @RequestParam(required = false) List<FacilityType> type,
                                  @RequestParam(required = false) PathStatus status,
                                  @RequestParam(required = false) String district,
                                  @RequestParam(defaultValue = "persons") AnalyticsIndicator indicator,
                                  @Parameter(description = "CSV and XLSX: the first row's headings, as codes (default, for"
                                          + " programs) or in Vietnamese or English words (for people)", example = "vi")
                                  @RequestParam(defaultValue = "codes") Headings headings) throws IOException {
        LocalDate on = date == null ? units.today() : date;
        LocalDate shownOn = unitsAsOf == null ? on : unitsAsOf;
        if (!units.isProvince(province, shownOn)) {
            throw new InvalidRequestException("province", "Unknown or missing province code '" + province + "' on " + shownOn);
        }
        if (level == AdminLevel.PROVINCE) {
            throw new InvalidRequestException("level", "level must be district or commune");
        }
        AdminLevel l = level == null ? structures.on(shownOn).levels().get(1) : level;
        List<FacilityType> types = type == null ? List.of() : type.stream().filter(java.util.Objects::nonNull).toList();
        ExportTable table = exports.table(dataset, new ExportService.Request(province, l, on, types, status, district, indicator,
                shownOn));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean spreadsheet = format == ExportFormat.CSV || format == ExportFormat.XLSX;
        writers.write(spreadsheet && headings != Headings.CODES ? table.headed(c -> heading(c, headings)) : table, format, out);
        String fileName = table.name() + "-" + province + "-" + on + (shownOn.equals(on) ? "" : "-units-" + shownOn)
                + "." + format.extension();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(format.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(out.toByteArray());
    }
}
