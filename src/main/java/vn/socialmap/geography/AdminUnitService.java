package vn.socialmap.geography;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import vn.socialmap.base.cache.AnswerCaches;
import vn.socialmap.base.cache.RecentAnswers;
import vn.socialmap.base.text.VietnameseText;

/**
 * Reads the administrative units in force on a date (the structure of that date and the
 * versions of its units then): the entry point of the geography module. Methods without a
 * date answer for today. Not transactional as a whole: most answers come from memory, and
 * a screen asks dozens of times; each repository read runs on its own.
 */
@Service
public class AdminUnitService {

    /** The share of a commune's area inside another unit from which it counts as lying in it (slivers below). */
    static final double OVERLAP_SHARE = 0.02;

    private final AdminUnitRepository repository;
    private final AdminStructures structures;
    /**
     * The lists every map screen asks for, shapes included, until a unit changes: the
     * application never modifies a unit entity it has read (changes are written with SQL and
     * change the version), so the same instances can serve every user.
     */
    private final RecentAnswers<List<AdminUnit>> lists;
    private final RecentAnswers<Map<String, Long>> counts;
    private final RecentAnswers<List<LocalDate>> versionStarts;
    private final RecentAnswers<List<String>> structureCodes;
    private final RecentAnswers<CommuneLocator> locators;

    private final JdbcClient jdbc;
    private final UnitWrites writes;
    private static final long VERSION_TTL_NANOS = 1_000_000_000L;
    private volatile Snapshot snapshot;

    AdminUnitService(AdminUnitRepository repository, AdminStructures structures, AnswerCaches caches, JdbcClient jdbc,
                     UnitWrites writes) {
        this.writes = writes;
        this.repository = repository;
        this.structures = structures;
        this.jdbc = jdbc;
        this.lists = caches.create(4096);
        this.counts = caches.create(128);
        this.versionStarts = caches.create(16);
        this.structureCodes = caches.create(64);
        this.locators = caches.create(16);
    }

    /** Today in Vietnam: the date the methods without one answer for. */
    public LocalDate today() {
        return structures.today();
    }

    /** The provinces in force today. */
    public List<AdminUnit> provinces() {
        return provinces(today());
    }

    public List<AdminUnit> provinces(LocalDate date) {
        AdminStructure s = structures.on(date);
        return cached(s, date, "provinces", () -> List.copyOf(repository.findProvinces(s.code(), date)));
    }

    /** A unit of today's structure. */
    public Optional<AdminUnit> find(String code) {
        return find(code, today());
    }

    /** The unit with this code in the structure in force on the date, as it was then. */
    public Optional<AdminUnit> find(String code, LocalDate date) {
        if (code == null) {
            return Optional.empty();
        }
        AdminStructure s = structures.on(date);
        return cached(s, date, "code|" + code, () -> repository.find(s.code(), date, code).map(List::of).orElse(List.of()))
                .stream().findFirst();
    }

    /** A unit of a structure, in its latest version. */
    public Optional<AdminUnit> find(UnitRef ref) {
        if (ref == null) {
            return Optional.empty();
        }
        return cached(lists, "ref|" + ref, () -> repository.findLatest(ref.structure(), ref.code()).map(List::of)
                .orElse(List.of())).stream().findFirst();
    }

    public List<AdminUnit> byLevel(String provinceCode, AdminLevel level) {
        return byLevel(provinceCode, level, today());
    }

    /** The units of a level in a province on a date; none when the structure then has no such level. */
    public List<AdminUnit> byLevel(String provinceCode, AdminLevel level, LocalDate date) {
        AdminStructure s = structures.on(date);
        return cached(s, date, "level|" + provinceCode + "|" + level,
                () -> List.copyOf(repository.findByLevel(s.code(), date, provinceCode, level)));
    }

    /** How many children each unit of a level in a province has on a date (communes per district), for popups. */
    public Map<String, Long> childCounts(String provinceCode, AdminLevel level, LocalDate date) {
        AdminStructure s = structures.on(date);
        AdminLevel childLevel = s.below(level).orElse(null);
        if (childLevel == null) {
            return Map.of();
        }
        return cached(counts, "children-per|" + s.code() + "|" + epoch(s, date) + "|" + provinceCode + "|" + level, () -> {
            Map<String, Long> perParent = new HashMap<>();
            repository.countByParent(s.code(), date, provinceCode, childLevel)
                    .forEach(r -> perParent.put((String) r[0], (Long) r[1]));
            return Map.copyOf(perParent);
        });
    }

    /** Whether a code names a province in force today, without loading its shape (request checks). */
    public boolean isProvince(String code) {
        return isProvince(code, today());
    }

    public boolean isProvince(String code, LocalDate date) {
        return code != null && repository.exists(structures.on(date).code(), date, code, AdminLevel.PROVINCE);
    }

    /** The structures a province has units of (its history is loaded for some provinces only), the earliest first. */
    public List<AdminStructure> structuresOf(String provinceCode) {
        List<String> codes = cached(structureCodes, "structures|" + provinceCode, () -> List.copyOf(jdbc.sql(
                "select distinct structure from admin_unit where province_code = :p").param("p", provinceCode)
                .query(String.class).list()));
        return structures.all().stream().filter(s -> codes.contains(s.code())).toList();
    }

    /** Whether a province has units of the structure in force on the date (history is loaded for some provinces only). */
    public boolean hasStructure(String provinceCode, LocalDate date) {
        return repository.existsInStructure(provinceCode, structures.on(date).code());
    }

    /**
     * Changes with every write to the units (a trigger counts them, V11): a key for caches of
     * units and shapes. One row read with plain JDBC: screens ask for it many times.
     */
    public long version() {
        // read at most once a second (bulk work asks thousands of times, a screen dozens): another
        // node's writes show within that second, this node's at once
        Snapshot known = snapshot;
        long now = System.nanoTime();
        if (known != null && now - known.readAt() < VERSION_TTL_NANOS && known.writes() == writes.ended()
                && !writes.inThisTransaction()) {
            return known.version();
        }
        long writesBefore = writes.ended();
        long read = readVersion();
        snapshot = new Snapshot(read, now, writesBefore);
        return read;
    }

    /** The units' version as last read, when, and after how many of this node's unit writes. */
    private record Snapshot(long version, long readAt, long writes) {
    }

    private long readVersion() {
        return jdbc.sql("select n from admin_unit_version").query(Long.class).single();
    }

    /** A unit's code and name, for tables that need no shape. */
    public record Label(String code, String name) {
    }

    /** Codes and names of the units of a level on a date in a province, or in the country when it is null. */
    public List<Label> labels(String provinceCode, AdminLevel level, LocalDate date) {
        String s = structures.on(date).code();
        return provinceCode == null ? repository.findLabelsNationally(s, date, level)
                : repository.findLabels(s, date, provinceCode, level);
    }

    /** Every unit of a level in the country on a date. */
    public List<AdminUnit> nationally(AdminLevel level, LocalDate date) {
        AdminStructure s = structures.on(date);
        return cached(s, date, "national|" + level, () -> List.copyOf(repository.findByLevelNationally(s.code(), date, level)));
    }

    public List<AdminUnit> children(String parentCode, LocalDate date) {
        AdminStructure s = structures.on(date);
        return cached(s, date, "children|" + parentCode, () -> List.copyOf(repository.findChildren(s.code(), date, parentCode)));
    }

    /** The children of a unit in its own structure and version. */
    public List<AdminUnit> children(AdminUnit parent) {
        return children(parent.getCode(), dayOf(parent));
    }

    /**
     * Units of {@code level} under {@code ancestor} (any level above), in its structure: the
     * communes of a province are the communes of all its districts.
     */
    public List<AdminUnit> descendants(AdminUnit ancestor, AdminLevel level) {
        LocalDate day = dayOf(ancestor);
        AdminStructure s = structures.on(day);
        if (ancestor.getLevel() == AdminLevel.PROVINCE) {
            return byLevel(ancestor.getCode(), level, day);
        }
        if (s.below(ancestor.getLevel()).orElse(null) == level) {
            return children(ancestor.getCode(), day);
        }
        return List.of();
    }

    /** A day on which this version of the unit is in force. */
    public LocalDate dayOf(AdminUnit unit) {
        AdminStructure s = structures.require(unit.getStructure());
        LocalDate day = structures.dayWithin(s, today());
        if (unit.getValidTo() != null && !day.isBefore(unit.getValidTo())) {
            day = unit.getValidTo().minusDays(1);
        }
        if (unit.getValidFrom() != null && day.isBefore(unit.getValidFrom())) {
            day = unit.getValidFrom();
        }
        return day;
    }

    /** Districts and communes in force on a date whose name contains the query, ignoring case and diacritics; districts first. */
    public List<AdminUnit> search(String provinceCode, String query, int limit, LocalDate date) {
        String folded = VietnameseText.fold(query);
        if (folded.isEmpty()) {
            return List.of();
        }
        String pattern = folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        List<AdminUnit> found = new ArrayList<>(repository.search(structures.on(date).code(), date, provinceCode, pattern,
                Limit.of(limit)));
        found.sort(Comparator.comparing(AdminUnit::getLevel).thenComparing(u -> VietnameseText.fold(u.getName())));
        return found;
    }

    /** The unit and its ancestors in its structure, province first. */
    public List<AdminUnit> path(AdminUnit unit) {
        LocalDate day = dayOf(unit);
        List<AdminUnit> path = new ArrayList<>();
        for (AdminUnit u = unit; u != null; u = u.getParentCode() == null ? null : find(u.getParentCode(), day).orElse(null)) {
            path.addFirst(u);
        }
        return path;
    }

    /** Whether the point (WGS84) lies in the unit's latest shape, boundary included. */
    public boolean covers(UnitRef unit, double longitude, double latitude) {
        AdminStructure s = structures.require(unit.structure());
        return repository.covers(s.code(), structures.dayWithin(s, today()), unit.code(), longitude, latitude);
    }

    /**
     * The communes of a province in force on a date as one geometry (their polygons side by side,
     * not dissolved), for point-in-area tests: a point inside it lies inside one of the communes.
     */
    public org.locationtech.jts.geom.MultiPolygon communeCover(String provinceCode, LocalDate date) {
        List<org.locationtech.jts.geom.Polygon> polygons = new ArrayList<>();
        for (AdminUnit u : byLevel(provinceCode, AdminLevel.COMMUNE, date)) {
            for (int i = 0; i < u.getGeom().getNumGeometries(); i++) {
                polygons.add((org.locationtech.jts.geom.Polygon) u.getGeom().getGeometryN(i));
            }
        }
        return new org.locationtech.jts.geom.GeometryFactory(new org.locationtech.jts.geom.PrecisionModel(), 4326)
                .createMultiPolygon(polygons.toArray(org.locationtech.jts.geom.Polygon[]::new));
    }

    /**
     * The commune of a structure holding each point (WGS84 longitude, latitude), by the ids the
     * caller gives the points; a point on a shared border goes to the lower code, a point in no
     * commune of the province is absent. One query for any number of points.
     */
    public Map<Long, String> communesAt(String structure, String provinceCode, Map<Long, double[]> points) {
        Map<Long, String> found = new HashMap<>();
        if (points.isEmpty()) {
            return found;
        }
        AdminStructure s = structures.require(structure);
        LocalDate day = structures.dayWithin(s, today());
        String key = "locator|" + s.code() + "|" + epoch(s, day) + "|" + provinceCode;
        CommuneLocator locator = writes.inThisTransaction() ? new CommuneLocator(byLevel(provinceCode, AdminLevel.COMMUNE, day))
                : locators.get(key + "|" + version(), () -> new CommuneLocator(byLevel(provinceCode, AdminLevel.COMMUNE, day)));
        points.forEach((id, p) -> {
            String code = locator.locate(p[0], p[1]);
            if (code != null) {
                found.put(id, code);
            }
        });
        return found;
    }

    /**
     * The communes of a structure that share area with a unit of another one (today's communes
     * lying, at least in part, in a former district). The shapes of different structures come from
     * different surveys and disagree along their borders by slivers: a commune counts when at least
     * {@link #OVERLAP_SHARE} of its area lies in the unit.
     */
    public List<AdminUnit> overlapping(AdminUnit unit, LocalDate day) {
        AdminStructure structure = structures.on(day);
        return cached(structure, day, "overlapping|" + unit.ref() + "|" + unit.getId(), () -> {
            List<String> codes = jdbc.sql("""
                    select u.code from admin_unit u join admin_unit a on a.id = :id
                    where u.structure = :s and u.level = 'COMMUNE' and u.province_code = a.province_code
                      and in_force(u.valid_from, u.valid_to, :day)
                      and ST_Intersects(u.geom, a.geom)
                      and ST_Area(ST_Intersection(u.geom, a.geom)) > :share * ST_Area(u.geom)
                    order by u.code""").param("id", unit.getId()).param("s", structure.code()).param("day", day)
                    .param("share", OVERLAP_SHARE).query(String.class).list();
            List<AdminUnit> found = new ArrayList<>();
            codes.forEach(c -> find(c, day).ifPresent(found::add));
            return List.copyOf(found);
        });
    }

    /**
     * The district of the last structure that had districts whose area holds a point: the
     * "former district" of a residence or facility of today. Empty where the province has no
     * such history or the point lies in none.
     */
    /**
     * A former district by its code: the district of the last structure that had districts
     * (the one facilities and people keep as their former district).
     */
    public Optional<AdminUnit> formerDistrict(String code) {
        return code == null ? Optional.empty() : structures.lastWithDistricts()
                .flatMap(s -> find(new UnitRef(s.code(), code))).filter(u -> u.getLevel() == AdminLevel.DISTRICT);
    }

    public Optional<String> formerDistrictAt(String provinceCode, double longitude, double latitude) {
        return structures.lastWithDistricts().flatMap(s -> Optional.ofNullable(
                communesAt(s.code(), provinceCode, Map.of(0L, new double[] {longitude, latitude})).get(0L))
                .flatMap(commune -> find(new UnitRef(s.code(), commune))).map(AdminUnit::getParentCode));
    }

    /**
     * How the residents of a unit are estimated to spread over units of another structure it
     * corresponds to: the area they share, weighted by each target's residents per km² where all
     * targets have a population (residents spread evenly within a unit); values are relative.
     */
    public Map<String, Double> shares(UnitRef from, String structure, java.util.Collection<String> candidates) {
        Map<String, Double> result = new HashMap<>();
        if (candidates.isEmpty()) {
            return result;
        }
        AdminStructure source = structures.require(from.structure());
        AdminStructure target = structures.require(structure);
        jdbc.sql("""
                with t as (
                    select u.code, u.geom, u.population, count(*) over () as n, count(u.population) over () as known
                    from admin_unit u
                    where u.structure = :ts and u.code in (:codes) and u.level = 'COMMUNE'
                      and in_force(u.valid_from, u.valid_to, :tday))
                select t.code, ST_Area(ST_Intersection(f.geom, t.geom))
                               * case when t.known = t.n then t.population / nullif(ST_Area(t.geom), 0) else 1 end as weight
                from t join admin_unit f on f.structure = :fs and f.code = :fc and f.level = 'COMMUNE'
                      and in_force(f.valid_from, f.valid_to, :fday)""")
                .param("ts", target.code()).param("codes", candidates).param("tday", structures.dayWithin(target, today()))
                .param("fs", source.code()).param("fc", from.code()).param("fday", structures.dayWithin(source, today()))
                .query(rs -> {
                    result.put(rs.getString("code"), rs.getDouble("weight"));
                });
        return result;
    }

    /** The latest day on or before {@code date} on which a version of the structure's units began: units change only then. */
    private String epoch(AdminStructure s, LocalDate date) {
        List<LocalDate> starts = cached(versionStarts, "starts|" + s.code(),
                () -> List.copyOf(repository.versionStarts(s.code())));
        return starts.stream().filter(d -> !d.isAfter(date)).max(Comparator.naturalOrder()).map(LocalDate::toString)
                .orElse("start");
    }

    private List<AdminUnit> cached(AdminStructure s, LocalDate date, String key, Supplier<List<AdminUnit>> read) {
        return cached(lists, s.code() + "|" + epoch(s, date) + "|" + key, read);
    }

    /**
     * From the cache, except inside a transaction that writes units ({@link UnitWrites}): what it
     * reads could be its own uncommitted units, which a rollback would leave in the cache under a
     * version that a later write reuses.
     */
    private <T> T cached(RecentAnswers<T> cache, String key, Supplier<T> read) {
        if (writes.inThisTransaction()) {
            return read.get();
        }
        return cache.get(key + "|" + version(), read);
    }
}
