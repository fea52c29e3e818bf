package vn.socialmap.demo;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import vn.socialmap.base.VietnamTime;
import vn.socialmap.cases.CaseBulkLoader;
import vn.socialmap.cases.CaseBulkLoader.PersonSeed;
import vn.socialmap.cases.EventForm;
import vn.socialmap.cases.EventType;
import vn.socialmap.cases.PathRules;
import vn.socialmap.geography.AdminLevel;
import vn.socialmap.geography.AdminUnit;
import vn.socialmap.geography.AdminUnitService;
import vn.socialmap.targets.PlanCopies;
import vn.socialmap.targets.PlanModel;

/**
 * Generates the synthetic national dataset: in every province of today but those with history
 * (the demo cities), people living in today's real communes in proportion to their
 * population, with paths of the shape of the Hanoi demo data (its calibration scaled to the
 * province). The demo paths average about 3.5 events per person; to reach the events asked
 * for, people with a rehab episode also receive support events (loans, vocational training,
 * job placement) spread evenly after it. Everything is written with COPY, one transaction per
 * province.
 */
@Service
public class NationalDataset {

    private static final Logger log = LoggerFactory.getLogger(NationalDataset.class);
    private static final Set<EventType> REHAB_STARTS = EnumSet.of(EventType.VOLUNTARY_COMMUNITY_START,
            EventType.VOLUNTARY_FACILITY_ADMISSION, EventType.COMPULSORY_ADMISSION);
    private static final List<String> SUPPORT_KINDS = List.of("LOAN", "VOCATIONAL_TRAINING", "JOB_PLACEMENT");

    private final AdminUnitService units;
    private final CaseBulkLoader caseLoader;
    private final PlanCopies plans;
    private final JdbcClient jdbc;
    private final VietnamTime time;

    NationalDataset(AdminUnitService units, CaseBulkLoader caseLoader, PlanCopies plans, JdbcClient jdbc, VietnamTime time) {
        this.units = units;
        this.caseLoader = caseLoader;
        this.plans = plans;
        this.jdbc = jdbc;
        this.time = time;
    }

    public record Report(int provinces, int communes, long persons, long events, long peopleMillis, int plans) {
    }

    /**
     * Adds people to the provinces without history until the database holds {@code persons}, then
     * gives those provinces the plans they lack.
     */
    public Report generate(NationalDatasetProperties options) {
        long start = System.nanoTime();
        LocalDate until = options.until() != null ? options.until() : time.today().withDayOfMonth(1).minusDays(1);
        List<AdminUnit> provinces = units.provinces().stream().filter(p -> units.structuresOf(p.getCode()).size() == 1).toList();
        Set<String> demo = new java.util.HashSet<>();
        units.provinces().stream().filter(p -> !provinces.contains(p)).forEach(p -> demo.add(p.getCode()));
        long personsBefore = count("person");
        long eventsBefore = count("case_event");
        int[] people = shares(options.persons() - personsBefore, provinces.size(), new Random(options.seed()));
        double eventsPerPerson = options.persons() == 0 ? 0 : (double) (options.events() - eventsBefore)
                / Math.max(1, options.persons() - personsBefore);
        long persons = 0;
        long events = 0;
        int communes = 0;
        for (int i = 0; i < provinces.size(); i++) {
            AdminUnit province = provinces.get(i);
            if (people[i] == 0) {
                continue;
            }
            String code = province.getCode();
            // a second run adds other people: the seed and the ID serials follow the people already there
            long already = jdbc.sql("select count(*) from person where province_code = :p").param("p", code).query(Long.class).single();
            long seed = options.seed() + Integer.parseInt(code) * 1_000_003L + already;
            List<DemoPopulation.Area> areas = new ArrayList<>();
            for (AdminUnit c : units.byLevel(code, AdminLevel.COMMUNE)) {
                areas.add(new DemoPopulation.Area(c.getName(), List.of(c), c.getPopulation() == null ? 1 : c.getPopulation()));
            }
            communes += areas.size();
            Map<String, Double> facilities = Map.of("CS-" + code + "-1", 2.0, "CS-" + code + "-2", 1.0, "CS-" + code + "-3", 1.0);
            List<PersonSeed> seeds = new ArrayList<>(new DemoPopulation(DemoCalibration.scaled(code, seed, people[i]), areas,
                    new DemoPopulation.Facilities(facilities, facilities), until, units.communeCover(code, until), already)
                    .generate().stream()
                    .map(DemoPopulation.Generated::seed).toList());
            // the model adds the people of the years after its calibration: a seeded sample keeps the number asked for
            if (seeds.size() > people[i]) {
                java.util.Collections.shuffle(seeds, new Random(seed));
                seeds = seeds.subList(0, people[i]);
            }
            seeds = padded(seeds, Math.round(eventsPerPerson * seeds.size()), new Random(seed), until);
            caseLoader.load(seeds, new java.util.SplittableRandom(seed));
            persons += seeds.size();
            long provinceEvents = seeds.stream().mapToLong(s -> s.events().size()).sum();
            events += provinceEvents;
            log.info("National dataset: province {} ({}/{}): {} people, {} events; {} people so far in {} s", code, i + 1,
                    provinces.size(), seeds.size(), provinceEvents, persons, (System.nanoTime() - start) / 1_000_000_000);
        }
        int copied = plans(demo);
        jdbc.sql("analyze").update();
        return new Report(provinces.size(), communes, persons, events, (System.nanoTime() - start) / 1_000_000, copied);
    }

    /**
     * Hanoi's plans copied to every generated province that lacks them, targets scaled by the
     * province's people relative to Hanoi's (city targets only: there are no districts today).
     * Generated provinces have no facilities, so indicators of post-rehab models are left out.
     *
     * @param demo the provinces that held people before the generation (their own plans)
     * @return the plans copied
     */
    int plans(Set<String> demo) {
        long hanoi = jdbc.sql("select count(*) from person where province_code = '01'").query(Long.class).single();
        List<PlanModel.Plan> templates = plans.plansOf("01");
        if (hanoi == 0 || templates.isEmpty()) {
            return 0;
        }
        int copied = 0;
        for (AdminUnit p : units.provinces()) {
            if (demo.contains(p.getCode())) {
                continue;
            }
            long people = jdbc.sql("select count(*) from person where province_code = :p").param("p", p.getCode())
                    .query(Long.class).single();
            Set<String> numbers = plans.plansOf(p.getCode()).stream().map(PlanModel.Plan::number).collect(Collectors.toSet());
            for (PlanModel.Plan template : templates) {
                if (people > 0 && !numbers.contains(template.number())) {
                    plans.copyScaled(template.id(), p.getCode(), "Ủy ban nhân dân " + p.getName(), (double) people / hanoi,
                            Map.of(), Set.of(vn.socialmap.targets.IndicatorKind.MODELS, vn.socialmap.targets.IndicatorKind.MODEL_COMMUNES));
                    copied++;
                }
            }
        }
        return copied;
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    /** {@code total} split over {@code n} provinces with uneven weights (a few large cities, many small provinces). */
    static int[] shares(long total, int n, Random random) {
        double[] weights = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            weights[i] = Math.exp(random.nextGaussian() * 0.6);
            sum += weights[i];
        }
        int[] shares = new int[n];
        long given = 0;
        for (int i = 0; i < n; i++) {
            shares[i] = (int) Math.floor(Math.max(0, total) * weights[i] / sum);
            given += shares[i];
        }
        for (int i = 0; given < total && n > 0; i = (i + 1) % n) {
            shares[i]++;
            given++;
        }
        return shares;
    }

    /**
     * The seeds with support events added after each person's first rehab episode began, evenly
     * in time, until the province holds about {@code target} events. A person whose padded path
     * the rules would refuse keeps their path as it was.
     */
    static List<PersonSeed> padded(List<PersonSeed> seeds, long target, Random random, LocalDate until) {
        long base = seeds.stream().mapToLong(s -> s.events().size()).sum();
        long spanDays = 0;
        for (PersonSeed s : seeds) {
            LocalDate from = firstRehab(s);
            if (from != null) {
                spanDays += Math.max(0, ChronoUnit.DAYS.between(from.plusDays(30), until));
            }
        }
        if (target <= base || spanDays == 0) {
            return seeds;
        }
        double every = (double) spanDays / (target - base);
        List<PersonSeed> result = new ArrayList<>(seeds.size());
        for (PersonSeed s : seeds) {
            LocalDate from = firstRehab(s);
            if (from == null) {
                result.add(s);
                continue;
            }
            List<EventForm> events = new ArrayList<>(s.events());
            double day = random.nextDouble() * every;
            long span = ChronoUnit.DAYS.between(from.plusDays(30), until);
            for (int k = 0; day < span; k++, day += every) {
                events.add(new EventForm(EventType.SUPPORT, from.plusDays(30 + (long) day), null,
                        Map.of("kind", SUPPORT_KINDS.get(k % SUPPORT_KINDS.size())), null));
            }
            PersonSeed longer = new PersonSeed(s.form(), s.provinceCode(), s.structure(), events, s.recordedBy(), s.demo());
            result.add(acceptable(longer, until) ? longer : s);
        }
        return result;
    }

    private static LocalDate firstRehab(PersonSeed s) {
        return s.events().stream().filter(e -> REHAB_STARTS.contains(e.type())).map(EventForm::date).min(LocalDate::compareTo)
                .orElse(null);
    }

    private static boolean acceptable(PersonSeed s, LocalDate until) {
        List<PathRules.Event> path = new ArrayList<>();
        long id = 0;
        for (EventForm e : s.events()) {
            path.add(new PathRules.Event(id++, e.type(), e.date(), e.facilityCode(), e.details(), null));
        }
        try {
            PathRules.replay(s.form().birthDate(), until, path);
            return true;
        } catch (PathRules.Violation v) {
            return false;
        }
    }
}
