package vn.socialmap.demo;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

import vn.socialmap.cases.CaseBulkLoader.PersonSeed;
import vn.socialmap.cases.EventForm;
import vn.socialmap.cases.EventType;
import vn.socialmap.cases.LegalRegime;
import vn.socialmap.cases.NationalId;
import vn.socialmap.cases.PathRules;
import vn.socialmap.cases.PathStatus;
import vn.socialmap.cases.PersonForm;
import vn.socialmap.cases.Sex;
import vn.socialmap.geography.AdminUnit;
import vn.socialmap.geography.PointSampler;

/**
 * Generates a province's synthetic people and paths up to an end date, deterministically
 * (same calibration, units and end date, same result). The counts named in
 * {@link DemoCalibration} hold exactly; the rest (earlier rehab, later years, Methadone in
 * the community, records closed) gives the data its shape without touching the calibrated
 * periods.
 */
final class DemoPopulation {

    static final LocalDate START = LocalDate.of(2016, 1, 1);
    private static final LocalDate Y2021 = LocalDate.of(2021, 1, 1);
    private static final LocalDate Y2021_END = LocalDate.of(2021, 12, 31);
    private static final LocalDate H1 = DemoCalibration.H1_START;
    private static final LocalDate H1_END = DemoCalibration.H1_END;
    /** People first recorded in 2022-2023 come until then; the later years' people and stories after. */
    static final LocalDate LATER = LocalDate.of(2023, 10, 1);
    /** Records are closed only after the calibrated periods. */
    static final LocalDate CLOSURES_FROM = LocalDate.of(2022, 7, 1);
    /** Hà Nội reported over 17,000 people on record in February 2025. */
    static final LocalDate EARLY_2025 = DemoCalibration.EARLY_2025;
    /** A management period lasts a year (Law 73/2021, art. 23): a record closes no sooner after the last event. */
    private static final int MANAGEMENT_DAYS = 365;
    /** Share of people whose residence point is recorded: most are placed in today's communes by it. */
    private static final double POINT_RECORDED = 0.85;

    private static final String[] SURNAMES = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ",
            "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trịnh", "Đào", "Cao"};
    private static final String[] MIDDLE_MALE = {"Văn", "Đức", "Minh", "Quang", "Hữu", "Xuân", "Thành", "Công", "Mạnh"};
    private static final String[] MIDDLE_FEMALE = {"Thị", "Thu", "Ngọc", "Thanh", "Hồng"};
    private static final String[] GIVEN = {"An", "Bình", "Cường", "Dũng", "Giang", "Hải", "Hiếu", "Hùng", "Huy",
            "Khánh", "Long", "Nam", "Phong", "Quân", "Sơn", "Thắng", "Toàn", "Trung", "Tuấn", "Việt", "Hà", "Lan",
            "Mai", "Hương", "Linh", "Nga", "Thảo", "Yến"};
    private static final String[] OCCUPATIONS = {"Lao động tự do", "Không nghề nghiệp", "Xe ôm", "Thợ xây",
            "Buôn bán nhỏ", "Công nhân", "Lái xe", "Nông dân"};

    /** An area (a district, or a province of today) with its communes and how many of the people live there (relative). */
    record Area(String name, List<AdminUnit> communes, double weight) {
    }

    /** Facility codes with relative weights, for compulsory and voluntary admissions. */
    record Facilities(Map<String, Double> compulsory, Map<String, Double> voluntary, Map<String, String> successors,
                      LocalDate mergedOn) {

        Facilities(Map<String, Double> compulsory, Map<String, Double> voluntary) {
            this(compulsory, voluntary, Map.of(), null);
        }

        /** The facility that takes an admission on a date: after a merger, the successor of the one drawn. */
        String on(String drawn, LocalDate date) {
            return mergedOn != null && !date.isBefore(mergedOn) ? successors.getOrDefault(drawn, drawn) : drawn;
        }
    }

    /**
     * A generated person: the seed (its form holds the residence point only when it was recorded)
     * and where they live, for placing them in the structure in force when they were first recorded.
     */
    record Generated(PersonSeed seed, Coordinate residence, LocalDate firstRecord) {
    }

    private final DemoCalibration calibration;
    private final List<Area> areas;
    private final Facilities facilities;
    private final LocalDate until;
    private final Random random;
    private final PointSampler points;
    private final long firstSerial;

    /**
     * @param until       the last day with events (the end of the previous month, for the demo)
     * @param mask        where residence points may lie (today's communes), or null
     * @param firstSerial the first serial of the national IDs made (after those of people already there)
     */
    DemoPopulation(DemoCalibration calibration, List<Area> areas, Facilities facilities, LocalDate until, Geometry mask,
                   long firstSerial) {
        this.firstSerial = firstSerial;
        this.calibration = calibration;
        this.areas = areas;
        this.facilities = facilities;
        this.until = until;
        this.random = new Random(calibration.seed());
        this.points = new PointSampler(random, mask);
    }

    /** A person being built: who, where, and their events. */
    private final class Plan {
        final int index;
        final Area area;
        final AdminUnit commune;
        final LocalDate birth;
        final Sex sex;
        final LocalDate first;
        final List<EventForm> events = new ArrayList<>();
        boolean storied;
        String stayFacility;
        LocalDate admitted;
        LocalDate released;

        Plan(int index, LocalDate first) {
            this.index = index;
            this.first = first;
            this.area = weighted(areas, Area::weight);
            this.commune = area.communes().get(random.nextInt(area.communes().size()));
            this.sex = random.nextDouble() < 0.93 ? Sex.MALE : Sex.FEMALE;
            int age = random.nextDouble() < 0.03 ? 15 + random.nextInt(3) : 18 + random.nextInt(38);
            this.birth = first.minusYears(age).minusDays(random.nextInt(365));
        }

        void add(EventType type, LocalDate date, String facility, Map<String, Object> details) {
            if (!date.isAfter(until)) {
                events.add(new EventForm(type, date, facility, details, null));
            }
        }

        LocalDate lastEvent() {
            return events.stream().map(EventForm::date).max(LocalDate::compareTo).orElse(first);
        }

        boolean inFacilityOn(LocalDate date) {
            return admitted != null && !date.isBefore(admitted) && (released == null || date.isBefore(released));
        }
    }

    List<Generated> generate() {
        List<Plan> plans = new ArrayList<>();
        int n = 0;
        for (int i = 0; i < calibration.onRecord2020(); i++) {
            plans.add(new Plan(n++, between(START, LocalDate.of(2020, 12, 31))));
        }
        for (int i = 0; i < calibration.newIn2021(); i++) {
            plans.add(new Plan(n++, between(Y2021, Y2021_END)));
        }
        for (int i = 0; i < calibration.newLater(); i++) {
            plans.add(new Plan(n++, between(LocalDate.of(2022, 1, 1), LATER.minusDays(1))));
        }
        LocalDate lastNew = until.minusDays(30);
        int laterPeople = (int) Math.round(calibration.newPerYear() * years(LATER, lastNew));
        for (int i = 0; i < laterPeople; i++) {
            plans.add(new Plan(n++, between(LATER, lastNew)));
        }
        for (Plan p : plans) {
            p.add(EventType.DRUG_USE_RECORD, p.first, null, Map.of());
        }
        List<Plan> pool = new ArrayList<>(plans);
        Collections.shuffle(pool, random);

        // Calibrated cohorts: each person gets at most one major story.
        List<Plan> compulsory2021 = cohort(pool, calibration.dossiers2021(), Y2021, Y2021_END, this::compulsory);
        cohort(pool, calibration.voluntaryFacility2021(), Y2021, Y2021_END, this::voluntaryFacility);
        cohort(pool, calibration.dossiersH1(), H1, H1_END, this::compulsory);
        List<Plan> voluntaryH1 = cohort(pool, calibration.voluntaryFacilityH1(), H1, H1_END, this::voluntaryFacility);
        cohort(pool, calibration.communityH1(), H1, H1_END, this::community);
        attachDetox(voluntaryH1);
        attachInFacility(compulsory2021, calibration.methadoneInFacilityH1(), EventType.METHADONE_START, Map.of());
        attachInFacility(compulsory2021, calibration.trainedH1(), EventType.SUPPORT, Map.of("kind", "VOCATIONAL_TRAINING"));

        // Uncalibrated shape, outside 2021 and the first half of 2022.
        int scale = Math.max(1, calibration.dossiers2021());
        cohort(pool, scale / 3, LocalDate.of(2018, 1, 1), LocalDate.of(2020, 6, 30), this::compulsory);
        cohort(pool, scale / 2, LocalDate.of(2018, 1, 1), LocalDate.of(2020, 6, 30), this::voluntaryFacility);
        cohort(pool, scale * 4 / 10, LocalDate.of(2022, 7, 1), LocalDate.of(2022, 12, 31), this::compulsory);
        cohort(pool, scale * 7 / 10, LocalDate.of(2022, 7, 1), LocalDate.of(2022, 12, 31), this::voluntaryFacility);
        cohort(pool, scale * 8 / 10, LocalDate.of(2023, 1, 1), LATER.minusDays(1), this::compulsory);
        cohort(pool, scale * 12 / 10, LocalDate.of(2023, 1, 1), LATER.minusDays(1), this::voluntaryFacility);
        cohort(pool, scale / 4, LocalDate.of(2022, 7, 1), LATER.minusDays(1), this::community);
        // the later years, a half-year at a time, at the pace of 2023
        for (LocalDate from = LATER; from.isBefore(lastNew); from = from.plusMonths(6)) {
            LocalDate to = from.plusMonths(6).minusDays(1).isAfter(lastNew) ? lastNew : from.plusMonths(6).minusDays(1);
            double half = years(from, to);
            cohort(pool, (int) Math.round(scale * 0.9 * half), from, to, this::compulsory);
            cohort(pool, (int) Math.round(scale * 1.3 * half), from, to, this::voluntaryFacility);
            cohort(pool, (int) Math.round(scale * 0.3 * half), from, to, this::community);
        }
        for (Plan p : pool) {
            if (!p.storied) {
                basic(p);
            }
        }
        for (Plan p : plans) {
            methadoneInCommunity(p);
        }
        closeRecords(plans);
        for (Plan p : plans) {
            carriedOver(p);
            underLaw120(p);
        }

        List<Generated> generated = new ArrayList<>(plans.size());
        for (Plan p : plans) {
            generated.add(seed(p));
        }
        return generated;
    }

    /** Years (fractional) from one date to another. */
    private static double years(LocalDate from, LocalDate to) {
        return to.isBefore(from) ? 0 : (ChronoUnit.DAYS.between(from, to) + 1) / 365.25;
    }

    private interface Story {
        void tell(Plan plan, LocalDate date);
    }

    /** Picks {@code count} people not yet in a story, recorded at least 45 days before their story's date. */
    private List<Plan> cohort(List<Plan> pool, int count, LocalDate from, LocalDate to, Story story) {
        List<Plan> chosen = new ArrayList<>();
        int cursor = 0;
        while (chosen.size() < count) {
            LocalDate date = between(from, to);
            Plan found = null;
            for (int tries = 0; tries < pool.size(); tries++) {
                Plan p = pool.get((cursor + tries) % pool.size());
                if (!p.storied && !p.first.isAfter(date.minusDays(45))) {
                    found = p;
                    cursor = (cursor + tries + 1) % pool.size();
                    break;
                }
            }
            if (found == null) {
                throw new IllegalStateException("Not enough people for a cohort of " + count + " from " + from);
            }
            found.storied = true;
            story.tell(found, date);
            chosen.add(found);
        }
        return chosen;
    }

    private void compulsory(Plan p, LocalDate dossier) {
        LocalDate determined = max(p.first.plusDays(1), dossier.minusDays(20 + random.nextInt(20)));
        p.add(EventType.ADDICTION_DETERMINATION, determined, "Trung tâm Y tế " + p.area.name(),
                Map.of("result", "ADDICTED"));
        p.add(EventType.COMPULSORY_DOSSIER, dossier, null, Map.of());
        LocalDate decided = dossier.plusDays(15 + random.nextInt(30));
        int months = 12 + random.nextInt(13);
        if (decided.isBefore(p.birth.plusYears(18))) {
            // 12 to under 18: 6 to 12 months under Law 73/2021 (Article 33 clause 3), from the same draw
            months = 6 + (months - 12) / 2;
        }
        // from 1 July 2026 the law sets the term: 24 months the first time, 36 after an earlier rehab
        int due = LegalRegime.on(decided).rehabMonths(p.events.stream().anyMatch(e -> PathRules.REHAB_STARTS.contains(e.type())));
        months = due > 0 ? due : months;
        p.add(EventType.COURT_DECISION, decided, null, Map.of("court", "Tòa án nhân dân " + p.area.name(),
                "decisionNumber", (p.index % 900 + 1) + "/" + decided.getYear() + "/QĐ-TA", "months", months));
        LocalDate admitted = decided.plusDays(3 + random.nextInt(12));
        String facility = facilities.on(weighted(facilities.compulsory()), admitted);
        p.add(EventType.COMPULSORY_ADMISSION, admitted, facility, Map.of());
        p.stayFacility = facility;
        p.admitted = admitted;
        LocalDate release = admitted.plusMonths(months);
        if (random.nextDouble() < 0.03) {
            LocalDate away = admitted.plusDays(20 + random.nextInt(60));
            p.add(EventType.ABSCONDING, away, null, Map.of());
            LocalDate back = away.plusDays(10 + random.nextInt(50));
            p.add(EventType.RETURN, back, null, Map.of());
            release = release.plusDays(ChronoUnit.DAYS.between(away, back));
        }
        p.released = release;
        p.add(EventType.RELEASE, release, null, Map.of());
        afterRehab(p, release);
    }

    private void voluntaryFacility(Plan p, LocalDate admitted) {
        if (random.nextDouble() < 0.6) {
            p.add(EventType.ADDICTION_DETERMINATION, max(p.first.plusDays(1), admitted.minusDays(10 + random.nextInt(20))),
                    "Trung tâm Y tế " + p.area.name(), Map.of("result", "ADDICTED"));
        }
        String facility = facilities.on(weighted(facilities.voluntary()), admitted);
        p.add(EventType.VOLUNTARY_FACILITY_ADMISSION, admitted, facility, Map.of());
        p.stayFacility = facility;
        p.admitted = admitted;
        LocalDate discharged = admitted.plusDays(90 + random.nextInt(90));
        p.released = discharged;
        boolean completed = random.nextDouble() < 0.85;
        p.add(EventType.VOLUNTARY_FACILITY_DISCHARGE, discharged, null, Map.of("outcome", completed ? "COMPLETED" : "DROPPED_OUT"));
        if (completed) {
            afterRehab(p, discharged);
        }
    }

    private void community(Plan p, LocalDate start) {
        p.add(EventType.VOLUNTARY_COMMUNITY_START, start, null,
                Map.of("provider", "Trạm Y tế " + p.commune.getName()));
        LocalDate end = start.plusDays(150 + random.nextInt(60));
        boolean completed = random.nextDouble() < 0.8;
        p.add(EventType.VOLUNTARY_COMMUNITY_END, end, null, Map.of("outcome", completed ? "COMPLETED" : "DROPPED_OUT"));
        if (completed) {
            afterRehab(p, end);
        }
    }

    /** Post-rehab management for most, relapse for some, support for a few. */
    private void afterRehab(Plan p, LocalDate finished) {
        if (random.nextDouble() < 0.7) {
            LocalDate start = finished.plusDays(5 + random.nextInt(25));
            LocalDate plannedEnd = start.plusYears(2);
            p.add(EventType.POST_REHAB_START, start, null, Map.of("plannedEnd", plannedEnd.toString(),
                    "assignee", "Công an " + p.commune.getName()));
            double r = random.nextDouble();
            if (r < 0.1) {
                p.add(EventType.RELAPSE, start.plusDays(60 + random.nextInt(300)), null, Map.of());
            } else {
                if (r < 0.3) {
                    String kind = random.nextBoolean() ? "LOAN" : "JOB_PLACEMENT";
                    p.add(EventType.SUPPORT, start.plusDays(30 + random.nextInt(200)), null, Map.of("kind", kind));
                }
                monitored(p, start, plannedEnd);
                p.add(EventType.POST_REHAB_END, plannedEnd, null, Map.of());
            }
        }
    }

    /**
     * Under Law 120/2025 (from 1 July 2026) the commune police chief orders electronic monitoring
     * for some people under post-rehab management: a quarter of those managed then, chosen by
     * their number so that the rest of the data stays as it was.
     */
    private void monitored(Plan p, LocalDate start, LocalDate plannedEnd) {
        LocalDate ordered = max(start, LegalRegime.LAW_120_IN_FORCE).plusDays(p.index % 30);
        if (p.index % 4 == 0 && ordered.isBefore(plannedEnd)) {
            p.add(EventType.ELECTRONIC_MONITORING_START, ordered, null,
                    Map.of("orderNumber", (p.index % 500 + 1) + "/QĐ-CA" + p.commune.getCode()));
            p.add(EventType.ELECTRONIC_MONITORING_END, plannedEnd, null, Map.of());
        }
    }

    /**
     * What the commune police do under Law 120/2025 (from 1 July 2026), chosen by number so that the rest of
     * the data stays as it was: a management decision the day a person is put on record (Article 24), a summons
     * for a third of them, and a move of residence for one in fifty on record then, reported at the new commune
     * the next day except by one in five (the officers' overdue list). Each is kept only if the rules accept it.
     */
    private void underLaw120(Plan p) {
        if (!p.first.isBefore(LegalRegime.LAW_120_IN_FORCE)) {
            keep(p, 1, new EventForm(EventType.MANAGEMENT_DECISION, p.first, null,
                    Map.of("decisionNumber", (p.index % 900 + 1) + "/QĐ-CAX"), null));
            LocalDate summoned = p.first.plusDays(14);
            if (p.index % 3 == 0 && !summoned.isAfter(until)) {
                keep(p, p.events.size(), new EventForm(EventType.SUMMONS, summoned, null,
                        Map.of("appearOn", summoned.plusDays(2).toString()), null));
            }
        }
        LocalDate moved = max(p.first, LegalRegime.LAW_120_IN_FORCE).plusDays(p.index % 60);
        List<AdminUnit> neighbours = p.area.communes();
        if (p.index % 50 == 7 && moved.isBefore(until) && neighbours.size() > 1) {
            AdminUnit from = neighbours.get(p.index % neighbours.size()).equals(p.commune)
                    ? neighbours.get((p.index + 1) % neighbours.size()) : neighbours.get(p.index % neighbours.size());
            // the person lives in the commune moved to: the one they are recorded in
            if (keep(p, p.events.size(), new EventForm(EventType.RESIDENCE_MOVE, moved, null,
                    Map.of("toCommune", p.commune.getCode(), "fromCommune", from.getCode()), null)) && p.index / 50 % 5 != 0) {
                keep(p, p.events.size(), new EventForm(EventType.REPORTED_AT_NEW_RESIDENCE, moved.plusDays(1), null, Map.of(), null));
            }
        }
    }

    /** A resident on the day of a merger of facilities moves, with the facility, to its successor. */
    private void carriedOver(Plan p) {
        LocalDate merged = facilities.mergedOn();
        if (merged == null || p.stayFacility == null || !facilities.successors().containsKey(p.stayFacility)
                || p.admitted.isAfter(merged) || !p.inFacilityOn(merged)) {
            return;
        }
        keep(p, p.events.size(), new EventForm(EventType.FACILITY_TRANSFER, merged, facilities.successors().get(p.stayFacility),
                Map.of("transferReason", "MERGER"), null));
    }

    /** Inserts the event at {@code position} if it is not after the last day and the rules accept the path with it. */
    private boolean keep(Plan p, int position, EventForm event) {
        if (event.date().isAfter(until)) {
            return false;
        }
        p.events.add(position, event);
        List<PathRules.Event> path = new ArrayList<>();
        long id = 0;
        for (EventForm e : p.events) {
            path.add(new PathRules.Event(id++, e.type(), e.date(), e.facilityCode(), e.details(), null));
        }
        try {
            PathRules.replay(p.birth, until, path);
            return true;
        } catch (PathRules.Violation refused) {
            p.events.remove(position);
            return false;
        }
    }

    private void basic(Plan p) {
        if (random.nextDouble() < 0.5) {
            boolean addicted = random.nextDouble() < 0.8;
            p.add(EventType.ADDICTION_DETERMINATION, p.first.plusDays(10 + random.nextInt(60)),
                    "Trung tâm Y tế " + p.area.name(), Map.of("result", addicted ? "ADDICTED" : "NOT_ADDICTED"));
        }
    }

    /** Community Methadone clinics: a fifth of the people, at any time (the calibrated count is inside facilities). */
    private void methadoneInCommunity(Plan p) {
        if (random.nextDouble() >= 0.2 || p.stayFacility != null) {
            return;
        }
        LocalDate start = p.lastEvent().plusDays(15 + random.nextInt(200));
        p.add(EventType.METHADONE_START, start, "Cơ sở điều trị Methadone " + p.area.name(), Map.of());
        if (random.nextDouble() < 0.2) {
            p.add(EventType.METHADONE_STOP, start.plusDays(90 + random.nextInt(400)), null, Map.of("reason", "tự bỏ điều trị"));
        }
    }

    /**
     * Records closed after the calibrated periods (most because the management period ended, some
     * because the person moved away or died): so many before the end of February 2025 that exactly
     * the calibrated number is on record then, and after it about as many as new people come, so
     * that the count holds. Nobody is closed while in a facility, awaiting compulsory rehab, in
     * home/community rehab or under post-rehab management.
     */
    private void closeRecords(List<Plan> plans) {
        List<Closable> eligible = new ArrayList<>();
        for (Plan p : plans) {
            closable(p).ifPresent(eligible::add);
        }
        Collections.shuffle(eligible, random);
        long everEarly = plans.stream().filter(p -> !p.first.isAfter(EARLY_2025)).count();
        int early = calibration.onRecordEarly2025() <= 0 || until.isBefore(EARLY_2025) ? 0
                : (int) (everEarly - calibration.onRecordEarly2025());
        long newAfter = plans.stream().filter(p -> p.first.isAfter(EARLY_2025)).count();
        int later = (int) Math.round(newAfter * 0.9);
        int closedEarly = close(eligible, early, CLOSURES_FROM, EARLY_2025);
        if (closedEarly < early) {
            throw new IllegalStateException("Only " + closedEarly + " records could be closed by " + EARLY_2025 + " for " + early);
        }
        close(eligible, later, EARLY_2025.plusDays(1), until);
    }

    /** A person whose record may close, why, and from when. */
    private record Closable(Plan plan, String closure, LocalDate earliest) {
    }

    /** Closes up to {@code count} records of the eligible (taking them from the list) between two dates. */
    private int close(List<Closable> eligible, int count, LocalDate from, LocalDate to) {
        int closed = 0;
        for (var it = eligible.iterator(); it.hasNext() && closed < count; ) {
            Closable c = it.next();
            LocalDate earliest = max(c.earliest(), from);
            if (earliest.isAfter(to)) {
                continue;
            }
            c.plan().add(EventType.RECORD_CLOSED, between(earliest, to), null, Map.of("closure", c.closure()));
            it.remove();
            closed++;
        }
        return closed;
    }

    /**
     * Whether and why the person's record could close after their last event: the management
     * period ends a year after it for someone using or done with rehab and not in treatment;
     * others may move away or die; nobody leaves in the middle of rehab or its follow-up.
     */
    private java.util.Optional<Closable> closable(Plan p) {
        List<PathRules.Event> path = new ArrayList<>();
        long id = 0;
        for (EventForm e : p.events) {
            path.add(new PathRules.Event(id++, e.type(), e.date(), e.facilityCode(), e.details(), null));
        }
        List<PathRules.Period> periods = PathRules.replay(p.birth, until, path);
        PathStatus main = periods.stream().filter(x -> x.to() == null && x.status().isMain()).map(PathRules.Period::status)
                .findFirst().orElse(null);
        boolean treated = periods.stream().anyMatch(x -> x.to() == null && x.status() == PathStatus.ON_METHADONE);
        if (main == null || java.util.EnumSet.of(PathStatus.IN_COMPULSORY, PathStatus.VOLUNTARY_FACILITY, PathStatus.ABSCONDED,
                PathStatus.COMPULSORY_PENDING, PathStatus.VOLUNTARY_COMMUNITY, PathStatus.POST_REHAB).contains(main)) {
            return java.util.Optional.empty();
        }
        double r = random.nextDouble();
        if ((main == PathStatus.USING || main == PathStatus.AFTER_REHAB) && !treated && r < 0.8) {
            return java.util.Optional.of(new Closable(p, "MANAGEMENT_ENDED", p.lastEvent().plusDays(MANAGEMENT_DAYS)));
        }
        return java.util.Optional.of(new Closable(p, r < 0.93 ? "MOVED_AWAY" : "DIED", p.lastEvent().plusDays(30)));
    }

    /** Detox on admission at the facilities that do detox, in the first half of 2022. */
    private void attachDetox(List<Plan> voluntaryH1) {
        List<String> detoxFacilities = facilities.voluntary().entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(calibration.detoxFacilities()).map(Map.Entry::getKey).toList();
        int added = 0;
        for (Plan p : voluntaryH1) {
            if (added == calibration.detoxH1()) {
                break;
            }
            if (detoxFacilities.contains(p.stayFacility)) {
                p.add(EventType.DETOX, p.admitted, p.stayFacility, Map.of());
                added++;
            }
        }
        if (added < calibration.detoxH1()) {
            throw new IllegalStateException("Only " + added + " people for " + calibration.detoxH1() + " detox episodes");
        }
    }

    /** An event inside the facility during the first half of 2022, for people staying there then. */
    private void attachInFacility(List<Plan> stayers, int count, EventType type, Map<String, Object> details) {
        int added = 0;
        for (Plan p : stayers) {
            if (added == count) {
                break;
            }
            LocalDate from = max(p.admitted.plusDays(1), H1);
            LocalDate to = p.released == null ? H1_END : min(p.released.minusDays(1), H1_END);
            if (p.inFacilityOn(from) && !from.isAfter(to) && !hasType(p, type)) {
                LocalDate date = between(from, to);
                if (p.inFacilityOn(date) && !absentOn(p, date)) {
                    p.add(type, date, p.stayFacility, details);
                    added++;
                }
            }
        }
        if (added < count) {
            throw new IllegalStateException("Only " + added + " people in facilities for " + count + " " + type);
        }
    }

    private static boolean hasType(Plan p, EventType type) {
        return p.events.stream().anyMatch(e -> e.type() == type);
    }

    /** Whether the person had absconded on that date. */
    private static boolean absentOn(Plan p, LocalDate date) {
        LocalDate away = null;
        for (EventForm e : p.events) {
            if (e.type() == EventType.ABSCONDING) {
                away = e.date();
            } else if (e.type() == EventType.RETURN && away != null && !date.isBefore(away) && date.isBefore(e.date())) {
                return true;
            }
        }
        return false;
    }

    private Generated seed(Plan p) {
        String middle = p.sex == Sex.MALE ? pick(MIDDLE_MALE) : pick(MIDDLE_FEMALE);
        // "(mẫu)" marks the name as fictitious wherever it is shown.
        String name = pick(SURNAMES) + " " + middle + " " + pick(GIVEN) + " (mẫu)";
        String nationalId = random.nextDouble() < 0.85
                ? NationalId.make(calibration.provinceCode(), p.birth, p.sex, firstSerial + p.index) : null;
        Coordinate residence = points.inside(p.commune);
        boolean pointRecorded = random.nextDouble() < POINT_RECORDED;
        String address = "Số " + (1 + random.nextInt(200)) + ", ngõ " + (1 + random.nextInt(150));
        PersonForm form = new PersonForm(name, p.birth, p.sex, nationalId, p.commune.getCode(), address,
                p.commune.getCode(), address, pointRecorded ? residence.x : null, pointRecorded ? residence.y : null,
                pick(OCCUPATIONS), null);
        return new Generated(new PersonSeed(form, calibration.provinceCode(), p.commune.getStructure(), p.events,
                "commune-" + p.commune.getCode(), true), residence, p.first);
    }

    private LocalDate between(LocalDate from, LocalDate to) {
        long days = ChronoUnit.DAYS.between(from, to);
        return from.plusDays(days <= 0 ? 0 : random.nextLong(days + 1));
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private <T> T weighted(List<T> items, java.util.function.ToDoubleFunction<T> weight) {
        double total = items.stream().mapToDouble(weight).sum();
        double r = random.nextDouble() * total;
        for (T item : items) {
            r -= weight.applyAsDouble(item);
            if (r <= 0) {
                return item;
            }
        }
        return items.getLast();
    }

    private String weighted(Map<String, Double> weights) {
        return weighted(new ArrayList<>(new LinkedHashMap<>(weights).entrySet()), Map.Entry::getValue).getKey();
    }
}
