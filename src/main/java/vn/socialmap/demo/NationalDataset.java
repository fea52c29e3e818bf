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

import org.locationtech.jts.geom.Envelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import vn.socialmap.cases.CaseBulkLoader;
import vn.socialmap.cases.CaseBulkLoader.PersonSeed;
import vn.socialmap.cases.EventForm;
import vn.socialmap.cases.EventType;
import vn.socialmap.cases.PathRules;
import vn.socialmap.geography.AdminLevel;
import vn.socialmap.geography.AdminUnit;
import vn.socialmap.geography.AdminUnitBulkLoader;
import vn.socialmap.geography.AdminUnitService;
import vn.socialmap.targets.PlanCopies;
import vn.socialmap.targets.PlanModel;

/**
 * Generates the synthetic national dataset: provinces, districts and communes with
 * generated shapes ({@link SyntheticGeography}), and in each province people whose paths
 * have the shape of the Hanoi demo data (its calibration scaled to the province). The demo
 * paths average about 3.5 events per person; to reach the events asked for, people with a
 * rehab episode also receive support events (loans, vocational training, job placement)
 * spread evenly after it. Everything is written with COPY, one transaction per province.
 */
@Service
public class NationalDataset {

    private static final Logger log = LoggerFactory.getLogger(NationalDataset.class);
    private static final Set<EventType> REHAB_STARTS = EnumSet.of(EventType.VOLUNTARY_COMMUNITY_START,
            EventType.VOLUNTARY_FACILITY_ADMISSION, EventType.COMPULSORY_ADMISSION);
    private static final List<String> SUPPORT_KINDS = List.of("LOAN", "VOCATIONAL_TRAINING", "JOB_PLACEMENT");
    /** Units take effect before the first person's path begins. */
    static final LocalDate UNITS_VALID_FROM = LocalDate.of(2015, 1, 1);

    private final AdminUnitService units;
    private final AdminUnitBulkLoader unitLoader;
    private final CaseBulkLoader caseLoader;
    private final PlanCopies plans;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    NationalDataset(AdminUnitService units, AdminUnitBulkLoader unitLoader, CaseBulkLoader caseLoader, PlanCopies plans,
                    JdbcClient jdbc, TransactionTemplate transactions) {
        this.units = units;
        this.unitLoader = unitLoader;
        this.caseLoader = caseLoader;
        this.plans = plans;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    public record Report(int provinces, int districts, int communes, long persons, long events, long unitMillis,
                  long peopleMillis, int plans) {
    }

    /**
     * Generates provinces and their people, then their plans. A database that already holds
     * generated provinces only receives the plans it lacks (datasets made before plans were).
     */
    public Report generate(NationalDatasetProperties options) {
        if (generatedProvinces() > 0) {
            int copied = plans();
            log.info("National dataset: generated provinces exist already; {} plans added", copied);
            return new Report(0, 0, 0, 0, 0, 0, 0, copied);
        }
        long start = System.nanoTime();
        List<AdminUnit> existing = units.provinces();
        Set<String> usedProvinces = existing.stream().map(AdminUnit::getCode).collect(Collectors.toSet());
        List<Envelope> occupied = existing.stream().map(p -> p.getGeom().getEnvelopeInternal()).toList();
        List<SyntheticGeography.Province> provinces = new SyntheticGeography(options.seed(), UNITS_VALID_FROM)
                .generate(options.provinces(), usedProvinces, unitLoader.codesInUse(AdminLevel.DISTRICT),
                        unitLoader.codesInUse(AdminLevel.COMMUNE), occupied);
        List<AdminUnit> all = new ArrayList<>();
        for (SyntheticGeography.Province p : provinces) {
            all.add(p.unit());
            for (SyntheticGeography.District d : p.districts()) {
                all.add(d.unit());
                all.addAll(d.communes());
            }
        }
        transactions.executeWithoutResult(status -> unitLoader.copy(all));
        long unitMillis = (System.nanoTime() - start) / 1_000_000;
        int districts = provinces.stream().mapToInt(p -> p.districts().size()).sum();
        int communes = all.size() - provinces.size() - districts;
        log.info("National dataset: {} provinces, {} districts, {} communes generated in {} ms", provinces.size(), districts,
                communes, unitMillis);

        long peopleStart = System.nanoTime();
        long personsBefore = count("person");
        long eventsBefore = count("case_event");
        int[] people = shares(options.persons() - personsBefore, provinces.size(), new Random(options.seed()));
        double eventsPerPerson = options.persons() == 0 ? 0 : (double) (options.events() - eventsBefore)
                / Math.max(1, options.persons() - personsBefore);
        long persons = 0;
        long events = 0;
        for (int i = 0; i < provinces.size(); i++) {
            SyntheticGeography.Province province = provinces.get(i);
            if (people[i] == 0) {
                continue;
            }
            String code = province.unit().getCode();
            long seed = options.seed() + Integer.parseInt(code);
            List<DemoPopulation.District> districtsOf = province.districts().stream()
                    .map(d -> new DemoPopulation.District(d.unit(), d.communes(), d.communes().size())).toList();
            Map<String, Double> facilities = Map.of("CS-" + code + "-1", 2.0, "CS-" + code + "-2", 1.0, "CS-" + code + "-3", 1.0);
            List<PersonSeed> seeds = new DemoPopulation(DemoCalibration.scaled(code, seed, people[i]), districtsOf,
                    new DemoPopulation.Facilities(facilities, facilities)).generate();
            seeds = padded(seeds, Math.round(eventsPerPerson * seeds.size()), new Random(seed));
            caseLoader.load(seeds);
            persons += seeds.size();
            long provinceEvents = seeds.stream().mapToLong(s -> s.events().size()).sum();
            events += provinceEvents;
            log.info("National dataset: province {} ({}/{}): {} people, {} events; {} people so far in {} s", code, i + 1,
                    provinces.size(), seeds.size(), provinceEvents, persons, (System.nanoTime() - peopleStart) / 1_000_000_000);
        }
        int copied = plans();
        jdbc.sql("analyze").update();
        return new Report(provinces.size(), districts, communes, persons, events, unitMillis,
                (System.nanoTime() - peopleStart) / 1_000_000, copied);
    }

    private long generatedProvinces() {
        return jdbc.sql("select count(*) from admin_unit where level = 'PROVINCE' and geometry_source = 'GENERATED'")
                .query(Long.class).single();
    }

    /**
     * Hanoi's plans copied to every generated province that lacks them, targets scaled by the
     * province's people relative to Hanoi's and split over its districts by their people.
     * Generated provinces have no facilities, so indicators of post-rehab models are left out.
     *
     * @return the plans copied
     */
    int plans() {
        long hanoi = jdbc.sql("select count(*) from person where province_code = '01'").query(Long.class).single();
        List<PlanModel.Plan> templates = plans.plansOf("01");
        if (hanoi == 0 || templates.isEmpty()) {
            return 0;
        }
        record Province(String code, String name, long people) {
        }
        List<Province> provinces = jdbc.sql("""
                        select u.code, u.name, (select count(*) from person p where p.province_code = u.code) as people
                        from admin_unit u where u.level = 'PROVINCE' and u.geometry_source = 'GENERATED' and u.valid_to is null
                        order by u.code""")
                .query((rs, n) -> new Province(rs.getString("code"), rs.getString("name"), rs.getLong("people"))).list();
        int copied = 0;
        for (Province p : provinces) {
            Set<String> numbers = plans.plansOf(p.code()).stream().map(PlanModel.Plan::number).collect(Collectors.toSet());
            Map<String, Double> districts = new java.util.TreeMap<>();
            jdbc.sql("select current_district_code as d, count(*) as n from person where province_code = :p group by 1")
                    .param("p", p.code()).query((rs, n) -> districts.put(rs.getString("d"), rs.getDouble("n"))).list();
            for (PlanModel.Plan template : templates) {
                if (p.people() > 0 && !numbers.contains(template.number())) {
                    transactions.executeWithoutResult(status -> plans.copyScaled(template.id(), p.code(),
                            "Ủy ban nhân dân " + p.name(), (double) p.people() / hanoi, districts,
                            Set.of("MODELS", "MODEL_COMMUNES")));
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
    static List<PersonSeed> padded(List<PersonSeed> seeds, long target, Random random) {
        long base = seeds.stream().mapToLong(s -> s.events().size()).sum();
        long spanDays = 0;
        for (PersonSeed s : seeds) {
            LocalDate from = firstRehab(s);
            if (from != null) {
                spanDays += Math.max(0, ChronoUnit.DAYS.between(from.plusDays(30), DemoPopulation.END));
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
            long span = ChronoUnit.DAYS.between(from.plusDays(30), DemoPopulation.END);
            for (int k = 0; day < span; k++, day += every) {
                events.add(new EventForm(EventType.SUPPORT, from.plusDays(30 + (long) day), null,
                        Map.of("kind", SUPPORT_KINDS.get(k % SUPPORT_KINDS.size())), null));
            }
            PersonSeed longer = new PersonSeed(s.form(), s.provinceCode(), s.districtCode(), events, s.recordedBy(), s.demo());
            result.add(acceptable(longer) ? longer : s);
        }
        return result;
    }

    private static LocalDate firstRehab(PersonSeed s) {
        return s.events().stream().filter(e -> REHAB_STARTS.contains(e.type())).map(EventForm::date).min(LocalDate::compareTo)
                .orElse(null);
    }

    private static boolean acceptable(PersonSeed s) {
        List<PathRules.Event> path = new ArrayList<>();
        long id = 0;
        for (EventForm e : s.events()) {
            path.add(new PathRules.Event(id++, e.type(), e.date(), e.facilityCode(), e.details(), null));
        }
        try {
            PathRules.replay(s.form().birthDate(), DemoPopulation.END, path);
            return true;
        } catch (PathRules.Violation v) {
            return false;
        }
    }
}
