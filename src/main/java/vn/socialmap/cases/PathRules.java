package vn.socialmap.cases;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import vn.socialmap.base.ValidationException;

/**
 * The state machine of a person's path. {@link #replay} walks the events in date order
 * and refuses the first impossible one, naming the rule it breaks; when all are possible
 * it returns the status periods they imply. Status on any date is read from those
 * periods, never stored on the person.
 */
public final class PathRules {

    static final Set<String> DETERMINATION_RESULTS = Set.of("ADDICTED", "NOT_ADDICTED");
    static final Set<String> OUTCOMES = Set.of("COMPLETED", "DROPPED_OUT");
    static final Set<String> SUPPORT_KINDS = Set.of("LOAN", "VOCATIONAL_TRAINING", "JOB_PLACEMENT");
    /** Why a record is closed: the person died, moved out of the province, or their management ended. */
    static final Set<String> CLOSURES = Set.of("DIED", "MOVED_AWAY", "MANAGEMENT_ENDED");
    /** The events that begin a rehab: a later decision counts them as earlier rehab. */
    public static final Set<EventType> REHAB_STARTS = java.util.EnumSet.of(EventType.VOLUNTARY_COMMUNITY_START,
            EventType.VOLUNTARY_FACILITY_ADMISSION, EventType.COMPULSORY_ADMISSION);
    static final int MIN_MONTHS = 3;
    static final int MAX_MONTHS = 24;

    /** An event as the rules see it. {@code id} orders events of the same date (null: a new one, last). */
    public record Event(Long id, EventType type, LocalDate date, String facilityCode, Map<String, Object> details,
                        Long supersedes) {
        public Event {
            details = details == null ? Map.of() : details;
        }
    }

    /** A status held from {@code from} (inclusive) to {@code to} (exclusive; null while it lasts). */
    public record Period(PathStatus status, String facilityCode, LocalDate from, LocalDate to) {
        public boolean covers(LocalDate date) {
            return !from.isAfter(date) && (to == null || to.isAfter(date));
        }
    }

    /** An event the rules refuse; {@code messageKey} names the rule. */
    public static final class Violation extends ValidationException {
        private final transient Event event;

        Violation(Event event, String rule, Object... arguments) {
            super("event", "event.rule." + rule, arguments);
            this.event = event;
        }

        public Event event() {
            return event;
        }

        public String rule() {
            return messageKey().substring("event.rule.".length());
        }
    }

    private PathRules() {
    }

    /** The events that count: superseded ones and withdrawals (VOID) left out, in date order. */
    public static List<Event> effective(List<Event> all) {
        Set<Long> superseded = new java.util.HashSet<>();
        for (Event e : all) {
            if (e.supersedes() != null) {
                superseded.add(e.supersedes());
            }
        }
        List<Event> effective = new ArrayList<>();
        for (Event e : all) {
            if (e.type() != EventType.VOID && (e.id() == null || !superseded.contains(e.id()))) {
                effective.add(e);
            }
        }
        effective.sort(Comparator.comparing(Event::date)
                .thenComparing(e -> e.id() == null ? Long.MAX_VALUE : e.id()));
        return effective;
    }

    /**
     * @param events all events of the person, including superseded ones and corrections
     * @throws Violation at the first impossible event
     */
    public static List<Period> replay(LocalDate birthDate, LocalDate today, List<Event> events) {
        State s = new State();
        for (Event e : effective(events)) {
            checkCommon(e, birthDate, today);
            checkDetails(e);
            apply(s, e);
        }
        return s.finish();
    }

    private static void checkCommon(Event e, LocalDate birthDate, LocalDate today) {
        if (e.date() == null) {
            throw new Violation(e, "date.missing");
        }
        if (e.date().isAfter(today)) {
            throw new Violation(e, "date.future", e.date());
        }
        if (e.date().isBefore(birthDate)) {
            throw new Violation(e, "date.before.birth", e.date(), birthDate);
        }
        if (e.type().requiresFacility() && (e.facilityCode() == null || e.facilityCode().isBlank())) {
            throw new Violation(e, "facility.missing");
        }
        for (String field : e.type().requiredDetails()) {
            Object value = e.details().get(field);
            if (value == null || value.toString().isBlank()) {
                throw new Violation(e, "detail.missing", field);
            }
        }
    }

    /** The months a court decision sets. */
    private static int months(Event e) {
        try {
            return Integer.parseInt(e.details().get("months").toString().strip());
        } catch (NumberFormatException ex) {
            throw new Violation(e, "decision.months.number");
        }
    }

    private static void checkDetails(Event e) {
        Map<String, Object> d = e.details();
        switch (e.type()) {
            case ADDICTION_DETERMINATION -> oneOf(e, "result", DETERMINATION_RESULTS);
            case VOLUNTARY_COMMUNITY_END, VOLUNTARY_FACILITY_DISCHARGE -> oneOf(e, "outcome", OUTCOMES);
            case SUPPORT -> oneOf(e, "kind", SUPPORT_KINDS);
            case RECORD_CLOSED -> oneOf(e, "closure", CLOSURES);
            case COURT_DECISION -> {
                int months = months(e);
                if (LegalRegime.on(e.date()) == LegalRegime.LAW_73_2021 && (months < MIN_MONTHS || months > MAX_MONTHS)) {
                    throw new Violation(e, "decision.months", MIN_MONTHS, MAX_MONTHS);
                }
            }
            case POST_REHAB_START -> {
                LocalDate plannedEnd;
                try {
                    plannedEnd = LocalDate.parse(d.get("plannedEnd").toString().strip());
                } catch (DateTimeParseException ex) {
                    throw new Violation(e, "postrehab.planned.end");
                }
                if (!plannedEnd.isAfter(e.date())) {
                    throw new Violation(e, "postrehab.planned.end");
                }
            }
            default -> {
            }
        }
    }

    private static void oneOf(Event e, String field, Set<String> allowed) {
        if (!allowed.contains(e.details().get(field).toString())) {
            throw new Violation(e, "detail.value", field, String.join(", ", new java.util.TreeSet<>(allowed)));
        }
    }

    private static void apply(State s, Event e) {
        PathStatus main = s.main;
        if (s.closed && e.type() != EventType.DRUG_USE_RECORD && e.type() != EventType.VOID) {
            throw new Violation(e, "record.closed");
        }
        boolean earlierRehab = s.everInRehab;
        s.everInRehab |= REHAB_STARTS.contains(e.type());
        switch (e.type()) {
            case DRUG_USE_RECORD -> {
                requireNotInRehab(s, e);
                if (main == PathStatus.POST_REHAB) {
                    throw new Violation(e, "use.during.postrehab");
                }
                s.move(e.date(), PathStatus.USING, null);
            }
            case ADDICTION_DETERMINATION -> {
                if (main == PathStatus.IN_COMPULSORY || main == PathStatus.VOLUNTARY_FACILITY) {
                    throw new Violation(e, "determination.in.facility");
                }
                boolean addicted = "ADDICTED".equals(e.details().get("result"));
                s.determinedAddicted |= addicted;
                if (main == null || main == PathStatus.USING || main == PathStatus.RELAPSED || main == PathStatus.AFTER_REHAB) {
                    s.move(e.date(), addicted ? PathStatus.ADDICTED : PathStatus.USING, null);
                }
            }
            case VOLUNTARY_COMMUNITY_START -> {
                requireNotInRehab(s, e);
                s.move(e.date(), PathStatus.VOLUNTARY_COMMUNITY, null);
            }
            case VOLUNTARY_COMMUNITY_END -> {
                require(main == PathStatus.VOLUNTARY_COMMUNITY, e, "community.end.without.start");
                s.move(e.date(), completed(e) ? PathStatus.AFTER_REHAB : PathStatus.USING, null);
            }
            case VOLUNTARY_FACILITY_ADMISSION -> {
                requireNotInRehab(s, e);
                s.move(e.date(), PathStatus.VOLUNTARY_FACILITY, e.facilityCode());
            }
            case VOLUNTARY_FACILITY_DISCHARGE -> {
                require(main == PathStatus.VOLUNTARY_FACILITY, e, "discharge.without.admission");
                s.move(e.date(), completed(e) ? PathStatus.AFTER_REHAB : PathStatus.USING, null);
            }
            case COMPULSORY_DOSSIER -> {
                requireNotInRehab(s, e);
                require(s.determinedAddicted, e, "dossier.requires.determination");
                require(!s.dossierOpen, e, "dossier.already.open");
                s.dossierOpen = true;
                s.move(e.date(), PathStatus.COMPULSORY_PENDING, null);
            }
            case COURT_DECISION -> {
                require(s.dossierOpen, e, "decision.requires.dossier");
                require(!s.decisionPending, e, "decision.already");
                // under Law 120/2025 the term follows from earlier rehab, judged on the decision's date
                int due = LegalRegime.on(e.date()).rehabMonths(earlierRehab);
                if (due > 0 && months(e) != due) {
                    throw new Violation(e, earlierRehab ? "decision.months.law120.later" : "decision.months.law120.first", due);
                }
                s.decisionPending = true;
            }
            case COMPULSORY_ADMISSION -> {
                require(s.decisionPending, e, "admission.requires.decision");
                s.decisionPending = false;
                s.dossierOpen = false;
                s.move(e.date(), PathStatus.IN_COMPULSORY, e.facilityCode());
            }
            case ABSCONDING -> {
                require(main == PathStatus.IN_COMPULSORY, e, "absconding.requires.admission");
                s.move(e.date(), PathStatus.ABSCONDED, s.facility);
            }
            case RETURN -> {
                require(main == PathStatus.ABSCONDED, e, "return.requires.absconding");
                s.move(e.date(), PathStatus.IN_COMPULSORY, s.facility);
            }
            case RELEASE -> {
                require(main == PathStatus.IN_COMPULSORY, e, "release.requires.admission");
                s.move(e.date(), PathStatus.AFTER_REHAB, null);
            }
            case DETOX -> require(main != PathStatus.ABSCONDED, e, "detox.while.absconded");
            case METHADONE_START -> {
                require(!s.onMethadone, e, "methadone.already");
                s.setMethadone(e.date(), true);
            }
            case METHADONE_STOP -> {
                require(s.onMethadone, e, "methadone.not.started");
                s.setMethadone(e.date(), false);
            }
            case POST_REHAB_START -> {
                require(s.everInRehab, e, "postrehab.requires.rehab");
                require(main == PathStatus.AFTER_REHAB, e, "postrehab.requires.finished.rehab");
                s.move(e.date(), PathStatus.POST_REHAB, null);
            }
            case POST_REHAB_END -> {
                require(main == PathStatus.POST_REHAB, e, "postrehab.end.without.start");
                s.move(e.date(), PathStatus.AFTER_REHAB, null);
            }
            case RELAPSE -> {
                require(s.everInRehab && (main == PathStatus.AFTER_REHAB || main == PathStatus.POST_REHAB),
                        e, "relapse.requires.rehab");
                s.move(e.date(), PathStatus.RELAPSED, null);
            }
            case SUPPORT -> require(s.everInRehab, e, "support.requires.rehab");
            case ELECTRONIC_MONITORING_START -> {
                require(LegalRegime.on(e.date()) == LegalRegime.LAW_120_2025, e, "monitoring.before.law120");
                require(main == PathStatus.VOLUNTARY_COMMUNITY || main == PathStatus.POST_REHAB || s.onMethadone, e,
                        "monitoring.requires.measure");
                require(!s.monitored, e, "monitoring.already");
                s.monitored = true;
            }
            case ELECTRONIC_MONITORING_END -> {
                require(s.monitored, e, "monitoring.end.without.start");
                s.monitored = false;
            }
            case RECORD_CLOSED -> {
                // a management period ends only for someone neither in rehab or its follow-up nor in treatment
                if ("MANAGEMENT_ENDED".equals(e.details().get("closure"))) {
                    require(main == PathStatus.USING || main == PathStatus.AFTER_REHAB, e, "closure.management.status");
                    require(!s.onMethadone, e, "closure.methadone");
                }
                s.closeRecord(e.date());
                return;
            }
            case VOID -> {
            }
        }
        s.record(e.date());
    }

    private static boolean completed(Event e) {
        return "COMPLETED".equals(e.details().get("outcome"));
    }

    private static void requireNotInRehab(State s, Event e) {
        PathStatus m = s.main;
        if (m == PathStatus.IN_COMPULSORY || m == PathStatus.ABSCONDED || m == PathStatus.VOLUNTARY_FACILITY
                || m == PathStatus.VOLUNTARY_COMMUNITY) {
            throw new Violation(e, "already.in.rehab");
        }
    }

    private static void require(boolean condition, Event e, String rule) {
        if (!condition) {
            throw new Violation(e, rule);
        }
    }

    /** Replay state; builds the periods as statuses change. */
    private static final class State {
        PathStatus main;
        LocalDate mainSince;
        String facility;
        boolean onMethadone;
        LocalDate methadoneSince;
        boolean everInRehab;
        /** Under electronic monitoring (Law 120/2025, Article 12). */
        boolean monitored;
        boolean determinedAddicted;
        boolean dossierOpen;
        boolean decisionPending;
        /** On record since this day; null before the first event and after the record is closed. */
        LocalDate onRecordSince;
        boolean closed;
        final List<Period> periods = new ArrayList<>();

        void record(LocalDate date) {
            if (onRecordSince == null) {
                onRecordSince = date;
                closed = false;
            }
        }

        /** The person leaves the list: every status they hold ends on the day. */
        void closeRecord(LocalDate date) {
            close(main, facility, mainSince, date);
            main = null;
            facility = null;
            monitored = false;
            if (onMethadone) {
                setMethadone(date, false);
            }
            close(PathStatus.ON_RECORD, null, onRecordSince, date);
            onRecordSince = null;
            dossierOpen = false;
            decisionPending = false;
            closed = true;
        }

        void move(LocalDate date, PathStatus next, String nextFacility) {
            if (main == next && java.util.Objects.equals(facility, nextFacility)) {
                return;
            }
            close(main, facility, mainSince, date);
            main = next;
            facility = nextFacility;
            mainSince = date;
        }

        void setMethadone(LocalDate date, boolean on) {
            if (on) {
                methadoneSince = date;
            } else {
                close(PathStatus.ON_METHADONE, null, methadoneSince, date);
            }
            onMethadone = on;
        }

        private void close(PathStatus status, String facilityCode, LocalDate from, LocalDate to) {
            if (status != null && from != null && to.isAfter(from)) {
                periods.add(new Period(status, facilityCode, from, to));
            }
        }

        List<Period> finish() {
            List<Period> result = new ArrayList<>(periods);
            if (main != null) {
                result.add(new Period(main, facility, mainSince, null));
            }
            if (onMethadone) {
                result.add(new Period(PathStatus.ON_METHADONE, null, methadoneSince, null));
            }
            if (onRecordSince != null) {
                result.add(new Period(PathStatus.ON_RECORD, null, onRecordSince, null));
            }
            result.sort(Comparator.comparing(Period::from).thenComparing(Period::status));
            return result;
        }
    }

    /**
     * The kinds of event that could come next on {@code date}, given the path so far: each
     * is tried with plausible details; the form then asks for the real ones.
     */
    public static List<EventType> possibleNext(LocalDate birthDate, LocalDate today, List<Event> events, LocalDate date) {
        List<EventType> possible = new ArrayList<>();
        for (EventType type : EventType.values()) {
            if (type == EventType.VOID) {
                continue;
            }
            List<Event> tried = new ArrayList<>(events);
            tried.add(new Event(null, type, date, type.requiresFacility() ? "?" : null, sampleDetails(type, date), null));
            try {
                replay(birthDate, today, tried);
                possible.add(type);
            } catch (Violation e) {
                // not possible now
            }
        }
        return possible;
    }

    private static Map<String, Object> sampleDetails(EventType type, LocalDate date) {
        return switch (type) {
            case ADDICTION_DETERMINATION -> Map.of("result", "ADDICTED");
            case VOLUNTARY_COMMUNITY_START -> Map.of("provider", "?");
            case VOLUNTARY_COMMUNITY_END, VOLUNTARY_FACILITY_DISCHARGE -> Map.of("outcome", "COMPLETED");
            case COURT_DECISION -> Map.of("court", "?", "decisionNumber", "?", "months", MAX_MONTHS);
            case METHADONE_STOP -> Map.of("reason", "?");
            case POST_REHAB_START -> Map.of("plannedEnd", date.plusYears(1).toString(), "assignee", "?");
            case SUPPORT -> Map.of("kind", "LOAN");
            case ELECTRONIC_MONITORING_START -> Map.of("orderNumber", "?");
            case RECORD_CLOSED -> Map.of("closure", "MOVED_AWAY");
            default -> Map.of();
        };
    }

    /** Allowed values of a detail field, or null for free text. */
    public static Set<String> choices(String field) {
        return switch (field) {
            case "result" -> DETERMINATION_RESULTS;
            case "outcome" -> OUTCOMES;
            case "kind" -> SUPPORT_KINDS;
            case "closure" -> CLOSURES;
            default -> null;
        };
    }

    /** Status periods covering a date. */
    public static List<PathStatus> statusesOn(List<Period> periods, LocalDate date) {
        return periods.stream().filter(p -> p.covers(date)).map(Period::status).toList();
    }

    static Map<String, Object> details(Object... keyValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
