package vn.socialmap.facilities;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

import vn.socialmap.base.NotFoundException;
import vn.socialmap.base.ValidationException;
import vn.socialmap.geography.AdminLevel;
import vn.socialmap.geography.AdminStructures;
import vn.socialmap.geography.AdminUnit;
import vn.socialmap.geography.AdminUnitService;
import vn.socialmap.security.AccessScope;
import vn.socialmap.security.AreaType;
import vn.socialmap.security.CurrentUser;
import vn.socialmap.security.Role;

/**
 * The facility registry: validation (the point must lie in its commune, each type's own
 * fields), change history, and who may see and change what (hotspots only for roles that
 * may see persons; district officers change their district's records, admins all).
 */
@Service
@Transactional
public class FacilityService {

    static final ZoneId VIETNAM = vn.socialmap.base.VietnamTime.ZONE;
    static final Set<String> MODEL_KINDS = Set.of("VOLUNTEER", "CLUB", "COUNSELING");
    static final Set<String> SEVERITIES = Set.of("LOW", "MEDIUM", "HIGH");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("[0-9 +().-]{6,20}");

    private final FacilityRepository facilities;
    private final AdminUnitService units;
    private final CurrentUser currentUser;
    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;
    private final AdminStructures structures;
    private final GeometryFactory geometry = new GeometryFactory(new PrecisionModel(), 4326);

    FacilityService(FacilityRepository facilities, AdminUnitService units, CurrentUser currentUser, JdbcClient jdbc,
                    ObjectMapper json, Clock clock, AdminStructures structures) {
        this.structures = structures;
        this.facilities = facilities;
        this.units = units;
        this.currentUser = currentUser;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** Filters of the registry; null fields do not filter. {@code bbox}: minLon, minLat, maxLon, maxLat. */
    public record Query(String provinceCode, Collection<FacilityType> types, String districtCode, String communeCode,
                        Envelope bbox) {
    }

    /** One entry of a facility's history. */
    public record Change(java.time.Instant changedAt, String changedBy, String what, String before, String after) {
    }

    @Transactional(readOnly = true)
    public List<Facility> find(Query q) {
        boolean hotspots = seesHotspots();
        return facilities.findByProvinceCodeOrderByTypeAscNameAsc(q.provinceCode()).stream()
                .filter(f -> hotspots || f.getType() != FacilityType.HOTSPOT)
                .filter(f -> q.types() == null || q.types().isEmpty() || q.types().contains(f.getType()))
                .filter(f -> q.districtCode() == null || q.districtCode().equals(f.getDistrictCode()))
                .filter(f -> q.communeCode() == null || q.communeCode().equals(f.getCommuneCode()))
                .filter(f -> q.bbox() == null || q.bbox().contains(f.getLocation().getCoordinate()))
                .toList();
    }

    @Transactional(readOnly = true)
    public Facility get(long id) {
        Facility f = facilities.findById(id).orElseThrow(() -> new NotFoundException("No facility " + id));
        if (f.getType() == FacilityType.HOTSPOT && !seesHotspots()) {
            throw new NotFoundException("No facility " + id);
        }
        return f;
    }

    public Facility create(FacilityForm form) {
        requireWriterRole();
        AdminUnit commune = validate(form);
        String district = formerDistrict(commune, form);
        requireWriter(commune.getProvinceCode(), district);
        Facility f = new Facility(commune.getProvinceCode(), clock.instant());
        f.apply(form, commune.getStructure(), district, point(form), clock.instant());
        facilities.save(f);
        history(f, "CREATED", null);
        return f;
    }

    /** The checks of {@link #create} without writing: for imports that validate every row first. */
    @Transactional(readOnly = true)
    public void check(FacilityForm form) {
        AdminUnit commune = validate(form);
        requireWriter(commune.getProvinceCode(), formerDistrict(commune, form));
    }

    public Facility update(long id, FacilityForm form, long expectedVersion) {
        Facility f = get(id);
        requireWriter(f.getProvinceCode(), f.getDistrictCode());
        if (f.getVersion() != expectedVersion) {
            // someone saved it meanwhile: 409 with the record to read again, never a silent overwrite
            throw new vn.socialmap.base.ConflictException(null, "/api/v1/facilities/" + id, "facility.error.concurrent");
        }
        AdminUnit commune = validate(form);
        String district = formerDistrict(commune, form);
        requireWriter(commune.getProvinceCode(), district);
        Map<String, Object> before = f.snapshot();
        boolean statusChanged = f.getStatus() != form.status();
        f.apply(form, commune.getStructure(), district, point(form), clock.instant());
        history(f, statusChanged ? "STATUS" : "CHANGED", before);
        return f;
    }

    /** The registry as of a date: the facilities there on that date ({@link #existsOn}). */
    @Transactional(readOnly = true)
    public List<Facility> find(Query q, LocalDate asOf) {
        return find(q).stream().filter(f -> asOf == null || existsOn(f, asOf)).toList();
    }

    /** Closes a facility merged into others on a day, with the change in its history. */
    void closeMerged(Facility f, LocalDate day) {
        Map<String, Object> before = f.snapshot();
        f.closeMerged(day, clock.instant());
        history(f, "MERGED", before);
    }

    @Transactional(readOnly = true)
    public List<Change> history(long id) {
        get(id);
        return jdbc.sql("select changed_at, changed_by, what, before::text, after::text from facility_change "
                        + "where facility_id = :id order by changed_at, id")
                .param("id", id)
                .query((rs, n) -> new Change(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5))).list();
    }

    /**
     * Whether the current user registers facilities at all (admins anywhere, the provincial police in
     * their province, district officers in their district). The police since Decree 184/2025: their
     * director receives providers' registrations and publishes the provider list.
     */
    public boolean mayRegister() {
        return currentUser.get().map(u -> u.role() == Role.ADMIN || u.role() == Role.DISTRICT_OFFICER
                || u.role() == Role.PROVINCIAL_POLICE && u.scope().areaType() == AreaType.PROVINCE).orElse(false);
    }

    /** Communes where the current user may register facilities. */
    @Transactional(readOnly = true)
    /** Communes where the current user may register a facility: in a province, or (null) anywhere they may. */
    public List<AdminUnit> registrableCommunes(String provinceCode) {
        var user = currentUser.get().orElse(null);
        if (user == null || !mayRegister()) {
            return List.of();
        }
        if (user.role() == Role.ADMIN) {
            return provinceCode == null ? units.nationally(AdminLevel.COMMUNE, structures.today())
                    : units.byLevel(provinceCode, AdminLevel.COMMUNE);
        }
        if (user.role() == Role.PROVINCIAL_POLICE) {
            String own = user.scope().areaCode();
            return provinceCode == null || provinceCode.equals(own) ? units.byLevel(own, AdminLevel.COMMUNE) : List.of();
        }
        // a district officer: today's communes that lie, at least in part, in their former district
        return units.find(user.scope().areaUnit()).map(d -> units.overlapping(d, structures.today())).orElse(List.of());
    }

    /**
     * Whether a facility was there on a date, as far as the registry knows: opened by then (a
     * merger's successor did not exist before the merger), not closed by then, and a post-rehab
     * model running in that year.
     */
    public boolean existsOn(Facility f, LocalDate date) {
        if (f.getOpenedOn() != null && date.isBefore(f.getOpenedOn())) {
            return false;
        }
        if (f.getStatus() == FacilityStatus.CLOSED && !f.getStatusSince().isAfter(date)) {
            return false;
        }
        return f.getType() != FacilityType.POST_REHAB_MODEL || ModelCoverage.scheduledIn(f, date.getYear());
    }

    public boolean seesHotspots() {
        return currentUser.get().map(u -> u.scope().seesPersons()).orElse(false);
    }

    /** The province a facility (by its code) lies in. */
    @Transactional(readOnly = true)
    public java.util.Optional<String> provinceOf(String facilityCode) {
        return facilities.findFirstByCode(facilityCode).map(Facility::getProvinceCode);
    }

    /** Grows with every change of a facility (each is a row of its history): a key for caches. */
    public long version() {
        return jdbc.sql("select coalesce(max(id), 0) from facility_change").query(Long.class).single();
    }

    private void history(Facility f, String what, Map<String, Object> before) {
        jdbc.sql("""
                insert into facility_change (province_code, facility_id, changed_at, changed_by, what, before, after)
                values (:province, :id, :at, :by, :what, cast(:before as jsonb), cast(:after as jsonb))""")
                .param("province", f.getProvinceCode()).param("id", f.getId())
                .param("at", java.sql.Timestamp.from(clock.instant()))
                .param("by", currentUser.get().map(u -> u.getUsername()).orElse("system"))
                .param("what", what).param("before", before == null ? null : json.writeValueAsString(before))
                .param("after", json.writeValueAsString(f.snapshot()))
                .update();
    }

    /** The former district holding the form's location (district officers register in theirs). */
    private String formerDistrict(AdminUnit commune, FacilityForm form) {
        return units.formerDistrictAt(commune.getProvinceCode(), form.longitude(), form.latitude()).orElse(null);
    }

    /** A role that never changes facilities is refused before its input is read. */
    private void requireWriterRole() {
        var user = currentUser.get().orElse(null);
        if (user != null && user.role() != Role.ADMIN && user.role() != Role.DISTRICT_OFFICER
                && user.role() != Role.PROVINCIAL_POLICE) {
            throw new AccessDeniedException("Role " + user.role() + " does not change facilities");
        }
    }

    /**
     * Administrators change any facility, the provincial police (who run rehab since 1 March 2025)
     * those of their province, a former district's officer those of the district.
     */
    private void requireWriter(String provinceCode, String formerDistrict) {
        var user = currentUser.get().orElse(null);
        if (user == null) {
            return; // start-up loaders
        }
        AccessScope scope = user.scope();
        boolean allowed = user.role() == Role.ADMIN
                || user.role() == Role.PROVINCIAL_POLICE && scope.areaType() == AreaType.PROVINCE
                && scope.areaCode().equals(provinceCode)
                || user.role() == Role.DISTRICT_OFFICER && scope.areaType() == AreaType.DISTRICT
                && formerDistrict != null && scope.areaCode().equals(formerDistrict);
        if (!allowed) {
            throw new AccessDeniedException("Role " + user.role() + " does not change facilities here");
        }
    }

    private AdminUnit validate(FacilityForm form) {
        if (form.type() == null) {
            throw new ValidationException("type", "facility.error.type");
        }
        String name = form.name() == null ? "" : form.name().strip();
        if (name.isEmpty() || name.length() > 300 || name.chars().anyMatch(Character::isISOControl)) {
            throw new ValidationException("name", "facility.error.name");
        }
        AdminUnit commune = units.find(form.communeCode()).filter(u -> u.getLevel() == AdminLevel.COMMUNE)
                .orElseThrow(() -> new ValidationException("communeCode", "facility.error.commune", form.communeCode()));
        if (form.longitude() == null || form.latitude() == null) {
            throw new ValidationException("location", "facility.error.location.missing");
        }
        if (!Double.isFinite(form.longitude()) || !Double.isFinite(form.latitude())
                || !units.covers(commune.ref(), form.longitude(), form.latitude())) {
            throw new ValidationException("location", "facility.error.location.outside", commune.getName());
        }
        if (form.status() == null || form.statusSince() == null) {
            throw new ValidationException("status", "facility.error.status");
        }
        if (form.statusSince().isAfter(LocalDate.now(clock.withZone(VIETNAM)))) {
            throw new ValidationException("statusSince", "facility.error.status.future");
        }
        if (form.email() != null && !form.email().isBlank() && !EMAIL.matcher(form.email().strip()).matches()) {
            throw new ValidationException("email", "facility.error.email");
        }
        if (form.phone() != null && !form.phone().isBlank() && !PHONE.matcher(form.phone().strip()).matches()) {
            throw new ValidationException("phone", "facility.error.phone");
        }
        checkDetails(form, commune);
        return commune;
    }

    private void checkDetails(FacilityForm form, AdminUnit commune) {
        Map<String, Object> d = form.details() == null ? Map.of() : form.details();
        for (String field : form.type().requiredDetails()) {
            Object v = d.get(field);
            if (v == null || v.toString().isBlank()) {
                throw new ValidationException(field, "facility.error.detail.missing", field);
            }
        }
        positive(d, "capacity", true);
        positive(d, "patients", false);
        if (d.get("capacity") != null && d.get("patients") != null
                && number(d, "patients") > number(d, "capacity")) {
            throw new ValidationException("patients", "facility.error.patients");
        }
        if (d.get("modelKind") != null && !MODEL_KINDS.contains(d.get("modelKind").toString())) {
            throw new ValidationException("modelKind", "facility.error.detail.value", "modelKind", String.join(", ", MODEL_KINDS));
        }
        if (d.get("severity") != null && !SEVERITIES.contains(d.get("severity").toString())) {
            throw new ValidationException("severity", "facility.error.detail.value", "severity", String.join(", ", SEVERITIES));
        }
        int year = LocalDate.now(clock.withZone(VIETNAM)).getYear();
        if (d.get("startYear") != null) {
            long start = number(d, "startYear");
            if (start < 2000 || start > year) {
                throw new ValidationException("startYear", "facility.error.year", 2000, year);
            }
            if (d.get("endYear") != null && number(d, "endYear") < start) {
                throw new ValidationException("endYear", "facility.error.endYear");
            }
        }
        if (d.get("periodFrom") != null) {
            LocalDate from = date(d, "periodFrom");
            if (d.get("periodTo") != null && date(d, "periodTo").isBefore(from)) {
                throw new ValidationException("periodTo", "facility.error.period");
            }
        }
        if (d.get("servedCommunes") != null) {
            if (!(d.get("servedCommunes") instanceof List<?> served) || served.isEmpty()) {
                throw new ValidationException("servedCommunes", "facility.error.served");
            }
            for (Object code : served) {
                units.find(String.valueOf(code)).filter(u -> u.getLevel() == AdminLevel.COMMUNE
                                && u.getParentCode().equals(commune.getParentCode()))
                        .orElseThrow(() -> new ValidationException("servedCommunes", "facility.error.served.outside", code));
            }
        }
    }

    private static void positive(Map<String, Object> d, String field, boolean strictly) {
        if (d.get(field) != null) {
            long n = number(d, field);
            if (n < 0 || strictly && n == 0) {
                throw new ValidationException(field, "facility.error.number", field);
            }
        }
    }

    private static long number(Map<String, Object> d, String field) {
        try {
            return Long.parseLong(d.get(field).toString().strip());
        } catch (NumberFormatException e) {
            throw new ValidationException(field, "facility.error.number", field);
        }
    }

    private static LocalDate date(Map<String, Object> d, String field) {
        try {
            return LocalDate.parse(d.get(field).toString().strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new ValidationException(field, "facility.error.date", field);
        }
    }

    private org.locationtech.jts.geom.Point point(FacilityForm form) {
        return geometry.createPoint(new Coordinate(form.longitude(), form.latitude()));
    }
}
