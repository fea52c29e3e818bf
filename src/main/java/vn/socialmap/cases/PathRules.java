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
    /** Why a resident moves to another facility: a merger of facilities, turning 18, or a placement decision. */
    static final Set<String> TRANSFER_REASONS = Set.of("MERGER", "AGE_18", "PLACEMENT");
    /** The events that begin a rehab: a later decision counts them as earlier rehab. */
    public static final Set<EventType> REHAB_STARTS = java.util.EnumSet.of(EventType.VOLUNTARY_COMMUNITY_START,
            EventType.VOLUNTARY_FACILITY_ADMISSION, EventType.COMPULSORY_ADMISSION);
    /**
     * Compulsory rehab before Law 120/2025: adults 12 to 24 months (Law on Handling Administrative Violations,
     * Article 95), people aged 12 to under 18 6 to 12 months (Law 73/2021, Article 33 clause 3).
     */
    static final int ADULT_MIN_MONTHS = 12;
    static final int ADULT_MAX_MONTHS = 24;
    static final int MINOR_MIN_MONTHS = 6;
    static final int MINOR_MAX_MONTHS = 12;
    static final int ADULT_AGE = 18;
    /** A management decision lasts a year (Law 73/2021, Article 23; Law 120/2025, Article 24 clause 2). */
    static final java.time.Period MANAGEMENT_TERM = java.time.Period.ofYears(1);
    /** Hours to report at a new residence, and for the old commune to notify the new one (Law 120/2025, Articles 25, 27). */
    public static final int MOVE_HOURS = 24;

    /** The ages a facility admits, from {@code from} years to under {@code below} (null: no upper limit). */
    public record AgeRange(int from, Integer below) {
        boolean admits(int age) {
            return age >= from && (below == null || age < below);
        }
    }

    /** The ages each facility admits (Law 120/2025, Article 28 clause 1); null where not known. */
    @FunctionalInterface
    public interface FacilityAges {
        FacilityAges UNKNOWN = code -> null;

        AgeRange of(String facilityCode);
    }

    /** A rehab facility as the registry knows it: public or private, and whether it was there on the day asked. */
    public record RehabFacility(boolean publicFacility, boolean open) {
    }

    /**
     * The rehab facilities registered in the person's province: the one of a code as of a date, empty when no
     * rehab facility of the province has that code.
     */
    @FunctionalInterface
    public interface RehabFacilities {
        /** Takes every code for an open public facility: for the menu of possible events, which tries no real code. */
        RehabFacilities UNCHECKED = (code, date) -> java.util.Optional.of(new RehabFacility(true, true));

        java.util.Optional<RehabFacility> of(String facilityCode, LocalDate date);
    }

    /** Events that take a person into a rehab facility: the facility must be a registered one. */
    public static final Set<EventType> ENTERS_FACILITY = java.util.EnumSet.of(EventType.VOLUNTARY_FACILITY_ADMISSION,
            EventType.COMPULSORY_ADMISSION, EventType.FACILITY_TRANSFER);

    private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** Something an officer must do by a day: report at a new residence, a transfer at 18. */
    public record Due(String kind, LocalDate since, LocalDate by, String detail) {
    }

    /** An event as the rules see it. {@code id} orders events of the same date (null: a new one, last). */
    public record Event(Long id, EventType type, LocalDate date, String facilityCode, Map<String, Object> details,
                        Long supersedes) {
        public Event {
            details = details == null ? Map.of() : details;
        }
    }

    /**
     * A status held from {@code from} (inclusive) to {@code to} (exclusive; null while it lasts). SQL reads the
     * stored periods with {@code status_held} (V22), the same rule: StatusOnDateTest holds them equal.
     */
    public record Period(PathStatus status, String facilityCode, LocalDate from, LocalDate to) {
        public boolean covers(LocalDate date) {
            return vn.socialmap.base.InForce.on(from, to, date);
        }
    }

    /** An event the rules refuse; {@code messageKey} names the rule. */
    public static final class Violation extends ValidationException {
        private final transient Event event;

        Violation(Event event, String rule, Object... arguments) {
            super("event", "event.rule." + rule, arguments);
            this.event = event;
        }

        /** The law in force on the event's date and the article the rule rests on, e.g. event.basis.decision.months.adult.LAW_73_2021. */
        @Override
        public String basisKey() {
            LegalRegime regime = LegalRegime.on(event.date() == null ? LegalRegime.LAW_120_IN_FORCE : event.date());
            return "event.basis." + rule() + "." + regime.name();
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

    /**
     * The events that count: superseded ones and withdrawals (VOID) left out, in date order. SQL counts from the
     * view {@code effective_case_event} (V22), the same rule: EffectiveEventsTest holds them equal on every person.
     */
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
        return replay(birthDate, today, events, FacilityAges.UNKNOWN);
    }

    /** As {@link #replay(LocalDate, LocalDate, List)}, with the ages each facility admits. */
    public static List<Period> replay(LocalDate birthDate, LocalDate today, List<Event> events, FacilityAges ages) {
        return replay(birthDate, today, events, ages, RehabFacilities.UNCHECKED);
    }

    /** As {@link #replay(LocalDate, LocalDate, List, FacilityAges)}, with the rehab facilities registered. */
    public static List<Period> replay(LocalDate birthDate, LocalDate today, List<Event> events, FacilityAges ages,
                                      RehabFacilities registered) {
        return walk(birthDate, today, events, ages, registered).finish();
    }

    private static State walk(LocalDate birthDate, LocalDate today, List<Event> events, FacilityAges ages) {
        return walk(birthDate, today, events, ages, RehabFacilities.UNCHECKED);
    }

    private static State walk(LocalDate birthDate, LocalDate today, List<Event> events, FacilityAges ages,
                              RehabFacilities registered) {
        State s = new State();
        List<Event> effective = effective(events);
        for (int i = 0; i < effective.size(); i++) {
            Event e = effective.get(i);
            checkCommon(e, birthDate, today);
            checkDetails(e, birthDate);
            checkRegistered(s, e, registered);
            checkAge(e, birthDate, ages);
            checkOrder(s, e, effective.subList(i + 1, effective.size()));
            apply(s, e);
        }
        return s;
    }

    /**
     * A person's record opens with their listing as a person who uses drugs, and they are listed once until the
     * record is closed: a new event dated before the listing, or a second listing, is refused. Judged on a new
     * event (no id yet) against the events before it by date; a path already recorded is read as recorded.
     *
     * @param later the events dated after it
     */
    private static void checkOrder(State s, Event e, List<Event> later) {
        if (e.id() != null || s.closed) {
            return; // a closed record takes only a listing: rule record.closed
        }
        if (e.type() == EventType.DRUG_USE_RECORD) {
            if (s.onRecordSince != null) {
                throw new Violation(e, "listing.already", DAY.format(s.onRecordSince));
            }
            for (Event next : later) {
                if (next.type() == EventType.RECORD_CLOSED) {
                    break;
                }
                if (next.type() == EventType.DRUG_USE_RECORD) {
                    throw new Violation(e, "listing.later", DAY.format(next.date()));
                }
            }
            return;
        }
        if (s.onRecordSince == null) {
            LocalDate listed = later.stream().filter(n -> n.type() == EventType.DRUG_USE_RECORD).map(Event::date)
                    .findFirst().orElse(null);
            if (listed == null) {
                throw new Violation(e, "listing.missing", DAY.format(e.date()));
            }
            throw new Violation(e, "listing.after", DAY.format(e.date()), DAY.format(listed));
        }
    }

    /**
     * The facility a person enters is a rehab facility registered in the province and there on the day; compulsory
     * rehab is served at a public one. Judged on a new event only: names written before the registry knew them are
     * read as recorded.
     */
    private static void checkRegistered(State s, Event e, RehabFacilities registered) {
        if (e.id() != null || !ENTERS_FACILITY.contains(e.type())) {
            return;
        }
        String code = e.facilityCode().strip();
        RehabFacility facility = registered.of(code, e.date())
                .orElseThrow(() -> new Violation(e, "facility.unregistered", code));
        if (!facility.open()) {
            throw new Violation(e, "facility.not.open", DAY.format(e.date()));
        }
        boolean compulsory = e.type() == EventType.COMPULSORY_ADMISSION
                || e.type() == EventType.FACILITY_TRANSFER && (s.main == PathStatus.IN_COMPULSORY || s.main == PathStatus.ABSCONDED);
        if (compulsory && !facility.publicFacility()) {
            throw new Violation(e, "facility.compulsory.public");
        }
    }

    /**
     * What is due on the path as of {@code today}: a report at the new residence within 24 hours of a move
     * under Law 120/2025 (Article 25 clause 4), and the move to a public facility of a minor in compulsory rehab
     * who turned 18 with at least 3 months left (Article 36 clause 4).
     */
    public static List<Due> due(LocalDate birthDate, LocalDate today, List<Event> events, FacilityAges ages) {
        State s = walk(birthDate, today, events, ages);
        List<Due> due = new ArrayList<>();
        if (s.moveSince != null && LegalRegime.on(s.moveSince) == LegalRegime.LAW_120_2025) {
            due.add(new Due("MOVE_REPORT", s.moveSince, s.moveSince.plusDays(1), s.moveTo));
        }
        LocalDate adult = birthDate.plusYears(ADULT_AGE);
        AgeRange range = s.facility == null ? null : ages.of(s.facility);
        if (s.main == PathStatus.IN_COMPULSORY && range != null && !range.admits(ADULT_AGE) && !adult.isAfter(today)
                && LegalRegime.on(adult) == LegalRegime.LAW_120_2025 && s.termEnd != null
                && !adult.plusMonths(3).isAfter(s.termEnd)) {
            due.add(new Due("TRANSFER_AT_18", adult, adult, s.facility));
        }
        return due;
    }

    /**
     * Under Law 120/2025 a facility takes only the ages its kind admits (Article 28 clause 1). Judged on a new event
     * (no id yet) only: which facility may take minors is data an admin may correct later, and a path already
     * recorded is read as recorded rather than hidden by that correction.
     */
    private static void checkAge(Event e, LocalDate birthDate, FacilityAges ages) {
        if (e.id() != null || !ENTERS_FACILITY.contains(e.type()) || LegalRegime.on(e.date()) != LegalRegime.LAW_120_2025) {
            return;
        }
        AgeRange range = ages.of(e.facilityCode());
        int age = java.time.Period.between(birthDate, e.date()).getYears();
        if (range != null && !range.admits(age)) {
            throw new Violation(e, range.below() == null ? "facility.age.from" : "facility.age.range", age, range.from(),
                    range.below() == null ? 0 : range.below());
        }
    }

    private static void checkCommon(Event e, LocalDate birthDate, LocalDate today) {
        if (e.date() == null) {
            throw new Violation(e, "date.missing");
        }
        if (e.date().isAfter(today)) {
            throw new Violation(e, "date.future", DAY.format(e.date()));
        }
        if (e.date().isBefore(birthDate)) {
            throw new Violation(e, "date.before.birth", DAY.format(e.date()), DAY.format(birthDate));
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

    private static void checkDetails(Event e, LocalDate birthDate) {
        Map<String, Object> d = e.details();
        switch (e.type()) {
            case ADDICTION_DETERMINATION -> oneOf(e, "result", DETERMINATION_RESULTS);
            case VOLUNTARY_COMMUNITY_END, VOLUNTARY_FACILITY_DISCHARGE -> oneOf(e, "outcome", OUTCOMES);
            case SUPPORT -> oneOf(e, "kind", SUPPORT_KINDS);
            case RECORD_CLOSED -> oneOf(e, "closure", CLOSURES);
            case FACILITY_TRANSFER -> oneOf(e, "transferReason", TRANSFER_REASONS);
            case COURT_DECISION -> {
                int months = months(e);
                if (LegalRegime.on(e.date()) == LegalRegime.LAW_73_2021) {
                    boolean minor = java.time.Period.between(birthDate, e.date()).getYears() < ADULT_AGE;
                    int min = minor ? MINOR_MIN_MONTHS : ADULT_MIN_MONTHS;
                    int max = minor ? MINOR_MAX_MONTHS : ADULT_MAX_MONTHS;
                    if (months < min || months > max) {
                        throw new Violation(e, minor ? "decision.months.minor" : "decision.months.adult", min, max);
                    }
                }
            }
            case SUMMONS -> {
                LocalDate appearOn = date(e, "appearOn", "summons.appear.date");
                if (appearOn.isBefore(e.date())) {
                    throw new Violation(e, "summons.appear.date");
                }
            }
            case POST_REHAB_START -> {
                LocalDate plannedEnd = date(e, "plannedEnd", "postrehab.planned.end");
                if (!plannedEnd.isAfter(e.date())) {
                    throw new Violation(e, "postrehab.planned.end");
                }
            }
            default -> {
            }
        }
    }

    private static LocalDate date(Event e, String field, String rule) {
        try {
            return LocalDate.parse(e.details().get(field).toString().strip());
        } catch (DateTimeParseException ex) {
            throw new Violation(e, rule);
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
            case MANAGEMENT_DECISION -> {
                require(main == PathStatus.USING, e, "management.requires.use");
                require(!s.managedOn(e.date()), e, "management.already", s.managedUntil);
                s.managedUntil = e.date().plus(MANAGEMENT_TERM);
            }
            case SUMMONS -> {
                require(LegalRegime.on(e.date()) == LegalRegime.LAW_120_2025, e, "summons.before.law120");
                require(s.managedOn(e.date()) || main == PathStatus.POST_REHAB || main == PathStatus.VOLUNTARY_COMMUNITY, e,
                        "summons.requires.management");
            }
            case RESIDENCE_MOVE -> {
                require(s.onRecordSince != null, e, "move.not.on.record");
                require(main != PathStatus.IN_COMPULSORY && main != PathStatus.VOLUNTARY_FACILITY && main != PathStatus.ABSCONDED,
                        e, "move.in.facility");
                s.moveSince = e.date();
                s.moveTo = e.details().get("toCommune").toString();
            }
            case REPORTED_AT_NEW_RESIDENCE -> {
                require(s.moveSince != null, e, "report.without.move");
                s.moveSince = null;
                s.moveTo = null;
            }
            case FACILITY_TRANSFER -> {
                require(main == PathStatus.IN_COMPULSORY || main == PathStatus.VOLUNTARY_FACILITY, e, "transfer.requires.facility");
                require(!e.facilityCode().equals(s.facility), e, "transfer.same.facility");
                if ("AGE_18".equals(e.details().get("transferReason"))) {
                    require(main == PathStatus.IN_COMPULSORY, e, "transfer.age18.compulsory");
                }
                s.move(e.date(), main, e.facilityCode());
            }
            case ADDICTION_DETERMINATION -> {
                if (main == PathStatus.IN_COMPULSORY || main == PathStatus.VOLUNTARY_FACILITY) {
                    throw new Violation(e, "determination.in.facility");
                }
                boolean addicted = "ADDICTED".equals(e.details().get("result"));
                s.determinedAddicted |= addicted;
                if (addicted) {
                    // management ends when the person is found addicted (Law 120/2025, Article 24 clause 5)
                    s.managedUntil = null;
                }
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
                s.decidedMonths = months(e);
            }
            case COMPULSORY_ADMISSION -> {
                require(s.decisionPending, e, "admission.requires.decision");
                s.decisionPending = false;
                s.dossierOpen = false;
                s.managedUntil = null;
                s.termEnd = e.date().plusMonths(s.decidedMonths);
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
            case ELECTRONIC_MONITORING_BREACH -> require(s.monitored, e, "monitoring.breach.without.start");
            case ELECTRONIC_MONITORING_END -> {
                require(s.monitored, e, "monitoring.end.without.start");
                s.monitored = false;
            }
            case RECORD_CLOSED -> {
                // a management period ends only for someone neither in rehab or its follow-up nor in treatment
                if ("MANAGEMENT_ENDED".equals(e.details().get("closure"))) {
                    require(main == PathStatus.USING || main == PathStatus.AFTER_REHAB, e, "closure.management.status");
                    require(!s.onMethadone, e, "closure.methadone");
                    require(!s.managedOn(e.date()), e, "closure.management.term", s.managedUntil);
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

    private static void require(boolean condition, Event e, String rule, Object... arguments) {
        if (!condition) {
            throw new Violation(e, rule, arguments);
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
        int decidedMonths;
        /** The end of the compulsory term being served (admission plus the decision's months). */
        LocalDate termEnd;
        /** The end of the management decision's year; null when none runs. */
        LocalDate managedUntil;
        /** A move not yet reported at the new residence: since when, and to which commune. */
        LocalDate moveSince;
        String moveTo;
        /** On record since this day; null before the first event and after the record is closed. */
        LocalDate onRecordSince;
        boolean closed;
        final List<Period> periods = new ArrayList<>();

        boolean managedOn(LocalDate date) {
            return managedUntil != null && date.isBefore(managedUntil);
        }

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
            managedUntil = null;
            moveSince = null;
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
        return possibleNext(birthDate, today, events, date, FacilityAges.UNKNOWN);
    }

    public static List<EventType> possibleNext(LocalDate birthDate, LocalDate today, List<Event> events, LocalDate date,
                                               FacilityAges ages) {
        return next(birthDate, today, events, date, ages).possible();
    }

    /**
     * The kinds of event possible on a date; when there are none, {@code reason} says why: the refusal most of the
     * kinds tried met (a date in the future, a date before the person's listing), for the form to show.
     */
    public record Next(List<EventType> possible, Violation reason) {
    }

    public static Next next(LocalDate birthDate, LocalDate today, List<Event> events, LocalDate date, FacilityAges ages) {
        List<EventType> possible = new ArrayList<>();
        Map<String, Integer> counts = new HashMap<>();
        Map<String, Violation> refusals = new HashMap<>();
        for (EventType type : EventType.values()) {
            if (type == EventType.VOID) {
                continue;
            }
            for (Map<String, Object> sample : sampleDetails(type, date)) {
                List<Event> tried = new ArrayList<>(events);
                tried.add(new Event(null, type, date, type.requiresFacility() ? "?" : null, sample, null));
                try {
                    replay(birthDate, today, tried, ages);
                    possible.add(type);
                    break;
                } catch (Violation e) {
                    // not possible with these details
                    counts.merge(e.rule(), 1, Integer::sum);
                    refusals.putIfAbsent(e.rule(), e);
                }
            }
        }
        Violation reason = possible.isEmpty() ? counts.entrySet().stream().max(Map.Entry.comparingByValue())
                .map(c -> refusals.get(c.getKey())).orElse(null) : null;
        return new Next(possible, reason);
    }

    /** Plausible details to try: for a court decision each term some law or age allows. */
    private static List<Map<String, Object>> sampleDetails(EventType type, LocalDate date) {
        if (type == EventType.COURT_DECISION) {
            return java.util.stream.Stream.of(MINOR_MIN_MONTHS, ADULT_MIN_MONTHS, ADULT_MAX_MONTHS,
                            LegalRegime.LAW_120_2025.rehabMonths(true))
                    .map(m -> Map.<String, Object>of("court", "?", "decisionNumber", "?", "months", m)).toList();
        }
        return List.of(sampleDetail(type, date));
    }

    private static Map<String, Object> sampleDetail(EventType type, LocalDate date) {
        return switch (type) {
            case ADDICTION_DETERMINATION -> Map.of("result", "ADDICTED");
            case VOLUNTARY_COMMUNITY_START -> Map.of("provider", "?");
            case VOLUNTARY_COMMUNITY_END, VOLUNTARY_FACILITY_DISCHARGE -> Map.of("outcome", "COMPLETED");
            case MANAGEMENT_DECISION -> Map.of("decisionNumber", "?");
            case SUMMONS -> Map.of("appearOn", date.toString());
            case RESIDENCE_MOVE -> Map.of("toCommune", "?");
            case FACILITY_TRANSFER -> Map.of("transferReason", "PLACEMENT");
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
            case "transferReason" -> TRANSFER_REASONS;
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
