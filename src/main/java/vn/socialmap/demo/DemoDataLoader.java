package vn.socialmap.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Coordinate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.socialmap.base.SimpleCsv;
import vn.socialmap.base.VietnamTime;
import vn.socialmap.base.text.VietnameseText;
import vn.socialmap.cases.CaseBulkLoader;
import vn.socialmap.cases.CaseBulkLoader.PersonSeed;
import vn.socialmap.cases.EventForm;
import vn.socialmap.cases.EventType;
import vn.socialmap.cases.PersonForm;
import vn.socialmap.geography.AdminLevel;
import vn.socialmap.geography.AdminStructure;
import vn.socialmap.geography.AdminStructures;
import vn.socialmap.geography.AdminUnit;
import vn.socialmap.geography.AdminUnitService;
import vn.socialmap.geography.GeographyReady;

/**
 * In demo mode, loads the calibrated synthetic people of Hà Nội and Đà Nẵng up to the end of
 * the previous month (or {@code socialmap.demo.until}). People live in the districts of 2022
 * in proportion to Plan 78 Appendix I (compulsory dossiers per district) and enter facilities
 * in proportion to Appendix II; each is recorded in the commune of the structure in force when
 * first recorded (the one holding their residence). A loaded data set is replaced when the
 * generator or the end date changes (its edition).
 */
@Component
@Order(10)
class DemoDataLoader implements ApplicationListener<GeographyReady> {

    /** Changes when the generator does: the stored demo data is then loaded again. */
    static final String GENERATOR = "population-7";
    /** Regional People's Courts decide compulsory rehab from this day (Resolution 81/2025/UBTVQH15). */
    private static final LocalDate REGIONAL_COURTS = vn.socialmap.courts.RegionalCourts.REGIONAL_COURTS_FROM;
    /** The seed of the demo's record keys (per province: plus its code). */
    private static final long KEY_SEED = 120_2025L;
    /** The day whose units the demo people are placed in first: Plan 78's. */
    static final LocalDate PLAN_78 = LocalDate.of(2022, 3, 10);
    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final CaseBulkLoader loader;
    private final AdminUnitService units;
    private final AdminStructures structures;
    private final JdbcClient jdbc;
    private final VietnamTime time;
    private final boolean enabled;
    private final LocalDate until;
    private final Resource districtTargets;
    private final Resource facilityTargets;

    DemoDataLoader(CaseBulkLoader loader, AdminUnitService units, AdminStructures structures, JdbcClient jdbc, VietnamTime time,
                   @Value("${socialmap.demo.enabled:false}") boolean enabled,
                   @Value("${socialmap.demo.until:}") String until,
                   @Value("classpath:gis-data/hanoi-plan78-2022-district-targets.csv") Resource districtTargets,
                   @Value("classpath:gis-data/hanoi-plan78-2022-facility-targets.csv") Resource facilityTargets) {
        this.loader = loader;
        this.units = units;
        this.structures = structures;
        this.jdbc = jdbc;
        this.time = time;
        this.enabled = enabled;
        // a setting, so that the same end date always gives the same data (tests, benchmarks)
        this.until = until == null || until.isBlank() ? null : LocalDate.parse(until.strip());
        this.districtTargets = districtTargets;
        this.facilityTargets = facilityTargets;
    }

    /** The last day of demo events: the setting, else the end of the previous month. */
    LocalDate until() {
        return until != null ? until : time.today().withDayOfMonth(1).minusDays(1);
    }

    @Override
    public void onApplicationEvent(GeographyReady event) {
        if (!enabled) {
            return;
        }
        load(DemoCalibration.hanoi(), hanoiDistrictWeights(), hanoiFacilities());
        load(DemoCalibration.daNang(), Map.of(), new DemoPopulation.Facilities(Map.of("DN-1", 1.0), Map.of("DN-1", 1.0)));
    }

    private void load(DemoCalibration calibration, Map<String, Double> weights, DemoPopulation.Facilities facilities) {
        String province = calibration.provinceCode();
        String edition = GENERATOR + " until " + until();
        if (units.find(province).isEmpty() || units.find(province, PLAN_78).isEmpty()) {
            return;
        }
        String loaded = jdbc.sql("select edition from demo_edition where province_code = :p").param("p", province)
                .query(String.class).optional().orElse(null);
        if (edition.equals(loaded)) {
            return;
        }
        long start = System.nanoTime();
        int removed = loader.removeDemo(province);
        List<DemoPopulation.Area> areas = new ArrayList<>();
        for (AdminUnit district : units.byLevel(province, AdminLevel.DISTRICT, PLAN_78)) {
            List<AdminUnit> communes = units.children(district);
            if (!communes.isEmpty()) {
                areas.add(new DemoPopulation.Area(district.getName(), communes,
                        weights.getOrDefault(district.getCode(), (double) communes.size())));
            }
        }
        // inside today's communes too: the approximate communes of 2022 may stray over the border by a sliver
        var mask = units.communeCover(province, time.today());
        List<DemoPopulation.Generated> generated = new DemoPopulation(calibration, areas, facilities, until(), mask, 0).generate();
        List<PersonSeed> seeds = recordedWhenFirstSeen(province, generated);
        // the demo's record keys are seeded too: the same demo data is published alike wherever it runs
        int people = loader.load(seeds, new java.util.SplittableRandom(KEY_SEED + Long.parseLong(province))).size();
        jdbc.sql("""
                insert into demo_edition (province_code, edition, loaded_at) values (:p, :e, now())
                on conflict (province_code) do update set edition = excluded.edition, loaded_at = excluded.loaded_at""")
                .param("p", province).param("e", edition).update();
        log.info("Demo data for province {} ({}): {} people, {} events in {} ms{}", province, edition, people,
                seeds.stream().mapToInt(s -> s.events().size()).sum(), (System.nanoTime() - start) / 1_000_000,
                removed > 0 ? " (replacing " + removed + " people of an earlier edition)" : "");
    }

    /**
     * Each person as the commune officer recorded them when first seen: in the commune, of the
     * structure in force that day, that holds their residence, its name in the address.
     */
    private List<PersonSeed> recordedWhenFirstSeen(String province, List<DemoPopulation.Generated> generated) {
        Map<String, Map<Long, double[]>> byStructure = new LinkedHashMap<>();
        for (int i = 0; i < generated.size(); i++) {
            DemoPopulation.Generated g = generated.get(i);
            Coordinate c = g.residence();
            byStructure.computeIfAbsent(structures.on(g.firstRecord()).code(), k -> new HashMap<>())
                    .put((long) i, new double[] {c.x, c.y});
        }
        Map<Long, String> communes = new HashMap<>();
        byStructure.forEach((structure, points) -> communes.putAll(units.communesAt(structure, province, points)));
        Map<Long, String> todays = todaysCommunesOfThoseNeeded(province, generated);
        Map<Long, String[]> moves = movesInTodaysCommunes(province, todays, i -> generated.get(i.intValue()).seed().events()
                .stream().anyMatch(e -> e.type() == EventType.RESIDENCE_MOVE));
        Map<String, String> courts = regionalCourts(province);
        String regionalCourt = "Tòa án nhân dân khu vực - " + units.find(province).map(AdminUnit::getName).orElse(province);
        List<PersonSeed> seeds = new ArrayList<>(generated.size());
        for (int i = 0; i < generated.size(); i++) {
            PersonSeed seed = generated.get(i).seed();
            String[] move = moves.get((long) i);
            AdminStructure structure = structures.on(generated.get(i).firstRecord());
            String commune = communes.get((long) i);
            if (commune == null) {
                // the point lies in a sliver of the old shape outside the later one: as first generated
                commune = seed.form().currentCommuneCode();
                structure = structures.require(seed.structure());
            }
            String name = units.find(commune, structures.dayWithin(structure, time.today())).map(AdminUnit::getName).orElse("");
            PersonForm f = seed.form();
            String address = f.currentAddress() + ", " + name;
            seeds.add(new PersonSeed(new PersonForm(f.fullName(), f.birthDate(), f.sex(), f.nationalId(), commune, address,
                    commune, address, f.longitude(), f.latitude(), f.occupation(), f.notes()), seed.provinceCode(),
                    structure.code(), withCourt(withMove(seed.events(), move), courts.getOrDefault(todays.get((long) i), regionalCourt)),
                    "commune-" + commune, seed.demo()));
        }
        return seeds;
    }

    /** The events with the move's communes of today; without the move (and its report) where none was found. */
    private static List<EventForm> withMove(List<EventForm> events, String[] move) {
        List<EventForm> result = new ArrayList<>(events.size());
        for (EventForm e : events) {
            if (e.type() == EventType.RESIDENCE_MOVE && move != null) {
                result.add(new EventForm(e.type(), e.date(), null, Map.of("toCommune", move[0], "fromCommune", move[1]), null));
            } else if (move != null || (e.type() != EventType.RESIDENCE_MOVE && e.type() != EventType.REPORTED_AT_NEW_RESIDENCE)) {
                result.add(e);
            }
        }
        return result;
    }

    /** Court decisions from 1 July 2025 come from the regional court of the person's commune (Resolution 81/2025). */
    private static List<EventForm> withCourt(List<EventForm> events, String court) {
        return events.stream().map(e -> e.type() != EventType.COURT_DECISION || e.date().isBefore(REGIONAL_COURTS) ? e
                : new EventForm(e.type(), e.date(), e.facilityCode(), withValue(e.details(), "court", court), e.supersedes())).toList();
    }

    private static Map<String, Object> withValue(Map<String, Object> details, String key, Object value) {
        Map<String, Object> changed = new HashMap<>(details);
        changed.put(key, value);
        return changed;
    }

    /** The regional court's name per commune of today, where the courts table knows it. */
    private Map<String, String> regionalCourts(String province) {
        Map<String, String> courts = new HashMap<>();
        jdbc.sql("""
                select k.commune_code, c.name from regional_court_commune k join regional_court c on c.code = k.court_code
                where c.province_code = :p and k.unit_structure = :s and k.valid_to is null""")
                .param("p", province).param("s", structures.current().code())
                .query((rs, n) -> courts.put(rs.getString(1), rs.getString(2))).list();
        return courts;
    }

    /**
     * Today's commune holding the residence of each person whose point is recorded (placed by it, so it is where
     * their record says they live) and who has a move or a court decision of a regional court's time.
     */
    private Map<Long, String> todaysCommunesOfThoseNeeded(String province, List<DemoPopulation.Generated> generated) {
        Map<Long, double[]> needed = new HashMap<>();
        for (int i = 0; i < generated.size(); i++) {
            DemoPopulation.Generated g = generated.get(i);
            if (g.seed().form().longitude() != null && g.seed().events().stream().anyMatch(e -> e.type() == EventType.RESIDENCE_MOVE
                    || e.type() == EventType.COURT_DECISION && !e.date().isBefore(REGIONAL_COURTS))) {
                needed.put((long) i, new double[] {g.residence().x, g.residence().y});
            }
        }
        return needed.isEmpty() ? Map.of() : units.communesAt(structures.current().code(), province, needed);
    }

    /**
     * A demo move of residence (2026) ends in today's commune that holds the person's residence, and starts in a
     * commune next to it: {toCommune, fromCommune} per person index.
     */
    private Map<Long, String[]> movesInTodaysCommunes(String province, Map<Long, String> todays,
                                                      java.util.function.Predicate<Long> hasMove) {
        String today = structures.current().code();
        Map<Long, String> to = todays;
        Map<String, String> neighbour = new HashMap<>();
        jdbc.sql("""
                select c.code, (select n.code from admin_unit n where n.structure = c.structure and n.level = 'COMMUNE'
                                and n.code <> c.code and st_touches(n.geom, c.geom) order by n.code limit 1) as neighbour
                from admin_unit c where c.structure = :s and c.province_code = :p and c.level = 'COMMUNE'""")
                .param("s", today).param("p", province)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list()
                .forEach(r -> neighbour.put(r[0], r[1]));
        Map<Long, String[]> moves = new HashMap<>();
        to.forEach((i, commune) -> {
            if (neighbour.get(commune) != null && hasMove.test(i)) {
                moves.put(i, new String[] {commune, neighbour.get(commune)});
            }
        });
        return moves;
    }

    /** Appendix I gives districts by name; weights are their compulsory dossier targets. */
    Map<String, Double> hanoiDistrictWeights() {
        Map<String, Double> weights = new LinkedHashMap<>();
        List<AdminUnit> districts = units.byLevel("01", AdminLevel.DISTRICT, PLAN_78);
        for (String[] row : SimpleCsv.rows(districtTargets)) {
            String name = VietnameseText.fold(row[1]);
            districts.stream().filter(d -> VietnameseText.fold(d.getName()).endsWith(" " + name)).findFirst()
                    .ifPresent(d -> weights.put(d.getCode(), Double.parseDouble(row[2])));
        }
        if (weights.size() != districts.size()) {
            throw new IllegalStateException("Appendix I names " + weights.size() + " of " + districts.size() + " districts");
        }
        return weights;
    }

    /** Appendix II: facility number n is facility code "n"; empty cells mean the facility takes none. */
    DemoPopulation.Facilities hanoiFacilities() {
        Map<String, Double> compulsory = new LinkedHashMap<>();
        Map<String, Double> voluntary = new LinkedHashMap<>();
        for (String[] row : SimpleCsv.rows(facilityTargets)) {
            if (!row[2].isBlank()) {
                compulsory.put(row[0], Double.parseDouble(row[2]));
            }
            if (row.length > 3 && !row[3].isBlank()) {
                voluntary.put(row[0], Double.parseDouble(row[3]));
            }
        }
        // residents follow the merger of 1 March 2025 (V19's facility_succession), admissions after it go to the successors
        Map<String, String> successors = new LinkedHashMap<>();
        java.util.Set<LocalDate> dates = new java.util.TreeSet<>();
        jdbc.sql("select predecessor_code, successor_code, succession_date from facility_succession where province_code = '01'")
                .query((rs, n) -> {
                    successors.put(rs.getString(1), rs.getString(2));
                    dates.add(rs.getDate(3).toLocalDate());
                    return null;
                }).list();
        return new DemoPopulation.Facilities(compulsory, voluntary, successors, dates.isEmpty() ? null : dates.iterator().next());
    }
}
