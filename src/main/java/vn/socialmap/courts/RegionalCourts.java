package vn.socialmap.courts;

import java.sql.Date;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.socialmap.audit.AuditAction;
import vn.socialmap.audit.AuditLog;
import vn.socialmap.base.ConflictException;
import vn.socialmap.base.NotFoundException;
import vn.socialmap.base.ValidationException;
import vn.socialmap.geography.AdminLevel;
import vn.socialmap.geography.AdminStructures;
import vn.socialmap.geography.AdminUnit;
import vn.socialmap.geography.AdminUnitService;
import vn.socialmap.geography.UnitRef;
import vn.socialmap.security.CurrentUser;
import vn.socialmap.security.Role;

/**
 * The regional courts and their communes: read by everyone, changed by admins (audited), one
 * court per commune at any date. The case registry asks {@link #courtFor} which court should
 * have decided a compulsory rehab of a person of a commune.
 */
@Service
@Transactional
public class RegionalCourts {

    /** The day the regional courts replaced the district courts (Resolution 81/2025/UBTVQH15). */
    public static final LocalDate REGIONAL_COURTS_FROM = LocalDate.of(2025, 7, 1);
    static final String RECORD_TYPE = "regional_court";
    private static final int MAX_SOURCE = 500;

    private final JdbcClient jdbc;
    private final AdminUnitService units;
    private final AdminStructures structures;
    private final CurrentUser currentUser;
    private final AuditLog audit;

    RegionalCourts(JdbcClient jdbc, AdminUnitService units, AdminStructures structures, CurrentUser currentUser,
                   AuditLog audit) {
        this.jdbc = jdbc;
        this.units = units;
        this.structures = structures;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    /** The courts of a province, in number order. */
    @Transactional(readOnly = true)
    public List<RegionalCourt> courts(String provinceCode) {
        return jdbc.sql("""
                        select code, name, province_code, source from regional_court where province_code = :province
                        order by length(code), code""")
                .param("province", provinceCode)
                .query((rs, n) -> new RegionalCourt(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    @Transactional(readOnly = true)
    public Optional<RegionalCourt> court(String code) {
        return jdbc.sql("select code, name, province_code, source from regional_court where code = :code")
                .param("code", code)
                .query((rs, n) -> new RegionalCourt(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    /** The communes of a court's area on a date, by name. */
    @Transactional(readOnly = true)
    public List<CourtCommune> communes(String courtCode, LocalDate date) {
        String structure = structures.on(date).code();
        return jdbc.sql("""
                        select commune_code, valid_from, valid_to, source from regional_court_commune
                        where court_code = :court and unit_structure = :structure and in_force(valid_from, valid_to, :date)""")
                .param("court", courtCode).param("structure", structure).param("date", Date.valueOf(date))
                .query((rs, n) -> new CourtCommune(courtCode, rs.getString(1),
                        units.find(new UnitRef(structure, rs.getString(1))).map(AdminUnit::getName).orElse(rs.getString(1)),
                        rs.getDate(2).toLocalDate(), rs.getDate(3) == null ? null : rs.getDate(3).toLocalDate(), rs.getString(4)))
                .list().stream().sorted(java.util.Comparator.comparing(CourtCommune::communeName)).toList();
    }

    /**
     * The regional court whose area covers a commune (of the structure in force on the date) on
     * that date; empty before 01/07/2025 and where the table does not know the commune's court.
     */
    @Transactional(readOnly = true)
    public Optional<RegionalCourt> courtFor(String communeCode, LocalDate date) {
        if (communeCode == null || date == null || date.isBefore(REGIONAL_COURTS_FROM)) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select c.code, c.name, c.province_code, c.source
                        from regional_court_commune k join regional_court c on c.code = k.court_code
                        where k.unit_structure = :structure and k.commune_code = :commune and in_force(k.valid_from, k.valid_to, :date)""")
                .param("structure", structures.on(date).code()).param("commune", communeCode).param("date", Date.valueOf(date))
                .query((rs, n) -> new RegionalCourt(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    /** Today's communes of a province that no court covers today, by name. */
    @Transactional(readOnly = true)
    public List<AdminUnit> uncovered(String provinceCode) {
        LocalDate today = structures.today();
        Set<String> covered = new HashSet<>(jdbc.sql("""
                        select k.commune_code from regional_court_commune k join regional_court c on c.code = k.court_code
                        where c.province_code = :province and k.unit_structure = :structure and in_force(k.valid_from, k.valid_to, :date)""")
                .param("province", provinceCode).param("structure", structures.current().code()).param("date", Date.valueOf(today))
                .query(String.class).list());
        return units.byLevel(provinceCode, AdminLevel.COMMUNE).stream().filter(u -> !covered.contains(u.getCode()))
                .sorted(java.util.Comparator.comparing(AdminUnit::getName)).toList();
    }

    /** Whether the current user changes the table. */
    public boolean mayChange() {
        return currentUser.get().map(u -> u.role() == Role.ADMIN).orElse(false);
    }

    /**
     * Admin: puts a commune of today into a court's area from a day on. Already there: nothing
     * changes. In another court's area on any of those days: refused (409).
     */
    public CourtCommune addCommune(String courtCode, String communeCode, CourtCommuneForm form) {
        requireAdmin();
        RegionalCourt court = court(courtCode).orElseThrow(() -> new NotFoundException("No regional court " + courtCode));
        AdminUnit commune = todaysCommune(communeCode);
        if (!commune.getProvinceCode().equals(court.provinceCode())) {
            throw new ValidationException("communeCode", "courts.error.province", commune.getName());
        }
        LocalDate from = form == null || form.validFrom() == null ? REGIONAL_COURTS_FROM : form.validFrom();
        if (from.isBefore(REGIONAL_COURTS_FROM)) {
            throw new ValidationException("validFrom", "courts.error.validFrom");
        }
        String source = form == null || form.source() == null || form.source().isBlank()
                ? "admin: " + currentUser.require().getUsername() : form.source().strip();
        if (source.length() > MAX_SOURCE || source.chars().anyMatch(Character::isISOControl)) {
            throw new ValidationException("source", "courts.error.source");
        }
        String structure = commune.getStructure();
        Optional<String> holder = jdbc.sql("""
                        select court_code from regional_court_commune where unit_structure = :structure and commune_code = :commune
                          and (valid_to is null or valid_to > :from) order by valid_from limit 1""")
                .param("structure", structure).param("commune", communeCode).param("from", Date.valueOf(from))
                .query(String.class).optional();
        if (holder.isPresent() && holder.get().equals(courtCode)) {
            return find(courtCode, communeCode).orElseThrow();
        }
        if (holder.isPresent()) {
            String other = court(holder.get()).map(RegionalCourt::name).orElse(holder.get());
            throw new ConflictException("communeCode", "/api/v1/courts/" + holder.get(), "courts.error.taken",
                    commune.getName(), other);
        }
        jdbc.sql("""
                        insert into regional_court_commune (court_code, unit_structure, commune_code, valid_from, source)
                        values (:court, :structure, :commune, :from, :source)""")
                .param("court", courtCode).param("structure", structure).param("commune", communeCode)
                .param("from", Date.valueOf(from)).param("source", source).update();
        audit.record(AuditAction.CHANGE, RECORD_TYPE, List.of(courtCode), null,
                "commune " + communeCode + " added from " + from + " (source: " + source + ")");
        return find(courtCode, communeCode).orElseThrow();
    }

    /** Admin: takes a commune out of a court's area (a row entered wrongly); 404 when it is not there. */
    public void removeCommune(String courtCode, String communeCode) {
        requireAdmin();
        court(courtCode).orElseThrow(() -> new NotFoundException("No regional court " + courtCode));
        CourtCommune row = find(courtCode, communeCode)
                .orElseThrow(() -> new NotFoundException("Commune " + communeCode + " is not in court " + courtCode));
        jdbc.sql("""
                        delete from regional_court_commune where court_code = :court and unit_structure = :structure
                          and commune_code = :commune and valid_to is null""")
                .param("court", courtCode).param("structure", structures.current().code()).param("commune", communeCode)
                .update();
        audit.record(AuditAction.CHANGE, RECORD_TYPE, List.of(courtCode), null,
                "commune " + communeCode + " removed (was from " + row.validFrom() + ", source: " + row.source() + ")");
    }

    /** The open row of a commune of today in a court. */
    private Optional<CourtCommune> find(String courtCode, String communeCode) {
        String structure = structures.current().code();
        return jdbc.sql("""
                        select valid_from, valid_to, source from regional_court_commune
                        where court_code = :court and unit_structure = :structure and commune_code = :commune and valid_to is null""")
                .param("court", courtCode).param("structure", structure).param("commune", communeCode)
                .query((rs, n) -> new CourtCommune(courtCode, communeCode,
                        units.find(new UnitRef(structure, communeCode)).map(AdminUnit::getName).orElse(communeCode),
                        rs.getDate(1).toLocalDate(), rs.getDate(2) == null ? null : rs.getDate(2).toLocalDate(), rs.getString(3)))
                .optional();
    }

    private AdminUnit todaysCommune(String communeCode) {
        return (communeCode == null ? Optional.<AdminUnit>empty()
                : units.find(new UnitRef(structures.current().code(), communeCode)))
                .filter(u -> u.getLevel() == AdminLevel.COMMUNE)
                .orElseThrow(() -> new ValidationException("communeCode", "courts.error.commune", String.valueOf(communeCode)));
    }

    /** Refused before any input is read. */
    private void requireAdmin() {
        var user = currentUser.require();
        if (user.role() != Role.ADMIN) {
            throw new AccessDeniedException("Role " + user.role() + " does not change the regional courts");
        }
    }
}
