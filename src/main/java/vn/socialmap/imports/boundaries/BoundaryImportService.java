package vn.socialmap.imports.boundaries;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

import vn.socialmap.audit.AuditAction;
import vn.socialmap.audit.AuditLog;
import vn.socialmap.base.NotFoundException;
import vn.socialmap.base.ValidationException;
import vn.socialmap.geography.AdminLevel;
import vn.socialmap.geography.AdminStructure;
import vn.socialmap.geography.AdminStructures;
import vn.socialmap.geography.UnitRef;
import vn.socialmap.geography.AdminUnitService;
import vn.socialmap.geography.AdminUnitVersions;
import vn.socialmap.security.CurrentUser;
import vn.socialmap.security.Role;

/**
 * Official boundaries in three steps: read and check (the file is staged in WGS84 and a
 * report says what is wrong before anything changes), preview, then commit (every unit of
 * the file becomes a new version of its current unit, in one transaction) or cancel.
 */
@Service
public class BoundaryImportService {

    private final JdbcClient jdbc;
    private final CoordinateSystems crs;
    private final ObjectMapper json;
    private final AdminUnitService units;
    private final AdminUnitVersions versions;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final Clock clock;
    private final AdminStructures structures;
    private final BoundaryImportSettings settings;

    BoundaryImportService(JdbcClient jdbc, CoordinateSystems crs, ObjectMapper json, AdminUnitService units,
                          AdminUnitVersions versions, CurrentUser currentUser, AuditLog audit, Clock clock, AdminStructures structures,
                          BoundaryImportSettings settings) {
        this.settings = settings;
        this.jdbc = jdbc;
        this.crs = crs;
        this.json = json;
        this.units = units;
        this.versions = versions;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
        this.structures = structures;
    }

    /**
     * What the user chose besides the file.
     *
     * @param toleranceM2 overlaps and gaps smaller than this are ignored
     * @param structure   the structure whose units the file's shapes are for (codes are reused across
     *                    structures); null: the one in force today
     * @param chosenEpsg  the coordinate system the user says the file is in, one of
     *                    {@link CoordinateSystems#choices()}; used only when the file names none
     *                    itself; null: none chosen
     */
    public record Options(String provinceCode, AdminLevel level, String codeField, String nameField, double toleranceM2,
                          String structure, Integer chosenEpsg) {

        public Options(String provinceCode, AdminLevel level, String codeField, String nameField, double toleranceM2) {
            this(provinceCode, level, codeField, nameField, toleranceM2, null, null);
        }

        public Options(String provinceCode, AdminLevel level, String codeField, String nameField, double toleranceM2,
                       String structure) {
            this(provinceCode, level, codeField, nameField, toleranceM2, structure, null);
        }

        Options withStructure(String code) {
            return new Options(provinceCode, level, codeField, nameField, toleranceM2, code, chosenEpsg);
        }
    }

    public record Invalid(String code, String reason, boolean repaired) {
    }

    public record Overlap(String first, String second, double areaM2) {
    }

    public record Gap(double lon, double lat, double areaM2) {
    }

    /** {@code large}: beyond {@link BoundaryImportSettings#largeChangePercent()}. */
    public record Change(String code, String name, double changedPercent, boolean large) {
    }

    /** A shape that comes no nearer than the margin to its province, {@code distanceM} away. */
    public record Outside(String code, String name, double distanceM) {
    }

    /**
     * The checks of a staged file; {@code committable} when no code is unknown or repeated, every
     * shape is usable and none lies outside the province. {@code sourceCrs} is the system the
     * coordinates were read in: the file's own (its text), or {@code chosenEpsg} when the file
     * named none and the user chose it. {@code confirmationNeeded}: some shape changes by more
     * than {@code largeChangePercent}, and a commit must say it was confirmed.
     */
    public record Report(long importId, String format, String sourceCrs, Integer chosenEpsg, int features,
                         List<String> unknownCodes, List<String> missingUnits, List<String> duplicateCodes, List<Invalid> invalid,
                         List<Overlap> overlaps, List<Gap> gaps, List<Change> changes, List<Outside> outside,
                         double largeChangePercent, boolean confirmationNeeded, boolean committable, String status) {

        public Report {
            // reports stored before a check existed carry no list for it
            unknownCodes = orEmpty(unknownCodes);
            missingUnits = orEmpty(missingUnits);
            duplicateCodes = orEmpty(duplicateCodes);
            invalid = orEmpty(invalid);
            overlaps = orEmpty(overlaps);
            gaps = orEmpty(gaps);
            changes = orEmpty(changes);
            outside = orEmpty(outside);
        }

        private static <T> List<T> orEmpty(List<T> list) {
            return list == null ? List.of() : list;
        }

        Report withStatus(String newStatus) {
            return new Report(importId, format, sourceCrs, chosenEpsg, features, unknownCodes, missingUnits, duplicateCodes,
                    invalid, overlaps, gaps, changes, outside, largeChangePercent, confirmationNeeded, committable, newStatus);
        }
    }

    /** The coordinate system a file is read in, and whether the user chose it. */
    private record Source(String proj, String label, Integer chosenEpsg) {
    }

    /** Reads, transforms and checks a file; a file that cannot be read stages nothing. */
    @Transactional
    public Report stage(byte[] file, String fileName, Options requested) {
        requireAdmin();
        if (requested.structure() != null && structures.find(requested.structure()).isEmpty()) {
            throw new ValidationException("structure", "boundaries.error.structure", requested.structure());
        }
        Options options = requested.structure() != null ? requested : requested.withStructure(structures.current().code());
        if (options.level() != AdminLevel.DISTRICT && options.level() != AdminLevel.COMMUNE) {
            throw new ValidationException("level", "boundaries.error.level");
        }
        if (options.level() == AdminLevel.DISTRICT && !structures.require(options.structure()).hasDistricts()) {
            throw new ValidationException("level", "boundaries.error.noDistricts");
        }
        if (units.find(options.provinceCode()).filter(u -> u.getLevel() == AdminLevel.PROVINCE).isEmpty()) {
            throw new ValidationException("province", "boundaries.error.province", options.provinceCode());
        }
        BoundaryFile boundaries = read(file, fileName, options);
        if (boundaries.features().isEmpty()) {
            throw new BoundaryFileException("boundaries.error.empty");
        }
        Source source = source(boundaries, options);
        if (CoordinateSystems.geographic(source.proj())) {
            requireDegrees(boundaries);
        }
        long id = jdbc.sql("""
                insert into boundary_import (province_code, level, file_name, format, source_crs, tolerance_m2, status,
                                             created_by, created_at, structure)
                values (:p, :l, :f, :fmt, :crs, :t, 'PENDING', :by, :at, :s) returning id""")
                .param("p", options.provinceCode()).param("l", options.level().name()).param("s", options.structure())
                .param("f", fileName == null ? "" : fileName.length() > 300 ? fileName.substring(0, 300) : fileName)
                .param("fmt", boundaries.format()).param("crs", source.proj()).param("t", options.toleranceM2())
                .param("by", currentUser.require().getUsername()).param("at", Timestamp.from(clock.instant()))
                .query(Long.class).single();
        int position = 0;
        for (BoundaryFile.Feature f : boundaries.features()) {
            String read = f.wkb() != null ? "ST_GeomFromWKB(:wkb)" : "ST_GeomFromGeoJSON(:geojson)";
            try {
                jdbc.sql("insert into boundary_import_unit (import_id, province_code, position, code, name, geom_read) "
                                + "values (:id, :p, :pos, :code, :name, ST_Transform(ST_SetSRID(" + read + ", 0), :proj, 4326))")
                        .param("id", id).param("p", options.provinceCode()).param("pos", position++)
                        .param("code", f.code().strip()).param("name", f.name())
                        .param("wkb", f.wkb()).param("geojson", f.geoJson()).param("proj", source.proj())
                        .update();
            } catch (DataAccessException e) {
                throw new BoundaryFileException("boundaries.error.geometry", f.code(), rootMessage(e));
            }
        }
        // invalid shapes: repaired (polygons kept) and reported, or refused when nothing polygonal remains
        jdbc.sql("""
                update boundary_import_unit set
                    valid_reason = case when ST_IsValid(geom_read) then null else ST_IsValidReason(geom_read) end,
                    geom = nullif(ST_Multi(ST_CollectionExtract(
                        case when ST_IsValid(geom_read) then geom_read else ST_MakeValid(geom_read) end, 3)),
                        'SRID=4326;MULTIPOLYGON EMPTY'::geometry)
                where import_id = :id""").param("id", id).update();
        jdbc.sql("update boundary_import_unit set geom = null where import_id = :id and ST_IsEmpty(geom)").param("id", id).update();
        requireDegreesAfterTransform(id);
        Report report = check(id, boundaries, source, options);
        jdbc.sql("update boundary_import set report = cast(:r as jsonb) where id = :id")
                .param("r", json.writeValueAsString(report)).param("id", id).update();
        return report;
    }

    private BoundaryFile read(byte[] file, String fileName, Options options) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        String codeField = options.codeField() == null || options.codeField().isBlank() ? "code" : options.codeField().strip();
        String nameField = options.nameField() == null || options.nameField().isBlank() ? "name" : options.nameField().strip();
        if (file == null || file.length == 0) {
            throw new BoundaryFileException("boundaries.error.empty");
        }
        boolean zip = file.length > 4 && file[0] == 'P' && file[1] == 'K';
        boolean sqlite = file.length > 16 && new String(file, 0, 15, java.nio.charset.StandardCharsets.US_ASCII).equals("SQLite format 3");
        if (zip || name.endsWith(".zip")) {
            return ShapefileReader.read(file, codeField, nameField, crs);
        }
        if (sqlite || name.endsWith(".gpkg")) {
            return GeoPackageReader.read(file, codeField, nameField, crs);
        }
        if (name.endsWith(".json") || name.endsWith(".geojson") || file[0] == '{') {
            return GeoJsonReader.read(file, codeField, nameField, json, crs);
        }
        throw new BoundaryFileException("boundaries.error.format", fileName);
    }

    /**
     * The file's own system; else the one the user chose; else the one its format implies
     * (GeoJSON); else the user is asked: coordinates are never guessed.
     */
    private Source source(BoundaryFile file, Options options) {
        if (file.namesCoordinateSystem()) {
            return new Source(file.sourceProj(), file.sourceLabel(), null);
        }
        if (options.chosenEpsg() != null) {
            return new Source(crs.chosen(options.chosenEpsg()), "EPSG:" + options.chosenEpsg(), options.chosenEpsg());
        }
        if (file.impliedProj() != null) {
            return new Source(file.impliedProj(), "WGS84 (RFC 7946)", null);
        }
        throw new ValidationException("crs", "boundaries.error.noCrs", file.format());
    }

    /** Coordinates read as degrees must be degrees: metres taken for degrees put shapes nowhere on Earth. */
    private void requireDegrees(BoundaryFile file) {
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        String first = null;
        for (BoundaryFile.Feature f : file.features()) {
            String read = f.wkb() != null ? "ST_GeomFromWKB(:wkb)" : "ST_GeomFromGeoJSON(:geojson)";
            double[] box;
            try {
                box = jdbc.sql("select ST_XMin(b), ST_XMax(b), ST_YMin(b), ST_YMax(b) from (select Box2D(" + read + ") as b) x")
                        .param("wkb", f.wkb()).param("geojson", f.geoJson())
                        .query((rs, n) -> new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)}).single();
            } catch (DataAccessException e) {
                throw new BoundaryFileException("boundaries.error.geometry", f.code(), rootMessage(e));
            }
            if (first == null && !inDegrees(box[0], box[1], box[2], box[3])) {
                first = f.code();
            }
            xMin = Math.min(xMin, box[0]);
            xMax = Math.max(xMax, box[1]);
            yMin = Math.min(yMin, box[2]);
            yMax = Math.max(yMax, box[3]);
        }
        if (first != null) {
            throw new ValidationException("crs", "boundaries.error.notDegrees", first, Math.round(xMin), Math.round(xMax),
                    Math.round(yMin), Math.round(yMax));
        }
    }

    /** A projected file whose numbers belong to another system can land off the globe too. */
    private void requireDegreesAfterTransform(long id) {
        jdbc.sql("""
                select code, ST_XMin(geom_read), ST_XMax(geom_read), ST_YMin(geom_read), ST_YMax(geom_read)
                from boundary_import_unit where import_id = :id
                  and not (ST_XMin(geom_read) >= -180 and ST_XMax(geom_read) <= 180 and ST_YMin(geom_read) >= -90
                           and ST_YMax(geom_read) <= 90)
                order by position limit 1""").param("id", id)
                .query((rs, n) -> new ValidationException("crs", "boundaries.error.notDegrees", rs.getString(1),
                        Math.round(rs.getDouble(2)), Math.round(rs.getDouble(3)), Math.round(rs.getDouble(4)),
                        Math.round(rs.getDouble(5))))
                .optional().ifPresent(e -> {
                    throw e;
                });
    }

    private static boolean inDegrees(double xMin, double xMax, double yMin, double yMax) {
        return xMin >= -180 && xMax <= 180 && yMin >= -90 && yMax <= 90;
    }

    private Report check(long id, BoundaryFile file, Source source, Options o) {
        var params = new java.util.HashMap<String, Object>();
        params.put("id", id);
        params.put("p", o.provinceCode());
        params.put("l", o.level().name());
        params.put("t", o.toleranceM2());
        params.put("margin", settings.provinceMarginMeters());
        // the units of the chosen structure, in the version in force on its latest day up to today
        AdminStructure structure = structures.require(o.structure());
        params.put("s", structure.code());
        params.put("d", java.sql.Date.valueOf(structures.dayWithin(structure, structures.today())));
        List<String> unknown = jdbc.sql("""
                select s.code from boundary_import_unit s where s.import_id = :id and not exists (
                    select 1 from admin_unit a where a.code = s.code and a.level = :l and a.province_code = :p and a.structure = :s and in_force(a.valid_from, a.valid_to, :d))
                order by s.position""").params(params).query(String.class).list();
        List<String> missing = jdbc.sql("""
                select a.code || ' ' || a.name from admin_unit a where a.level = :l and a.province_code = :p and a.structure = :s and in_force(a.valid_from, a.valid_to, :d)
                and not exists (select 1 from boundary_import_unit s where s.import_id = :id and s.code = a.code) order by a.code""")
                .params(params).query(String.class).list();
        List<String> duplicates = jdbc.sql("""
                select code from boundary_import_unit where import_id = :id group by code having count(*) > 1 order by code""")
                .params(params).query(String.class).list();
        List<Invalid> invalid = jdbc.sql("""
                select code, valid_reason, geom is not null as repaired from boundary_import_unit
                where import_id = :id and (valid_reason is not null or geom is null) order by position""")
                .params(params).query((rs, n) -> new Invalid(rs.getString(1), rs.getString(2), rs.getBoolean(3))).list();
        List<Overlap> overlaps = jdbc.sql("""
                select a.code, b.code, ST_Area(ST_Intersection(a.geom, b.geom)::geography) as area
                from boundary_import_unit a join boundary_import_unit b
                  on b.import_id = a.import_id and a.position < b.position and a.geom && b.geom
                where a.import_id = :id and ST_Relate(a.geom, b.geom, '2********')
                  and ST_Area(ST_Intersection(a.geom, b.geom)::geography) > :t
                order by area desc""").params(params)
                .query((rs, n) -> new Overlap(rs.getString(1), rs.getString(2), rs.getDouble(3))).list();
        List<Gap> gaps = jdbc.sql("""
                with u as (select (ST_Dump(ST_Union(geom))).geom as p from boundary_import_unit where import_id = :id and geom is not null),
                     holes as (select ST_MakePolygon(ST_InteriorRingN(p, i)) as h from u, generate_series(1, ST_NumInteriorRings(p)) i)
                select ST_X(ST_PointOnSurface(h)), ST_Y(ST_PointOnSurface(h)), ST_Area(h::geography) as area from holes
                where ST_Area(h::geography) > :t order by area desc""").params(params)
                .query((rs, n) -> new Gap(rs.getDouble(1), rs.getDouble(2), rs.getDouble(3))).list();
        List<Change> changes = jdbc.sql("""
                select s.code, a.name, 100 * ST_Area(ST_SymDifference(s.geom, a.geom)::geography) / nullif(ST_Area(a.geom::geography), 0)
                from boundary_import_unit s join admin_unit a on a.code = s.code and a.level = :l and a.province_code = :p
                  and a.structure = :s and in_force(a.valid_from, a.valid_to, :d)
                where s.import_id = :id and s.geom is not null order by s.position""").params(params)
                .query((rs, n) -> new Change(rs.getString(1), rs.getString(2), rs.getDouble(3),
                        rs.getDouble(3) > settings.largeChangePercent())).list();
        List<Outside> outside = jdbc.sql("""
                select s.code, s.name, ST_Distance(s.geom::geography, p.geom::geography)
                from boundary_import_unit s join admin_unit p on p.code = :p and p.level = 'PROVINCE' and p.structure = :s
                  and in_force(p.valid_from, p.valid_to, :d)
                where s.import_id = :id and s.geom is not null and not ST_DWithin(s.geom::geography, p.geom::geography, :margin)
                order by s.position""").params(params)
                .query((rs, n) -> new Outside(rs.getString(1), rs.getString(2), rs.getDouble(3))).list();
        boolean committable = unknown.isEmpty() && duplicates.isEmpty() && invalid.stream().allMatch(Invalid::repaired)
                && outside.isEmpty();
        boolean confirmationNeeded = changes.stream().anyMatch(Change::large);
        return new Report(id, file.format(), source.label(), source.chosenEpsg(), file.features().size(), unknown, missing,
                duplicates, invalid, overlaps, gaps, changes, outside, settings.largeChangePercent(), confirmationNeeded,
                committable, "PENDING");
    }

    @Transactional(readOnly = true)
    public Report report(long id) {
        requireAdmin();
        var row = jdbc.sql("select report, status from boundary_import where id = :id").param("id", id).query().listOfRows();
        if (row.isEmpty()) {
            throw new NotFoundException("No boundary import " + id);
        }
        Report r = json.readValue(String.valueOf(row.getFirst().get("report")), Report.class);
        return r.withStatus(String.valueOf(row.getFirst().get("status")));
    }

    /** The staged shapes as GeoJSON text per code, for the preview beside the current ones. */
    @Transactional(readOnly = true)
    public List<String[]> stagedShapes(long id) {
        requireAdmin();
        return jdbc.sql("select code, ST_AsGeoJSON(coalesce(geom, geom_read), 7) from boundary_import_unit where import_id = :id order by position")
                .param("id", id).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
    }

    /** A commit of a file without very large shape changes. */
    @Transactional
    public void commit(long id) {
        commit(id, false);
    }

    /**
     * Every unit of the file becomes the current version of its unit, all in one transaction.
     *
     * @param largeChangesConfirmed the administrator has seen the report's very large shape changes
     *                              and confirms them; without it a file that has any is refused
     */
    @Transactional
    public void commit(long id, boolean largeChangesConfirmed) {
        Report report = report(id);
        if (!"PENDING".equals(report.status())) {
            throw new ValidationException("import", "boundaries.error.closed");
        }
        if (!report.committable()) {
            throw new ValidationException("import", "boundaries.error.notCommittable");
        }
        if (report.confirmationNeeded() && !largeChangesConfirmed) {
            throw new ValidationException("import", "boundaries.error.unconfirmed",
                    report.changes().stream().filter(Change::large).count(), report.largeChangePercent());
        }
        LocalDate today = structures.today();
        String structure = jdbc.sql("select structure from boundary_import where id = :id").param("id", id)
                .query(String.class).single();
        WKBReader reader = new WKBReader();
        List<String> codes = new ArrayList<>();
        for (var row : jdbc.sql("select code, ST_AsBinary(geom) as wkb from boundary_import_unit where import_id = :id order by position")
                .param("id", id).query().listOfRows()) {
            String code = (String) row.get("code");
            try {
                versions.replaceShape(new UnitRef(structure, code), (MultiPolygon) reader.read((byte[]) row.get("wkb")), today);
            } catch (ParseException e) {
                throw new IllegalStateException("Staged shape of " + code + " unreadable", e);
            }
            codes.add(code);
        }
        close(id, "COMMITTED");
        audit.record(AuditAction.CHANGE, "admin_unit", codes.stream().map(c -> structure + "/" + c).toList(), null,
                "boundary import " + id + ": new official shapes of structure " + structure + " from " + today);
    }

    @Transactional
    public void cancel(long id) {
        requireAdmin();
        if (!"PENDING".equals(report(id).status())) {
            throw new ValidationException("import", "boundaries.error.closed");
        }
        close(id, "CANCELLED");
    }

    private void close(long id, String status) {
        jdbc.sql("update boundary_import set status = :s, closed_at = :at where id = :id")
                .param("s", status).param("at", Timestamp.from(clock.instant())).param("id", id).update();
    }

    private void requireAdmin() {
        if (currentUser.scope().role() != Role.ADMIN) {
            throw new AccessDeniedException("Only an administrator imports boundaries");
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.toString() : t.getMessage();
        return m.length() > 200 ? m.substring(0, 200) : m;
    }
}
