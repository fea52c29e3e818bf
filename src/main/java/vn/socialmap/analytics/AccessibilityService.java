package vn.socialmap.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.socialmap.analytics.Accessibility.Demand;
import vn.socialmap.analytics.Accessibility.Supply;
import vn.socialmap.facilities.Facility;
import vn.socialmap.facilities.FacilityService;
import vn.socialmap.facilities.FacilityStatus;
import vn.socialmap.geography.AdminLevel;
import vn.socialmap.geography.AdminUnit;

/**
 * Accessibility of a service for every commune of a province: metres to the nearest active
 * service and the E2SFCA score with the commune's caseload (people on record) as demand.
 * A service's supply is its capacity where the registry has one, otherwise 1. The score is
 * therefore supply per person on record within reach (not per resident): places per person
 * where the services record their capacity, services per person where they do not
 * ({@link SupplyUnit}).
 */
@Service
@Transactional(readOnly = true)
public class AccessibilityService {

    private final UnitValues unitValues;
    private final FacilityService facilities;

    AccessibilityService(UnitValues unitValues, FacilityService facilities) {
        this.unitValues = unitValues;
        this.facilities = facilities;
    }

    /** One commune: nearest service in metres (null without any service) and E2SFCA score (null for method nearest). */
    public record CommuneAccess(String code, String name, Double nearestMeters, Double score) {
    }

    /** Demand as published to the caller. */
    public record DemandPoint(String code, double lon, double lat, Long weight) {
    }

    /**
     * @param supplyUnit what the score counts per person on record
     */
    public record Result(String service, String method, double catchmentMeters, SupplyUnit supplyUnit,
                         List<CommuneAccess> communes, List<Supply> supply, List<DemandPoint> demand) {
    }

    /** What one unit of supply is, so what the score counts per person on record. */
    public enum SupplyUnit {
        /** Every service counted records its capacity: places. */
        PLACES,
        /** No service counted records a capacity: each counts as one service. */
        SERVICES,
        /** Some do and some do not: places, a service without a recorded capacity counting as one. */
        PLACES_OR_SERVICES;

        static SupplyUnit of(long withCapacity, long all) {
            return withCapacity == all ? PLACES : withCapacity == 0 ? SERVICES : PLACES_OR_SERVICES;
        }
    }

    public Result measure(String provinceCode, ServiceKind service, boolean e2sfca, double catchmentMeters, LocalDate date) {
        UnitValues.Units units = unitValues.load(provinceCode, AdminLevel.COMMUNE, AnalyticsIndicator.PERSONS, date, date);
        List<Demand> demand = new ArrayList<>(units.size());
        for (int i = 0; i < units.size(); i++) {
            demand.add(new Demand(units.units().get(i).getCode(), units.lon()[i], units.lat()[i], units.values()[i]));
        }
        List<Facility> providers = providers(provinceCode, service);
        List<Supply> supply = providers.stream().map(AccessibilityService::supply).toList();
        SupplyUnit unit = SupplyUnit.of(providers.stream().filter(f -> recordedCapacity(f).isPresent()).count(), providers.size());
        double[] nearest = Accessibility.nearest(demand, supply, Accessibility.Distances.GREAT_CIRCLE);
        double[] score = e2sfca ? Accessibility.e2sfca(demand, supply, catchmentMeters, Accessibility.Distances.GREAT_CIRCLE) : null;
        List<CommuneAccess> communes = new ArrayList<>(units.size());
        for (int i = 0; i < units.size(); i++) {
            AdminUnit u = units.units().get(i);
            communes.add(new CommuneAccess(u.getCode(), u.getName(), Double.isInfinite(nearest[i]) ? null : nearest[i],
                    score == null ? null : score[i]));
        }
        return new Result(service.code(), e2sfca ? "e2sfca" : "nearest", catchmentMeters, unit, communes, supply,
                publishedDemand(demand));
    }

    /** Active services of the kind, with capacity (1 where none is recorded). */
    public List<Supply> supply(String provinceCode, ServiceKind service) {
        return providers(provinceCode, service).stream().map(AccessibilityService::supply).toList();
    }

    private static Supply supply(Facility f) {
        return new Supply(String.valueOf(f.getId()), f.getLocation().getX(), f.getLocation().getY(), recordedCapacity(f).orElse(1));
    }

    /** Active services of the kind with a location. */
    private List<Facility> providers(String provinceCode, ServiceKind service) {
        List<Facility> providers = new ArrayList<>();
        for (Facility f : facilities.find(new FacilityService.Query(provinceCode, service.types(), null, null, null))) {
            if (f.getStatus() == FacilityStatus.ACTIVE && f.getLocation() != null) {
                providers.add(f);
            }
        }
        return providers;
    }

    private static java.util.OptionalDouble recordedCapacity(Facility f) {
        Object c = f.getDetails().get("capacity");
        if (c instanceof Number n && n.doubleValue() > 0) {
            return java.util.OptionalDouble.of(n.doubleValue());
        }
        if (c instanceof String s) {
            try {
                double v = Double.parseDouble(s.trim());
                return v > 0 ? java.util.OptionalDouble.of(v) : java.util.OptionalDouble.empty();
            } catch (NumberFormatException e) {
                return java.util.OptionalDouble.empty();
            }
        }
        return java.util.OptionalDouble.empty();
    }

    /** Demand weights are per-commune caseloads, as published to the caller ({@link UnitValues}). */
    List<DemandPoint> publishedDemand(List<Demand> demand) {
        List<DemandPoint> points = new ArrayList<>(demand.size());
        for (Demand d : demand) {
            points.add(new DemandPoint(d.code(), d.lon(), d.lat(), Math.round(d.weight())));
        }
        return points;
    }
}
