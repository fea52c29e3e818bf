package vn.socialmap.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Point;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.socialmap.cases.CaseIndicators;
import vn.socialmap.geography.AdminLevel;
import vn.socialmap.geography.AdminStructures;
import vn.socialmap.geography.AdminUnit;
import vn.socialmap.geography.AdminUnitService;

/**
 * The units of a province at one level in force on a date, in code order, with an indicator's
 * value for each (every person counted in their unit of that structure) and a representative
 * point (a point inside the unit, as PostGIS's ST_PointOnSurface). Values are true counts:
 * callers suppress what they show.
 */
@Service
@Transactional(readOnly = true)
public class UnitValues {

    private final AdminUnitService units;
    private final AdminStructures structures;
    private final CaseIndicators indicators;

    UnitValues(AdminUnitService units, AdminStructures structures, CaseIndicators indicators) {
        this.units = units;
        this.structures = structures;
        this.indicators = indicators;
    }

    public record Units(List<AdminUnit> units, double[] values, double[] lon, double[] lat) {
        public int size() {
            return units.size();
        }
    }

    /** The period an event indicator counts over when only a date is given: the twelve months up to it. */
    public static LocalDate defaultFrom(LocalDate to) {
        return to.minusYears(1).plusDays(1);
    }

    /** The units in force on a date with their representative points and no values. */
    public Units points(String provinceCode, AdminLevel level, LocalDate date) {
        return build(sorted(provinceCode, level, date), Map.of());
    }

    private List<AdminUnit> sorted(String provinceCode, AdminLevel level, LocalDate date) {
        List<AdminUnit> list = new ArrayList<>(units.byLevel(provinceCode, level, date));
        list.sort(Comparator.comparing(AdminUnit::getCode));
        return list;
    }

    /** The units in force on {@code to}, with the indicator from {@code from} to {@code to} in each. */
    public Units load(String provinceCode, AdminLevel level, AnalyticsIndicator indicator, LocalDate from, LocalDate to) {
        List<AdminUnit> list = sorted(provinceCode, level, to);
        String structure = structures.on(to).code();
        Map<String, Long> byCommune = indicator.status() != null
                ? indicators.holdingByCommune(provinceCode, indicator.status(), to, null, structure)
                : indicators.countByCommune(new CaseIndicators.EventCount(provinceCode, indicator.events(), from, to, null,
                        List.of(), false, List.of(), structure));
        Map<String, Long> byUnit = byCommune;
        if (level == AdminLevel.DISTRICT) {
            Map<String, String> parent = new HashMap<>();
            units.byLevel(provinceCode, AdminLevel.COMMUNE, to).forEach(c -> parent.put(c.getCode(), c.getParentCode()));
            byUnit = new HashMap<>();
            for (var e : byCommune.entrySet()) {
                byUnit.merge(parent.getOrDefault(e.getKey(), ""), e.getValue(), Long::sum);
            }
        }
        return build(list, byUnit);
    }

    private static Units build(List<AdminUnit> list, Map<String, Long> byUnit) {
        int n = list.size();
        double[] values = new double[n];
        double[] lon = new double[n];
        double[] lat = new double[n];
        for (int i = 0; i < n; i++) {
            AdminUnit u = list.get(i);
            values[i] = byUnit.getOrDefault(u.getCode(), 0L);
            Point p = u.getGeom().getInteriorPoint();
            lon[i] = p.getX();
            lat[i] = p.getY();
        }
        return new Units(list, values, lon, lat);
    }
}
