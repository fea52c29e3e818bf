package vn.socialmap.courts;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.socialmap.base.NotFoundException;
import vn.socialmap.base.web.InvalidRequestException;
import vn.socialmap.geography.AdminStructures;
import vn.socialmap.geography.AdminUnitService;

@RestController
@RequestMapping("/api/v1/courts")
@Tag(name = "Regional courts", description = "Regional People's Courts and the communes of their areas (admins keep the table)")
class CourtController {

    private final RegionalCourts courts;
    private final AdminUnitService units;
    private final AdminStructures structures;

    CourtController(RegionalCourts courts, AdminUnitService units, AdminStructures structures) {
        this.courts = courts;
        this.units = units;
        this.structures = structures;
    }

    /** A court with the communes of its area today. */
    record CourtView(String code, String name, String provinceCode, String source, List<CourtCommune> communes) {
    }

    @GetMapping
    @Operation(summary = "The regional courts of a province with the communes of their areas today")
    List<CourtView> list(@RequestParam(required = false) String province) {
        if (!units.isProvince(province)) {
            throw new InvalidRequestException("province", "Unknown or missing province code '" + province + "'");
        }
        LocalDate today = structures.today();
        return courts.courts(province).stream().map(c -> view(c, today)).toList();
    }

    @GetMapping("/for-commune/{communeCode}")
    @Operation(summary = "The court whose area covers a commune of today on a date (default today); 404 when none is known")
    CourtView forCommune(
            @Parameter(description = "commune code (today's structure)", example = "00004") @PathVariable String communeCode,
            @RequestParam(required = false) LocalDate date) {
        LocalDate day = date == null ? structures.today() : date;
        if (units.find(new vn.socialmap.geography.UnitRef(structures.on(day).code(), communeCode))
                .filter(u -> u.getLevel() == vn.socialmap.geography.AdminLevel.COMMUNE).isEmpty()) {
            throw new InvalidRequestException("communeCode", "No commune '" + communeCode + "' in the structure of " + day);
        }
        RegionalCourt court = courts.courtFor(communeCode, day)
                .orElseThrow(() -> new NotFoundException("No regional court known for commune " + communeCode + " on " + day));
        return view(court, day);
    }

    @PutMapping("/{code}/communes/{communeCode}")
    @Operation(summary = "Admin: put a commune of today into the court's area (409 when another court has it)")
    CourtCommune add(@Parameter(description = "regional court code", example = "HN-KV1") @PathVariable String code,
            @Parameter(description = "commune code (today's structure)", example = "00004") @PathVariable String communeCode,
            @RequestBody(required = false) CourtCommuneForm form) {
        return courts.addCommune(code, communeCode, form);
    }

    @DeleteMapping("/{code}/communes/{communeCode}")
    @Operation(summary = "Admin: take a commune out of the court's area")
    ResponseEntity<Void> remove(@Parameter(description = "regional court code", example = "HN-KV1") @PathVariable String code,
            @Parameter(description = "commune code (today's structure)", example = "00004") @PathVariable String communeCode) {
        courts.removeCommune(code, communeCode);
        return ResponseEntity.noContent().build();
    }

    private CourtView view(RegionalCourt c, LocalDate day) {
        return new CourtView(c.code(), c.name(), c.provinceCode(), c.source(), courts.communes(c.code(), day));
    }
}
