package vn.socialmap.imports.exports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.socialmap.analytics.AnalyticsIndicator;
import vn.socialmap.base.web.InvalidRequestException;
import vn.socialmap.base.web.QueryParameters;
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

    ExportController(ExportService exports, ExportWriters writers, AdminUnitService units, AdminStructures structures) {
        this.structures = structures;
        this.exports = exports;
        this.writers = writers;
        this.units = units;
    }

    @GetMapping("/api/v1/exports/{dataset}")
    @Operation(summary = "A map layer or table as a file",
            description = "dataset: admin-units, status-counts, facilities, hotspots (Gi*, queen), persons (roles that see"
                    + " persons; their area only; recorded as an export). format: geojson, gpkg, csv or xlsx. Suppressed"
                    + " counts are empty cells / null properties. Units are those in force on `unitsAsOf` (default `date`,"
                    + " default today), each row with its `structure`; status counts carry each unit's population and"
                    + " people on record per 100,000 residents where the population is known.")
    ResponseEntity<byte[]> export(HttpServletRequest request,
                                  @Parameter(example = "status-counts") @PathVariable String dataset,
                                  @Parameter(example = "gpkg") @RequestParam(required = false) String format,
                                  @RequestParam(required = false) String province,
                                  @RequestParam(required = false) String level,
                                  @RequestParam(required = false) String date,
                                  @RequestParam(required = false) String unitsAsOf,
                                  @RequestParam(required = false) List<String> type,
                                  @RequestParam(required = false) String status,
                                  @RequestParam(required = false) String district,
                                  @RequestParam(required = false) String indicator) throws IOException {
        QueryParameters.requireOnly(request, Set.of("format", "province", "level", "date", "unitsAsOf", "type", "status", "district",
                "indicator"));
        ExportService.Dataset which;
        try {
            which = ExportService.Dataset.valueOf(dataset.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("dataset", "dataset must be admin-units, status-counts, facilities, hotspots or persons");
        }
        ExportFormat f = format == null ? ExportFormat.GEOJSON : ExportFormat.of(format)
                .orElseThrow(() -> new InvalidRequestException("format", "format must be geojson, gpkg, csv or xlsx"));
        LocalDate on = date == null ? units.today() : parse("date", date);
        LocalDate shownOn = unitsAsOf == null ? on : parse("unitsAsOf", unitsAsOf);
        if (!units.isProvince(province, shownOn)) {
            throw new InvalidRequestException("province", "Unknown or missing province code '" + province + "' on " + shownOn);
        }
        AdminLevel l = level == null ? structures.on(shownOn).levels().get(1) : AdminLevel.fromApiName(level)
                .filter(x -> x != AdminLevel.PROVINCE)
                .orElseThrow(() -> new InvalidRequestException("level", "level must be district or commune"));
        List<FacilityType> types = new ArrayList<>();
        for (String t : type == null ? List.<String>of() : type) {
            try {
                types.add(FacilityType.valueOf(t.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException("type", "Unknown facility type '" + t + "'");
            }
        }
        PathStatus s = null;
        if (status != null) {
            try {
                s = PathStatus.valueOf(status.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException("status", "Unknown status '" + status + "'");
            }
        }
        AnalyticsIndicator i = indicator == null ? AnalyticsIndicator.PERSONS : AnalyticsIndicator.fromCode(indicator)
                .orElseThrow(() -> new InvalidRequestException("indicator", "Unknown indicator '" + indicator + "'"));
        ExportTable table = exports.table(which, new ExportService.Request(province, l, on, types, s, district, i, shownOn));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writers.write(table, f, out);
        String fileName = table.name() + "-" + province + "-" + on + (shownOn.equals(on) ? "" : "-units-" + shownOn)
                + "." + f.extension();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(f.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(out.toByteArray());
    }

    private static LocalDate parse(String name, String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(name, name + " must be YYYY-MM-DD, got '" + value + "'");
        }
    }
}
