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
import vn.socialmap.disclosure.Cell;
import vn.socialmap.disclosure.Disclosure;
import vn.socialmap.disclosure.Protection;
import vn.socialmap.geography.AdminLevel;
import vn.socialmap.geography.AdminStructures;
import vn.socialmap.geography.AdminUnit;
import vn.socialmap.geography.AdminUnitService;
import vn.socialmap.security.AccessScope;
import vn.socialmap.security.CurrentUser;

/**
 * The units of a province at one level in force on a date, in code order, with an indicator's
 * value for each (every person counted in their unit of that structure) and a representative
 * point (a point inside the unit, as PostGIS's ST_PointOnSurface). Values are as published to
 * the caller ({@link Protection}): every statistic computed from them (hotspots, accessibility,
 * the covering model) is computed from protected values only.
 */
@Service
@Transactional(readOnly = true)
public class UnitValues {

    private final AdminUnitService units;
    private final AdminStructures structures;
    private final CaseIndicators indicators;
    private final CurrentUser currentUser;
    private final Disclosure disclosure;

    UnitValues(AdminUnitService units, AdminStructures structures, CaseIndicators indicators, CurrentUser currentUser,
               Disclosure disclosure) {
        this.units = units;
        this.structures = structures;
        this.indicators = indicators;
        this.currentUser = currentUser;
        this.disclosure = disclosure;
    }

    /** Whether the values are protected for the caller (not their exact counts). */
    public boolean protectedForCaller() {
        return disclosure.protection(currentUser.scope()).applies();
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
        AccessScope scope = currentUser.scope();
        Protection protection = disclosure.protection(scope);
        AccessScope areaOf = protection.needsOwnArea() ? scope : null;
        CaseIndicators.Cells byCommune = indicator.status() != null
                ? indicators.holdingCellsByCommune(provinceCode, indicator.status(), to, structure, areaOf)
                : indicators.countCellsByCommune(new CaseIndicators.EventCount(provinceCode, indicator.events(), from, to, null,
                        List.of(), false, List.of(), structure), areaOf);
        Map<String, Cell> all = byCommune.all();
        Map<String, Cell> inArea = byCommune.inArea();
        if (level == AdminLevel.DISTRICT) {
            // a district's cell holds its communes' records: counted and keyed together, then published once
            Map<String, String> parent = new HashMap<>();
            units.byLevel(provinceCode, AdminLevel.COMMUNE, to).forEach(c -> parent.put(c.getCode(), c.getParentCode()));
            all = byParent(all, parent);
            inArea = byParent(inArea, parent);
        }
        Map<String, Long> byUnit = new HashMap<>();
        for (AdminUnit u : list) {
            byUnit.put(u.getCode(), protection.shown(all.getOrDefault(u.getCode(), Cell.EMPTY),
                    inArea.getOrDefault(u.getCode(), Cell.EMPTY)));
        }
        return build(list, byUnit);
    }

    private static Map<String, Cell> byParent(Map<String, Cell> byCommune, Map<String, String> parent) {
        Map<String, Cell> result = new HashMap<>();
        byCommune.forEach((code, cell) -> result.merge(parent.getOrDefault(code, ""), cell, Cell::plus));
        return result;
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
