package vn.socialmap.targets;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import org.springframework.stereotype.Component;

import vn.socialmap.cases.CaseIndicators;
import vn.socialmap.cases.EventType;
import vn.socialmap.cases.PathStatus;
import vn.socialmap.disclosure.Protection;
import vn.socialmap.security.AccessScope;
import vn.socialmap.targets.PlanModel.Indicator;
import vn.socialmap.targets.PlanModel.Level;
import vn.socialmap.targets.PlanModel.Plan;
import vn.socialmap.targets.PlanModel.Target;

/**
 * Plan figures as published to a caller without access to every person (docs/disclosure.md).
 * A city's cumulative figure at the end of a month is official and exact when it cannot reveal
 * a small count: it is not from 1 to 4, and it differs from the figure of every earlier month end
 * of the plan by 0 or by 5 and more (so no two exact figures difference into a small count).
 * Every other figure about people (other dates, districts, facilities, communes, the periods of
 * reports and trends unless both their ends are exact) is published by the cell-key method.
 * Figures about facilities and models are not about people and stay exact.
 */
@Component
class PublishedActuals {

    /** The exact actual of a target between two dates (ProgressService's). */
    interface Exact {
        long actual(Plan plan, Indicator indicator, Target target, LocalDate from, LocalDate end);
    }

    private final CaseIndicators indicators;

    PublishedActuals(CaseIndicators indicators) {
        this.indicators = indicators;
    }

    static boolean aboutPeople(Indicator indicator) {
        return indicator.definition().kind().aboutPeople();
    }

    static boolean monthEnd(LocalDate date) {
        return date.plusDays(1).getDayOfMonth() == 1;
    }

    /**
     * Whether a city's cumulative figure at {@code end} is published exactly: a month end, and no
     * small count between it and the plan's start or any earlier month end. A share is a percent of
     * thousands and is exact whenever it is at a month end.
     */
    boolean officiallyExact(Plan plan, Indicator indicator, Target city, LocalDate end, Exact exact, int smallBelow) {
        if (city.level() != Level.CITY || !monthEnd(end) || end.isBefore(plan.periodFrom())) {
            return false;
        }
        if (indicator.definition().kind() == IndicatorKind.SHARE) {
            return true;
        }
        long value = exact.actual(plan, indicator, city, plan.periodFrom(), end);
        if (small(value, smallBelow)) {
            return false;
        }
        // the figures of the earlier month ends: for counts of events from one query by month
        java.util.Map<LocalDate, Long> byMonth = indicator.definition().kind() == IndicatorKind.EVENTS
                ? indicators.countByMonth(eventCount(plan, indicator.definition(), plan.periodFrom(), end, null, List.of()))
                : null;
        long cumulative = 0;
        for (LocalDate m = plan.periodFrom().withDayOfMonth(1).plusMonths(1).minusDays(1); m.isBefore(end);
             m = m.plusDays(1).plusMonths(1).minusDays(1)) {
            cumulative += byMonth == null ? 0 : byMonth.getOrDefault(m.withDayOfMonth(1), 0L);
            long earlier = byMonth != null ? cumulative : exact.actual(plan, indicator, city, plan.periodFrom(), m);
            if (small(value - earlier, smallBelow)) {
                return false;
            }
        }
        return true;
    }

    private static boolean small(long difference, int smallBelow) {
        long d = Math.abs(difference);
        return d > 0 && d < smallBelow;
    }

    /** A target's actual between two dates, published by the cell-key method (the caller's own people exactly). */
    long protectedActual(Plan plan, Indicator indicator, Target t, LocalDate from, LocalDate end, Protection protection,
                         AccessScope scope) {
        var d = indicator.definition();
        String district = t.level() == Level.DISTRICT ? t.unitCode() : null;
        AccessScope areaOf = protection.needsOwnArea() ? scope : null;
        return switch (d.kind()) {
            case EVENTS -> shown(indicators.countCell(eventCount(plan, d, from, end, district,
                    t.level() == Level.FACILITY ? List.of(t.unitCode()) : List.of()), areaOf), protection);
            case HOLDING -> shown(indicators.holdingCell(plan.provinceCode(), PathStatus.valueOf(d.status()), end, district,
                    plan.unitStructure(), areaOf), protection);
            case SHARE -> Math.round(protectedShare(plan, t, from, end, protection, scope));
            default -> throw new IllegalArgumentException("Not about people: " + d.kind());
        };
    }

    /** A share target's actual (a percent of the people on record) from counts published by the cell-key method. */
    double protectedShare(Plan plan, Target t, LocalDate from, LocalDate end, Protection protection, AccessScope scope) {
        String district = t.level() == Level.DISTRICT ? t.unitCode() : null;
        CaseIndicators.CellPair[] cells = indicators.reachedCells(plan.provinceCode(), from, end, district,
                plan.unitStructure(), protection.needsOwnArea() ? scope : null);
        long onRecord = shown(cells[0], protection);
        long reached = Math.min(onRecord, shown(cells[1], protection));
        return onRecord == 0 ? 0 : 100.0 * reached / onRecord;
    }

    private static long shown(CaseIndicators.CellPair cell, Protection protection) {
        return protection.shown(cell.all(), cell.inArea());
    }

    static CaseIndicators.EventCount eventCount(Plan plan, PlanModel.Definition d, LocalDate from, LocalDate to,
                                                String district, List<String> facilityCodes) {
        EnumSet<EventType> types = EnumSet.noneOf(EventType.class);
        d.eventTypes().forEach(e -> types.add(EventType.valueOf(e)));
        if (!facilityCodes.isEmpty() && types.remove(EventType.COMPULSORY_DOSSIER)) {
            // a dossier names no facility: a facility's intake from the dossiers is the compulsory admissions at it
            // (Plan 78's admissions of facilities 1, 3 and 4, which take no voluntary residents, read 0 otherwise)
            types.add(EventType.COMPULSORY_ADMISSION);
        }
        return new CaseIndicators.EventCount(plan.provinceCode(), types, from, to, district, facilityCodes, d.atFacility(),
                d.supportKinds(), plan.unitStructure());
    }
}
