package vn.socialmap.geography;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

import vn.socialmap.geography.UnitListReader.UnitRow;
import vn.socialmap.geography.partition.CommunePartitioner;
import vn.socialmap.geography.partition.PredecessorShapes;

/**
 * Loads a province's earlier structures: the three-tier structure of 2022 (GSO list, real
 * district boundaries) and that of January 2025 (the commune mergers of 2023-2025, same
 * districts), and the crosswalks 2022 → 2025-01 → today as data. Their commune shapes are
 * not published: they are derived from today's real communes ({@link PredecessorShapes}: an
 * old commune lies in its district and in the new communes it went into) and marked
 * approximate. Old units get a population where the crosswalk is whole (every today's
 * commune they went into was formed from them alone).
 */
@Component
class HistoricStructuresLoader {

    static final String STRUCTURE_2022 = "2022";
    static final String STRUCTURE_2025_01 = "2025-01";
    /** Names how approximate shapes are made; a new value derives the stored approximate shapes again. */
    static final String DERIVATION = "predecessor-shapes-1";

    private static final Logger log = LoggerFactory.getLogger(HistoricStructuresLoader.class);
    private static final java.time.LocalDate MERGERS_2025_01 = java.time.LocalDate.of(2025, 1, 1);
    private static final java.time.LocalDate CONVERSION_2025_07 = java.time.LocalDate.of(2025, 7, 1);
    private static final String CONVERSION_SOURCE = "Bảng chuyển đổi ĐVHC mới - cũ (chinhphu.vn, 2025)";

    private final AdminStructures structures;
    private final AdminUnitBulkLoader bulk;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final GeometryFactory factory = new GeometryFactory(new PrecisionModel(), 4326);
    private final BoundaryReader boundaries;
    private final PredecessorShapes shapes = new PredecessorShapes(factory);
    private final CommunePartitioner partitioner = new CommunePartitioner(factory);
    private final UnitWrites writes;

    HistoricStructuresLoader(AdminStructures structures, AdminUnitBulkLoader bulk, JdbcClient jdbc,
                             TransactionTemplate transaction, ObjectMapper json, UnitWrites writes) {
        this.writes = writes;
        this.structures = structures;
        this.bulk = bulk;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.boundaries = new BoundaryReader(json, factory);
    }

    /** What a province's files say, read once. */
    private record Files(String province, List<UnitRow> units2022, Map<String, MultiPolygon> districts,
                         List<ReformTables.MergerRow> mergers, List<ReformTables.ConversionRow> conversions,
                         Map<String, MultiPolygon> today, String mergersSource) {
    }

    void load(GeographyProperties.History h, Resource conversion) {
        String province = h.province();
        Map<String, String> derivations = new HashMap<>();
        jdbc.sql("select structure, derivation from admin_structure_load where province_code = :p").param("p", province)
                .query(rs -> {
                    derivations.put(rs.getString("structure"), rs.getString("derivation"));
                });
        boolean has2022 = derivations.containsKey(STRUCTURE_2022);
        boolean has202501 = derivations.containsKey(STRUCTURE_2025_01);
        boolean hasSuccessions = jdbc.sql("select exists (select 1 from admin_unit_succession where successor_province = :p)")
                .param("p", province).query(Boolean.class).single();
        if (has2022 && has202501 && hasSuccessions && DERIVATION.equals(derivations.get(STRUCTURE_2022))
                && DERIVATION.equals(derivations.get(STRUCTURE_2025_01))) {
            return;
        }
        long start = System.nanoTime();
        Files files = read(h, conversion);
        List<String> notes = new ArrayList<>(consistency(files));

        Map<String, String> districtOf2025 = new LinkedHashMap<>();
        Map<String, String> name2025 = new LinkedHashMap<>();
        for (ReformTables.MergerRow m : files.mergers()) {
            districtOf2025.putIfAbsent(m.code202501(), m.districtCode());
            name2025.putIfAbsent(m.code202501(), m.name202501());
        }
        Map<String, Set<String>> successorsOf = new LinkedHashMap<>();
        for (ReformTables.ConversionRow c : files.conversions()) {
            if (!c.oldCode().isEmpty() && files.today().containsKey(c.newCode())) {
                successorsOf.computeIfAbsent(c.oldCode(), k -> new TreeSet<>()).add(c.newCode());
            }
        }
        Map<String, Geometry> districts = new LinkedHashMap<>();
        files.districts().forEach((code, shape) -> districts.put(code, valid(shape)));
        Map<String, Geometry> today = new LinkedHashMap<>(files.today());

        long seed = Long.parseLong(province);
        List<PredecessorShapes.Predecessor> units202501 = districtOf2025.entrySet().stream()
                .map(e -> new PredecessorShapes.Predecessor(e.getKey(), e.getValue(), successorsOf.getOrDefault(e.getKey(), Set.of())))
                .toList();
        PredecessorShapes.Result step1 = shapes.derive(districts, today, units202501, seed);
        List<PredecessorShapes.Predecessor> units2022 = files.mergers().stream()
                .map(m -> new PredecessorShapes.Predecessor(m.code2022(), m.districtCode(), Set.of(m.code202501())))
                .toList();
        PredecessorShapes.Result step2 = shapes.derive(districts, step1.shapes(), units2022, seed);
        step1.notes().forEach(n -> notes.add(STRUCTURE_2025_01 + ": " + n));
        step2.notes().forEach(n -> notes.add(STRUCTURE_2022 + ": " + n));

        transaction.executeWithoutResult(status -> {
            writes.mark();
            if (!has2022) {
                bulk.copy(units2022(files, districts, step2.shapes()));
            } else if (!DERIVATION.equals(derivations.get(STRUCTURE_2022))) {
                reshape(STRUCTURE_2022, province, step2.shapes());
            }
            if (!has202501) {
                bulk.copy(units202501(files, districts, step1.shapes(), districtOf2025, name2025));
            } else if (!DERIVATION.equals(derivations.get(STRUCTURE_2025_01))) {
                reshape(STRUCTURE_2025_01, province, step1.shapes());
            }
            if (!hasSuccessions) {
                writeSuccessions(files, districtOf2025);
                estimateShares(province);
            }
            writePopulations(province);
            Timestamp now = Timestamp.from(Instant.now());
            String text = notes.isEmpty() ? null : String.join("\n", notes);
            for (String structure : List.of(STRUCTURE_2022, STRUCTURE_2025_01)) {
                jdbc.sql("""
                        insert into admin_structure_load (province_code, structure, derivation, loaded_at, notes)
                        values (:p, :s, :d, :t, :n)
                        on conflict (province_code, structure) do update
                        set derivation = excluded.derivation, loaded_at = excluded.loaded_at, notes = excluded.notes""")
                        .param("p", province).param("s", structure).param("d", DERIVATION).param("t", now).param("n", text)
                        .update();
            }
        });
        notes.forEach(n -> log.info("Province {} history: {}", province, n));
        log.info("Loaded the earlier structures of province {} in {} ms", province, (System.nanoTime() - start) / 1_000_000);
    }

    private Files read(GeographyProperties.History h, Resource conversion) {
        try {
            List<ReformTables.ConversionRow> conversions = ReformTables.conversions(conversion).stream()
                    .filter(c -> c.oldProvince().equals(h.province()) || c.newProvince().equals(h.province())).toList();
            return new Files(h.province(), new UnitListReader().read(h.units2022()), boundaries.read(h.districtBoundaries()),
                    ReformTables.mergers(h.mergers202501()), conversions, boundaries.read(h.communes()),
                    h.mergers202501().getFilename() + " (derived; gis-data/NOTICE.md)");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the history of province " + h.province(), e);
        }
    }

    /** Rows of one table missing from the other; the load goes on, the gaps are reported. */
    private static List<String> consistency(Files f) {
        List<String> notes = new ArrayList<>();
        Set<String> communes2022 = f.units2022().stream().filter(u -> u.level() == AdminLevel.COMMUNE).map(UnitRow::code)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> merged = f.mergers().stream().map(ReformTables.MergerRow::code2022).collect(Collectors.toCollection(TreeSet::new));
        Set<String> missing = new TreeSet<>(communes2022);
        missing.removeAll(merged);
        if (!missing.isEmpty()) {
            notes.add("2022 communes without a 2025-01 commune: " + missing);
        }
        Set<String> converted = f.conversions().stream().filter(c -> c.oldProvince().equals(f.province()))
                .map(ReformTables.ConversionRow::oldCode).collect(Collectors.toSet());
        Set<String> unconverted = f.mergers().stream().map(ReformTables.MergerRow::code202501)
                .filter(c -> !converted.contains(c)).collect(Collectors.toCollection(TreeSet::new));
        if (!unconverted.isEmpty()) {
            notes.add("2025-01 communes without a commune of today: " + unconverted);
        }
        return notes;
    }

    private List<AdminUnit> units2022(Files f, Map<String, Geometry> districts, Map<String, Geometry> communes) {
        AdminStructure s = structures.require(STRUCTURE_2022);
        UnitRow province = f.units2022().stream().filter(r -> r.level() == AdminLevel.PROVINCE).findFirst()
                .orElseThrow(() -> new IllegalStateException("No province row for " + f.province()));
        List<AdminUnit> units = new ArrayList<>();
        units.add(new AdminUnit(s, province.code(), AdminLevel.PROVINCE, province.name(), province.type(), null,
                province.code(), multi(UnaryUnionOp.union(districts.values())), GeometrySource.OFFICIAL));
        for (UnitRow r : f.units2022()) {
            if (r.level() == AdminLevel.DISTRICT) {
                Geometry shape = districts.get(r.code());
                if (shape == null) {
                    throw new IllegalStateException("No boundary for district " + r.code() + " of province " + f.province());
                }
                units.add(new AdminUnit(s, r.code(), AdminLevel.DISTRICT, r.name(), r.type(), province.code(), province.code(),
                        multi(shape), GeometrySource.OFFICIAL));
            } else if (r.level() == AdminLevel.COMMUNE) {
                units.add(new AdminUnit(s, r.code(), AdminLevel.COMMUNE, r.name(), r.type(), r.parentCode(), province.code(),
                        multi(required(communes, r.code())), GeometrySource.APPROXIMATE));
            }
        }
        return units;
    }

    private List<AdminUnit> units202501(Files f, Map<String, Geometry> districts, Map<String, Geometry> communes,
                                        Map<String, String> districtOf, Map<String, String> names) {
        AdminStructure s = structures.require(STRUCTURE_2025_01);
        List<AdminUnit> units = new ArrayList<>();
        for (UnitRow r : f.units2022()) {
            if (r.level() == AdminLevel.PROVINCE) {
                units.add(new AdminUnit(s, r.code(), AdminLevel.PROVINCE, r.name(), r.type(), null, r.code(),
                        multi(UnaryUnionOp.union(districts.values())), GeometrySource.OFFICIAL));
            } else if (r.level() == AdminLevel.DISTRICT) {
                units.add(new AdminUnit(s, r.code(), AdminLevel.DISTRICT, r.name(), r.type(), r.parentCode(), r.parentCode(),
                        multi(districts.get(r.code())), GeometrySource.OFFICIAL));
            }
        }
        districtOf.forEach((code, district) -> units.add(new AdminUnit(s, code, AdminLevel.COMMUNE, names.get(code),
                communeType(names.get(code)), district, f.province(), multi(required(communes, code)), GeometrySource.APPROXIMATE)));
        return units;
    }

    /** Phường, Xã or Thị trấn, as the name begins. */
    static String communeType(String name) {
        for (String type : List.of("Thị trấn", "Phường", "Xã")) {
            if (name.startsWith(type + " ")) {
                return type;
            }
        }
        return "Xã";
    }

    /** Replaces approximate shapes made by an older derivation; official (imported) ones stay. */
    private void reshape(String structure, String province, Map<String, Geometry> communes) {
        WKBWriter wkb = new WKBWriter(2);
        communes.forEach((code, shape) -> jdbc.sql("""
                        update admin_unit set geom = ST_Multi(ST_SetSRID(ST_GeomFromWKB(:wkb), 4326))
                        where structure = :s and province_code = :p and code = :c and level = 'COMMUNE'
                          and geometry_source = 'APPROXIMATE'""")
                .param("wkb", wkb.write(multi(shape))).param("s", structure).param("p", province).param("c", code).update());
    }

    private void writeSuccessions(Files f, Map<String, String> districtOf2025) {
        String province = f.province();
        Map<String, String> names2022 = new HashMap<>();
        f.units2022().forEach(u -> names2022.put(u.code(), u.name()));
        // 2022 -> 2025-01: communes as the mergers list says, districts and the province unchanged
        for (ReformTables.MergerRow m : f.mergers()) {
            insert(AdminLevel.COMMUNE, STRUCTURE_2022, province, m.code2022(), m.name2022(), STRUCTURE_2025_01, province,
                    m.code202501(), Succession.Kind.WHOLE, MERGERS_2025_01, f.mergersSource(), m.status() + ": " + m.evidence());
        }
        for (UnitRow u : f.units2022()) {
            if (u.level() != AdminLevel.COMMUNE) {
                insert(u.level(), STRUCTURE_2022, province, u.code(), u.name(), STRUCTURE_2025_01, province, u.code(),
                        Succession.Kind.WHOLE, MERGERS_2025_01, f.mergersSource(), "unchanged (same code and name)");
            }
        }
        // 2025-01 -> today: the official conversion table, communes (and Huyện Hoàng Sa, a whole district)
        Map<String, Set<String>> newOfOld = new LinkedHashMap<>();
        for (ReformTables.ConversionRow c : f.conversions()) {
            if (c.wholeDistrict()) {
                insert(AdminLevel.DISTRICT, STRUCTURE_2025_01, c.oldProvince(), c.oldDistrictCode(),
                        names2022.getOrDefault(c.oldDistrictCode(), c.oldDistrictCode()), TodayStructureLoader.STRUCTURE,
                        c.newProvince(), c.newCode(), Succession.Kind.WHOLE, CONVERSION_2025_07, CONVERSION_SOURCE, c.mergeKind());
                continue;
            }
            insert(AdminLevel.COMMUNE, STRUCTURE_2025_01, c.oldProvince(), c.oldCode(), c.oldName(), TodayStructureLoader.STRUCTURE,
                    c.newProvince(), c.newCode(), c.partial() ? Succession.Kind.PART : Succession.Kind.WHOLE, CONVERSION_2025_07,
                    CONVERSION_SOURCE, c.mergeKind());
            if (c.oldProvince().equals(province)) {
                newOfOld.computeIfAbsent(c.oldCode(), k -> new LinkedHashSet<>()).add(c.newProvince() + "/" + c.newCode());
            }
        }
        // districts went into the communes their communes went into; the province into today's province
        Map<String, Set<String>> byDistrict = new LinkedHashMap<>();
        districtOf2025.forEach((commune, district) ->
                byDistrict.computeIfAbsent(district, k -> new TreeSet<>()).addAll(newOfOld.getOrDefault(commune, Set.of())));
        byDistrict.forEach((district, successors) -> successors.forEach(s -> {
            String[] ps = s.split("/");
            insert(AdminLevel.DISTRICT, STRUCTURE_2025_01, province, district, names2022.getOrDefault(district, district),
                    TodayStructureLoader.STRUCTURE, ps[0], ps[1], successors.size() == 1 ? Succession.Kind.WHOLE : Succession.Kind.PART,
                    CONVERSION_2025_07, CONVERSION_SOURCE, "derived: the district's communes went into it");
        }));
        insert(AdminLevel.PROVINCE, STRUCTURE_2025_01, province, province, names2022.getOrDefault(province, province),
                TodayStructureLoader.STRUCTURE, province, province, Succession.Kind.WHOLE, CONVERSION_2025_07, CONVERSION_SOURCE,
                "the province continues with the same code");
    }

    private void insert(AdminLevel level, String fromStructure, String fromProvince, String fromCode, String fromName,
                        String toStructure, String toProvince, String toCode, Succession.Kind kind, java.time.LocalDate date,
                        String source, String evidence) {
        jdbc.sql("""
                insert into admin_unit_succession (level, predecessor_structure, predecessor_province, predecessor_code,
                    predecessor_name, successor_structure, successor_province, successor_code, kind, effective_date,
                    population_share, source, evidence)
                values (:level, :fs, :fp, :fc, :fn, :ts, :tp, :tc, :kind, :date, :share, :source, :evidence)
                on conflict do nothing""")
                .param("level", level.name()).param("fs", fromStructure).param("fp", fromProvince).param("fc", fromCode)
                .param("fn", fromName).param("ts", toStructure).param("tp", toProvince).param("tc", toCode)
                .param("kind", kind.name()).param("date", Date.valueOf(date))
                .param("share", kind == Succession.Kind.WHOLE ? 1.0 : null).param("source", source).param("evidence", evidence)
                .update();
    }

    /**
     * The share of a predecessor's residents who went to each successor it went into in part:
     * the successor's residents in proportion to the area they share (residents spread evenly
     * within a commune of today), normalised over the predecessor's successors. Areas are
     * compared in degrees: only their ratios within one city are used.
     */
    private void estimateShares(String province) {
        jdbc.sql("""
                with parts as (
                    select s.id, s.predecessor_structure, s.predecessor_code,
                           ST_Area(ST_Intersection(p.geom, q.geom)) / nullif(ST_Area(q.geom), 0) * coalesce(q.population, 1) as est
                    from admin_unit_succession s
                    join admin_unit p on p.structure = s.predecessor_structure and p.code = s.predecessor_code
                                     and p.level = s.level and p.valid_to is not distinct from (
                                         select max(x.valid_to) from admin_unit x where x.structure = p.structure and x.code = p.code)
                    join admin_unit q on q.structure = s.successor_structure and q.code = s.successor_code and q.valid_to is null
                                     and q.level = 'COMMUNE'
                    where s.kind = 'PART' and s.predecessor_province = :p),
                shares as (
                    select id, est / nullif(sum(est) over (partition by predecessor_structure, predecessor_code), 0) as share from parts)
                update admin_unit_succession s set population_share = least(1.0, shares.share)
                from shares where shares.id = s.id and shares.share > 0""").param("p", province).update();
    }

    /**
     * Residents of the province's earlier units, where the crosswalk is whole: a unit (or a
     * district, a province: the group of its communes) has a population when every commune of
     * today it went into was formed from it alone; then it is their sum.
     */
    private void writePopulations(String province) {
        Map<String, Integer> today = new HashMap<>();
        jdbc.sql("select code, population from admin_unit where structure = :s and province_code = :p and level = 'COMMUNE'")
                .param("s", TodayStructureLoader.STRUCTURE).param("p", province)
                .query(rs -> {
                    today.put(rs.getString("code"), (Integer) rs.getObject("population"));
                });
        Map<String, Set<String>> into = new HashMap<>();
        Map<String, Set<String>> from = new HashMap<>();
        Map<String, String> merged = new HashMap<>();
        jdbc.sql("""
                select predecessor_structure, predecessor_code, successor_code from admin_unit_succession
                where level = 'COMMUNE' and (predecessor_province = :p or successor_province = :p)""").param("p", province)
                .query(rs -> {
                    String fromStructure = rs.getString(1);
                    if (fromStructure.equals(STRUCTURE_2025_01)) {
                        into.computeIfAbsent(rs.getString(2), k -> new TreeSet<>()).add(rs.getString(3));
                        from.computeIfAbsent(rs.getString(3), k -> new TreeSet<>()).add(rs.getString(2));
                    } else {
                        merged.put(rs.getString(2), rs.getString(3));
                    }
                });
        Map<String, Set<String>> members202501 = new HashMap<>();
        Map<String, Set<String>> members2022 = new HashMap<>();
        jdbc.sql("select structure, code, level, parent_code from admin_unit where province_code = :p and structure in (:s)")
                .param("p", province).param("s", List.of(STRUCTURE_2022, STRUCTURE_2025_01))
                .query(rs -> {
                    String structure = rs.getString("structure");
                    String code = rs.getString("code");
                    String level = rs.getString("level");
                    Map<String, Set<String>> members = structure.equals(STRUCTURE_2022) ? members2022 : members202501;
                    if (level.equals("COMMUNE")) {
                        members.computeIfAbsent(code, k -> new TreeSet<>()).add(code);
                        members.computeIfAbsent(rs.getString("parent_code"), k -> new TreeSet<>()).add(code);
                        members.computeIfAbsent(province, k -> new TreeSet<>()).add(code);
                    } else {
                        members.computeIfAbsent(code, k -> new TreeSet<>());
                    }
                });
        members202501.forEach((code, communes) -> setPopulation(STRUCTURE_2025_01, province, code,
                wholePopulation(communes, into, from, today)));
        members2022.forEach((code, communes) -> {
            // the 2025-01 communes the group went into, whole only if no other 2022 commune went into them
            Set<String> group = communes.stream().map(merged::get).filter(java.util.Objects::nonNull)
                    .collect(Collectors.toCollection(TreeSet::new));
            boolean whole = merged.entrySet().stream().filter(e -> group.contains(e.getValue()))
                    .allMatch(e -> communes.contains(e.getKey()));
            setPopulation(STRUCTURE_2022, province, code, whole && !communes.isEmpty()
                    ? wholePopulation(group, into, from, today) : null);
        });
    }

    private static Integer wholePopulation(Set<String> group, Map<String, Set<String>> into, Map<String, Set<String>> from,
                                           Map<String, Integer> today) {
        if (group.isEmpty()) {
            return null;
        }
        Set<String> reached = new TreeSet<>();
        group.forEach(c -> reached.addAll(into.getOrDefault(c, Set.of())));
        long sum = 0;
        for (String commune : reached) {
            Integer people = today.get(commune);
            if (people == null || !group.containsAll(from.getOrDefault(commune, Set.of()))) {
                return null;
            }
            sum += people;
        }
        return reached.isEmpty() ? null : (int) sum;
    }

    private void setPopulation(String structure, String province, String code, Integer population) {
        jdbc.sql("update admin_unit set population = :n where structure = :s and province_code = :p and code = :c")
                .param("n", population).param("s", structure).param("p", province).param("c", code).update();
    }

    private static Geometry required(Map<String, Geometry> shapes, String code) {
        Geometry shape = shapes.get(code);
        if (shape == null || shape.isEmpty()) {
            throw new IllegalStateException("No derived shape for commune " + code);
        }
        return shape;
    }

    private Geometry valid(MultiPolygon shape) {
        return shape.isValid() ? shape : partitioner.toMultiPolygon(GeometryFixer.fix(shape));
    }

    private MultiPolygon multi(Geometry shape) {
        return partitioner.toMultiPolygon(shape);
    }
}
