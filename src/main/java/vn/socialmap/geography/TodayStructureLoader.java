package vn.socialmap.geography;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * Loads the structure in force today (since 1 July 2025: 34 provinces, 3,321 communes, no
 * districts) with real boundaries, population and area. Provinces with history take their
 * communes from their full-resolution files, the others from the simplified national file.
 * Invalid shapes are repaired in PostGIS ({@code ST_MakeValid}, polygons kept) and the
 * repairs are written to the load's notes and the log.
 */
@Component
class TodayStructureLoader {

    /** The structure the shipped files of today describe. */
    static final String STRUCTURE = "2025-07";
    static final String DERIVATION = "official";

    private static final Logger log = LoggerFactory.getLogger(TodayStructureLoader.class);

    private final AdminStructures structures;
    private final AdminUnitBulkLoader bulk;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final BoundaryReader boundaries;
    private final UnitWrites writes;

    TodayStructureLoader(AdminStructures structures, AdminUnitBulkLoader bulk, JdbcClient jdbc,
                         TransactionTemplate transaction, ObjectMapper json, UnitWrites writes) {
        this.writes = writes;
        this.structures = structures;
        this.bulk = bulk;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.boundaries = new BoundaryReader(json, new GeometryFactory(new PrecisionModel(), 4326));
    }

    void load(GeographyProperties.Today files, List<GeographyProperties.History> history) {
        Set<String> loaded = new HashSet<>(jdbc.sql("select province_code from admin_structure_load where structure = :s")
                .param("s", STRUCTURE).query(String.class).list());
        AdminStructure structure = structures.require(STRUCTURE);
        try {
            Map<String, BoundaryReader.Feature> provinces = boundaries.features(files.provinces());
            if (loaded.containsAll(provinces.keySet())) {
                return;
            }
            long start = System.nanoTime();
            Map<String, GeographyProperties.History> detailed = new HashMap<>();
            history.forEach(h -> detailed.put(h.province(), h));
            Map<String, ReformTables.PopulationRow> population = new HashMap<>();
            ReformTables.population(files.population(), null).forEach(r -> population.put(r.code(), r));
            Map<String, BoundaryReader.Feature> national = boundaries.features(files.communes());
            for (GeographyProperties.History h : history) {
                ReformTables.population(h.population(), h.province()).forEach(r -> population.put(r.code(), r));
            }
            List<AdminUnit> units = new ArrayList<>();
            for (BoundaryReader.Feature p : provinces.values()) {
                if (loaded.contains(p.code())) {
                    continue;
                }
                Map<String, BoundaryReader.Feature> communes = new java.util.LinkedHashMap<>();
                if (detailed.containsKey(p.code())) {
                    communes.putAll(boundaries.features(detailed.get(p.code()).communes()));
                } else {
                    national.values().stream().filter(c -> p.code().equals(c.property("provinceCode")))
                            .forEach(c -> communes.put(c.code(), c));
                }
                long people = 0;
                for (BoundaryReader.Feature c : communes.values()) {
                    ReformTables.PopulationRow row = population.get(c.code());
                    Integer residents = row == null || files.populationExcluded().contains(c.code()) ? null : row.population();
                    people += residents == null ? 0 : residents;
                    units.add(new AdminUnit(structure, c.code(), AdminLevel.COMMUNE, c.property("name"), c.property("type"),
                            p.code(), p.code(), c.shape(), GeometrySource.OFFICIAL)
                            .withPopulation(residents, area(c, row)));
                }
                String name = p.property("name");
                units.add(new AdminUnit(structure, p.code(), AdminLevel.PROVINCE, name, provinceType(name), null, p.code(),
                        p.shape(), GeometrySource.OFFICIAL).withPopulation(people == 0 ? null : (int) people, null));
            }
            List<String> notes = transaction.execute(status -> {
                writes.mark();
                bulk.copy(units);
                List<String> repaired = repairInvalid(structure.code());
                Timestamp now = Timestamp.from(Instant.now());
                for (BoundaryReader.Feature p : provinces.values()) {
                    if (!loaded.contains(p.code())) {
                        List<String> mine = repaired.stream().filter(n -> n.startsWith(p.code() + " ")).toList();
                        jdbc.sql("""
                                insert into admin_structure_load (province_code, structure, derivation, loaded_at, notes)
                                values (:p, :s, :d, :t, :n)""").param("p", p.code()).param("s", structure.code())
                                .param("d", DERIVATION).param("t", now).param("n", mine.isEmpty() ? null : String.join("\n", mine))
                                .update();
                    }
                }
                return repaired;
            });
            notes.forEach(n -> log.warn("Repaired shape in province {}", n));
            log.info("Loaded today's structure ({}): {} units of {} provinces in {} ms", structure.code(), units.size(),
                    provinces.size() - loaded.size(), (System.nanoTime() - start) / 1_000_000);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read today's geography", e);
        }
    }

    private static Double area(BoundaryReader.Feature c, ReformTables.PopulationRow row) {
        String value = c.property("areaKm2");
        if (value != null) {
            return Double.valueOf(value);
        }
        return row == null ? null : row.areaKm2();
    }

    /** "Thành phố Hà Nội" is a centrally governed city, "Tỉnh ..." a province. */
    private static String provinceType(String name) {
        return name.startsWith("Thành phố") ? "Thành phố trực thuộc trung ương" : "Tỉnh";
    }

    /**
     * Makes every invalid shape of the structure valid (polygonal parts kept) and says what was
     * wrong with each, as "{@code province code name: reason}".
     */
    private List<String> repairInvalid(String structure) {
        List<String> notes = jdbc.sql("""
                select province_code || ' ' || code || ' ' || name || ': ' || ST_IsValidReason(geom)
                from admin_unit where structure = :s and not ST_IsValid(geom) order by province_code, code""")
                .param("s", structure).query(String.class).list();
        if (!notes.isEmpty()) {
            jdbc.sql("""
                    update admin_unit set geom = ST_Multi(ST_CollectionExtract(ST_MakeValid(geom), 3))
                    where structure = :s and not ST_IsValid(geom)""").param("s", structure).update();
        }
        return notes;
    }
}
