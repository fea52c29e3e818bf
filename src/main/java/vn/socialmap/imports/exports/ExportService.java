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

    public enum Dataset implements vn.socialmap.base.web.ApiValue {
        ADMIN_UNITS, STATUS_COUNTS, FACILITIES, HOTSPOTS, PERSONS;

        /** "status-counts", as in the path. */
        @Override
        public String apiValue() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * What a dataset may be narrowed by; unused fields are null. {@code unitsAsOf}: the date whose
     * units the rows are (their structure), {@code date} that of the figures.
     */
    public record Request(String provinceCode, AdminLevel level, LocalDate date, List<FacilityType> types, PathStatus status,
                          String districtCode, AnalyticsIndicator indicator, LocalDate unitsAsOf) {
    }

    /** Rates are per this many residents. */

    private final AdminUnitService units;
    private final StatusCounts statusCounts;
    private final FacilityService facilities;
    private final HotspotService hotspots;
    private final PersonService persons;
    private final CurrentUser currentUser;
    private final vn.socialmap.disclosure.Disclosure disclosure;

    ExportService(AdminUnitService units, StatusCounts statusCounts, FacilityService facilities, HotspotService hotspots,
                  PersonService persons, CurrentUser currentUser, vn.socialmap.disclosure.Disclosure disclosure) {
        this.disclosure = disclosure;
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
        List<AdminUnit> list = sorted(units.byLevel(r.provinceCode(), r.level(), r.unitsAsOf()));
        List<Object[]> rows = new ArrayList<>();
        List<Geometry> shapes = new ArrayList<>();
        for (AdminUnit u : list) {
            rows.add(new Object[] {u.getStructure(), u.getCode(), u.getName(), u.getUnitType(), u.getLevel().apiName(),
                    u.getParentCode(), u.getGeometrySource().name().toLowerCase(java.util.Locale.ROOT),
                    u.getValidFrom() == null ? null : u.getValidFrom().toString(),
                    u.getValidTo() == null ? null : u.getValidTo().minusDays(1).toString(), u.getPopulation(), u.getAreaKm2()});
            shapes.add(u.getGeom());
        }
        return new ExportTable("admin_units", List.of("structure", "code", "name", "type", "level", "parent_code", "geometry_source",
                "valid_from", "valid_to", "population", "area_km2"), rows, shapes);
    }

    /**
     * People per status on the date, per unit in force on {@code unitsAsOf} (the screen's table),
     * with the unit's population and the people on record per 100,000 residents where it is known.
     */
    private ExportTable statusCounts(Request r) {
        StatusCounts.Table table = statusCounts.count(r.provinceCode(), r.level(), r.date(), r.unitsAsOf(), currentUser.scope());
        ExportTable.Hidden hidden = new ExportTable.Hidden("<" + disclosure.smallBelow());
        var byCode = new java.util.HashMap<String, AdminUnit>();
        units.byLevel(r.provinceCode(), r.level(), r.unitsAsOf()).forEach(u -> byCode.put(u.getCode(), u));
        List<String> columns = new ArrayList<>(List.of("structure", "code", "name", "date", "population"));
        Arrays.stream(PathStatus.values()).forEach(s -> columns.add(s.name().toLowerCase(java.util.Locale.ROOT)));
        columns.add("on_record_per_100k");
        List<Object[]> rows = new ArrayList<>();
        List<Geometry> geometries = new ArrayList<>();
        for (StatusCounts.UnitCounts u : table.units()) {
            AdminUnit unit = u.code() == null ? null : byCode.get(u.code());
            Integer population = unit == null ? null : unit.getPopulation();
            Object[] row = new Object[columns.size()];
            row[0] = table.structure();
            row[1] = u.code();
            row[2] = u.name();
            row[3] = r.date().toString();
            row[4] = population;
            PathStatus[] statuses = PathStatus.values();
            for (int i = 0; i < statuses.length; i++) {
                Long count = u.counts().get(statuses[i]); // null where suppressed
                row[5 + i] = count == null ? hidden : count;
            }
            Long onRecord = u.counts().get(PathStatus.ON_RECORD);
            row[columns.size() - 1] = unit == null || unit.getPopulation() == null ? null
                    : onRecord == null ? hidden : unit.per100k(onRecord);
            rows.add(row);
            geometries.add(unit == null ? null : unit.getGeom());
        }
        return new ExportTable("status_counts", columns, rows, geometries);
    }

    private ExportTable facilities(Request r) {
        List<Object[]> rows = new ArrayList<>();
        List<Geometry> points = new ArrayList<>();
        for (Facility f : facilities.find(new FacilityService.Query(r.provinceCode(), r.types(), r.districtCode(), null, null))) {
            rows.add(new Object[] {f.getId(), f.getCode(), f.getType().name(), f.getName(), f.getAddress(), f.getUnitStructure(),
                    f.getCommuneCode(), f.getDistrictCode(), f.getStatus().name(), f.getPhone()});
            points.add(f.getLocation());
        }
        // the commune of today's structure; district_code: the former district holding the location
        return new ExportTable("facilities", List.of("id", "code", "type", "name", "address", "structure", "commune_code",
                "district_code", "status", "phone"), rows, points);
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
                    p.currentCommuneCode(), p.formerDistrictCode(), p.mainStatus()});
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
