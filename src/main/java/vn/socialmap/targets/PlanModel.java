package vn.socialmap.targets;

import java.time.LocalDate;
import java.util.List;

/** The plan records. */
public final class PlanModel {

    private PlanModel() {
    }

    /** A plan; its district and commune targets name units of {@code unitStructure} (in force when its period began). */
    public record Plan(long id, String provinceCode, String number, String issuer, LocalDate issuedOn, String title,
                       LocalDate periodFrom, LocalDate periodTo, String unitStructure) {

        /** Whether the day falls in the plan's period (both ends included): a plan's targets speak of that period only. */
        public boolean inForceOn(LocalDate day) {
            return !day.isBefore(periodFrom) && !day.isAfter(periodTo);
        }
    }

    public enum Unit {
        PEOPLE, MODELS, PERCENT,
        /** Communes (drug-free communes recognised). */
        COMMUNES
    }

    public enum Level {
        CITY, DISTRICT, FACILITY
    }

    /**
     * How an indicator's actual is computed.
     *
     * @param kind          EVENTS (a count of events in the period), HOLDING (people holding a status at the
     *                      as-of date) or MODELS (active post-rehab models in the year)
     * @param eventTypes    for EVENTS
     * @param atFacility    for EVENTS: only events at a facility (the facility's own code at FACILITY level)
     * @param supportKinds  for SUPPORT events: the kinds that count
     * @param status        for HOLDING
     */
    public record Definition(IndicatorKind kind, List<String> eventTypes, boolean atFacility, List<String> supportKinds,
                             String status) {
    }

    public record Indicator(long id, long planId, String code, String name, Unit unit, Definition definition, int position) {
    }

    public record Target(long indicatorId, Level level, String unitCode, double value) {
    }
}
