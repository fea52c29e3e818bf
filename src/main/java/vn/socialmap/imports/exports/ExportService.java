package vn.socialmap.imports.exports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.locationtech.jts.geom.Geometry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.socialmap.analytics.AnalyticsIndicator;
import vn.socialmap.analytics.HotspotService;
import vn.socialmap.analytics.UnitValues;
import vn.socialmap.cases.PathStatus;
import vn.socialmap.cases.PersonFilter;
import vn.socialmap.cases.PersonService;
import vn.socialmap.cases.PersonSummary;
import vn.socialmap.cases.StatusCounts;
import vn.socialmap.facilities.Facility;
import vn.socialmap.facilities.FacilityService;
import vn.socialmap.facilities.FacilityType;
import vn.socialmap.geography.AdminLevel;
import vn.socialmap.geography.AdminUnit;
import vn.socialmap.geography.AdminUnitService;
import vn.socialmap.security.CurrentUser;

/**
 * The map layers and tables that can be exported, each built by the module that owns the
 * data with the caller's scope and suppression, so that a file never shows more than the
 * screen would. Person lists are audited as exports by the case registry.
 */
@Service
@Transactional(readOnly = true)
public class ExportService {

    public enum Dataset {
        ADMIN_UNITS, STATUS_COUNTS, FACILITIES, HOTSPOTS, PERSONS
    }

    /** What a dataset may be narrowed by; unused fields are null. */
    public record Request(String provinceCode, AdminLevel level, LocalDate date, List<FacilityType> types, PathStatus status,
                          String districtCode, AnalyticsIndicator indicator) {
    }

    private final AdminUnitService units;
    private final StatusCounts statusCounts;
    private final FacilityService facilities;
    private final HotspotService hotspots;
    private final PersonService persons;
    private final CurrentUser currentUser;

    ExportService(AdminUnitService units, StatusCounts statusCounts, FacilityService facilities, HotspotService hotspots,
                  PersonService persons, CurrentUser currentUser) {
        this.units = units;
        this.statusCounts = statusCounts;
        this.facilities = facilities;
        this.hotspots = hotspots;
        this.persons = persons;
        this.currentUser = currentUser;
    }

    /** Read-write: exporting person lists writes the audit entry. */
    @Transactional
    public ExportTable table(Dataset dataset, Request r) {
        return switch (dataset) {
            case ADMIN_UNITS -> adminUnits(r);
            case STATUS_COUNTS -> statusCounts(r);
            case FACILITIES -> facilities(r);
            case HOTSPOTS -> hotspots(r);
            case PERSONS -> persons(r);
        };
    }

    private ExportTable adminUnits(Request r) {
        List<AdminUnit> list = sorted(units.byLevel(r.provinceCode(), r.level()));
        List<Object[]> rows = new ArrayList<>();
        List<Geometry> shapes = new ArrayList<>();
        for (AdminUnit u : list) {
            rows.add(new Object[] {u.getCode(), u.getName(), u.getUnitType(), u.getLevel().apiName(), u.getParentCode(),
                    u.getGeometrySource().name().toLowerCase(java.util.Locale.ROOT), u.getValidFrom().toString()});
            shapes.add(u.getGeom());
        }
        return new ExportTable("admin_units", List.of("code", "name", "type", "level", "parent_code", "geometry_source", "valid_from"),
                rows, shapes);
    }

    private ExportTable statusCounts(Request r) {
        StatusCounts.Table table = statusCounts.count(r.provinceCode(), r.level(), r.date(), currentUser.scope());
        var shapes = new java.util.HashMap<String, Geometry>();
        units.byLevel(r.provinceCode(), r.level()).forEach(u -> shapes.put(u.getCode(), u.getGeom()));
        List<String> columns = new ArrayList<>(List.of("code", "name", "date"));
        Arrays.stream(PathStatus.values()).forEach(s -> columns.add(s.name().toLowerCase(java.util.Locale.ROOT)));
        List<Object[]> rows = new ArrayList<>();
        List<Geometry> geometries = new ArrayList<>();
        for (StatusCounts.UnitCounts u : table.units()) {
            Object[] row = new Object[columns.size()];
            row[0] = u.code();
            row[1] = u.name();
            row[2] = r.date().toString();
            PathStatus[] statuses = PathStatus.values();
            for (int i = 0; i < statuses.length; i++) {
                row[3 + i] = u.counts().get(statuses[i]); // null where suppressed
            }
            rows.add(row);
            geometries.add(shapes.get(u.code()));
        }
        return new ExportTable("status_counts", columns, rows, geometries);
    }

    private ExportTable facilities(Request r) {
        List<Object[]> rows = new ArrayList<>();
        List<Geometry> points = new ArrayList<>();
        for (Facility f : facilities.find(new FacilityService.Query(r.provinceCode(), r.types(), r.districtCode(), null, null))) {
            rows.add(new Object[] {f.getId(), f.getCode(), f.getType().name(), f.getName(), f.getAddress(), f.getCommuneCode(),
                    f.getDistrictCode(), f.getStatus().name(), f.getPhone()});
            points.add(f.getLocation());
        }
        return new ExportTable("facilities", List.of("id", "code", "type", "name", "address", "commune_code", "district_code",
                "status", "phone"), rows, points);
    }

    private ExportTable hotspots(Request r) {
        var results = hotspots.analyse(new HotspotService.Request(r.provinceCode(), r.level(), r.indicator(),
                HotspotService.Method.GISTAR, HotspotService.Weights.QUEEN, UnitValues.defaultFrom(r.date()), r.date()));
        List<Object[]> rows = new ArrayList<>();
        List<Geometry> shapes = new ArrayList<>();
        for (var u : results) {
            rows.add(new Object[] {u.unit().getCode(), u.unit().getName(), u.value(), u.z(), u.p(), u.pFdr(), u.hotspotClass()});
            shapes.add(u.unit().getGeom());
        }
        return new ExportTable("hotspots", List.of("code", "name", "value", "z", "p", "p_fdr", "class"), rows, shapes);
    }

    private ExportTable persons(Request r) {
        List<PersonSummary> list = persons.export(new PersonFilter(r.districtCode(), null, r.status(), r.date(), null, null, null, null));
        List<Object[]> rows = new ArrayList<>();
        for (PersonSummary p : list) {
            rows.add(new Object[] {p.id(), p.fullName(), p.birthDate().toString(), p.sex().name(), p.nationalId(),
                    p.currentCommuneCode(), p.currentDistrictCode(), p.mainStatus()});
        }
        return new ExportTable("persons", List.of("id", "full_name", "birth_date", "sex", "national_id", "commune_code",
                "district_code", "status"), rows, null);
    }

    private static List<AdminUnit> sorted(List<AdminUnit> list) {
        List<AdminUnit> copy = new ArrayList<>(list);
        copy.sort(Comparator.comparing(AdminUnit::getCode));
        return copy;
    }
}
